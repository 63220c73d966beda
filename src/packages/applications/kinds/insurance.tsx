import { Text } from '@tarojs/components'
import { RELATION_LABELS, type InsuranceEnrolmentPayload } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { Row } from '../lib/card'
import type { ApplicantKind } from './index'

export const insuranceEnrolmentApplicant: ApplicantKind = {
  RequestRows({ view }) {
    const p = view.payload as Partial<InsuranceEnrolmentPayload>
    return (
      <>
        <Row label="方案">
          <Text className="row__text">{p.schemeName ?? '—'}</Text>
          <Text className="row__sub">{`${p.insurer ?? ''}，每年 ${typeof p.premiumFen === 'number' ? formatFen(p.premiumFen) : '—'}`}</Text>
        </Row>
        <Row label="受益人">
          <Text className="row__text">{p.beneficiary ? `${p.beneficiary.name}（${RELATION_LABELS[p.beneficiary.relation]}）` : '—'}</Text>
        </Row>
      </>
    )
  },
  ApprovedRows: () => (
    <Row label="接下来">
      <Text className="row__text">在“我的保障”里缴费，缴费后第二天零点起保障一年</Text>
    </Row>
  ),
  approvedNext: '已通过：请缴费',
  appeal: '如有异议，可以联系所在区县人社部门的工作人员，或拨打 12333 咨询。',
}
