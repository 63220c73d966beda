import { Text } from '@tarojs/components'
import { RELATION_LABELS, type InsuranceEnrolmentPayload } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { Field } from '../lib/fields'
import type { ReviewKind } from './index'

/** 参保申请 at the reviewer's desk: the scheme, what it costs and pays, the declaration and the beneficiary. */
export const insuranceEnrolmentReview: ReviewKind = {
  RequestFields({ view }) {
    const p = view.payload as Partial<InsuranceEnrolmentPayload>
    return (
      <>
        <Field label="方案">
          <Text className="field__text">{p.schemeName ?? '—'}</Text>
          <Text className="field__sub">{`${p.insurer ?? ''} · 每年 ${typeof p.premiumFen === 'number' ? formatFen(p.premiumFen) : '—'} · 最高赔付 ${typeof p.annualCapFen === 'number' ? formatFen(p.annualCapFen) : '—'}`}</Text>
        </Field>
        <Field label="本人声明">
          <Text className="field__text">没有参加工伤保险；在本市登记为灵活就业人员（请核对登记信息）</Text>
        </Field>
        <Field label="受益人">
          <Text className="field__text">{p.beneficiary ? `${p.beneficiary.name}（${RELATION_LABELS[p.beneficiary.relation]}） ${p.beneficiary.mobile}` : '—'}</Text>
        </Field>
      </>
    )
  },
  DecisionFields: () => null,
  ApproveFields: () => <Text className="field__sub">批准后申请人会收到缴费通知；缴费后第二天零点起保障一年。</Text>,
  emptyApproval: () => ({}),
}
