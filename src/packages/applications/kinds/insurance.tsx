import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '~types/format'
import { BENEFIT_LABELS, BODY_PART_LABELS, EVIDENCE_ITEMS, EVIDENCE_LABELS, RELATION_LABELS, type ClaimDecision, type InjuryClaimPayload, type InsuranceEnrolmentPayload } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { ActionButton } from '../../../components/action-button'
import { routes } from '../../../routes'
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

/** A claim still being decided takes evidence (the same list as the insurance package's evidence page). */
const UNDECIDED: readonly string[] = ['submitted', 'inReview', 'needsMore', 'resubmitted']

/** A claim read back to the worker: what was reported, the deadlines, the checklist and the next thing to do. */
export const injuryClaimApplicant: ApplicantKind = {
  RequestRows({ view }) {
    const p = view.payload as Partial<InjuryClaimPayload>
    const items = p.evidence ? EVIDENCE_ITEMS.filter((k) => p.evidence![k].needed) : []
    const missing = items.filter((k) => !p.evidence![k].received)
    return (
      <>
        <Row label="报案">
          <Text className="row__text">{p.occurredAt ? `${formatDateTime(p.occurredAt)} · ${p.place?.text ?? ''}` : '—'}</Text>
          <Text className="row__sub">{`${p.bodyPart ? BODY_PART_LABELS[p.bodyPart] : ''}${p.hospital ? ` · ${p.hospital}` : ''}`}</Text>
        </Row>
        <Row label="期限">
          <Text className="row__text">{p.deadlines ? (p.deadlines.late ? '已超过本人申请期限：请上传逾期说明' : `本人最晚 ${formatDateTime(p.deadlines.selfBy)} 前申请（已报案，期限已满足）`) : '—'}</Text>
        </Row>
        <Row label="材料">
          {items.map((k) => (
            <Text key={k} className="row__sub">{`${p.evidence![k].received ? '✓ 已收到' : '还需要'}：${EVIDENCE_LABELS[k]}`}</Text>
          ))}
          {missing.length ? <Text className="row__text">{`下一步：补上${missing.map((k) => EVIDENCE_LABELS[k]).join('、')}`}</Text> : <Text className="row__text">材料齐了，等待审核</Text>}
          {UNDECIDED.includes(view.status) ? (
            <View className="row__sub">
              <ActionButton variant="secondary" compact onClick={() => void Taro.navigateTo({ url: `${routes.insuranceEvidence}?id=${encodeURIComponent(view.id)}` })}>
                补充材料 ›
              </ActionButton>
            </View>
          ) : null}
        </Row>
        {p.advance?.requestedFen ? (
          <Row label="预付">
            <Text className="row__text">{p.advance.decision ? (p.advance.decision.approved ? `已同意预付 ${formatFen(p.advance.decision.amountFen)}` : `预付未同意：${p.advance.decision.reason ?? ''}`) : `已申请预付 ${formatFen(p.advance.requestedFen)}，等待决定`}</Text>
          </Row>
        ) : null}
      </>
    )
  },
  ApprovedRows({ details }) {
    const d = details as Partial<ClaimDecision>
    return (
      <Row label="核定">
        <Text className="row__text">{`${d.benefit ? BENEFIT_LABELS[d.benefit] : ''}${d.grade ? `（伤残 ${d.grade} 级）` : ''} ${typeof d.amountFen === 'number' ? formatFen(d.amountFen) : ''}`}</Text>
      </Row>
    )
  },
  approvedNext: '已核定：等待打款',
  appeal: '如有异议，可以联系所在区县人社部门的工作人员，或拨打 12333 咨询。',
}
