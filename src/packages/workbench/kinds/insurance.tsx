import { Text } from '@tarojs/components'
import { formatDateTime } from '~types/format'
import { BENEFITS, BENEFIT_LABELS, BODY_PART_LABELS, EVIDENCE_ITEMS, EVIDENCE_LABELS, RELATION_LABELS, type ClaimDecision, type InjuryClaimPayload, type InsuranceEnrolmentPayload } from '~types/insurance.schema'
import { formatFen, yuanToFen } from '~types/money'
import { ChipGroup } from '../../../components/chip-group'
import { TextField } from '../../../components/text-field'
import { Field } from '../lib/fields'
import { ClaimActions } from './insurance-actions'
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
        {/* One line per declaration: the second is the one to check against the city's register. */}
        <Field label="本人声明">
          <Text className="field__text">✓ 没有参加工伤保险</Text>
          <Text className="field__text">✓ 在本市登记为灵活就业人员</Text>
          <Text className="field__sub">请核对灵活就业登记信息后再批准。</Text>
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


/** A claim at the desk: what happened, the policy and its cover left, the deadlines, the evidence item by item. */
export const injuryClaimReview: ReviewKind = {
  RequestFields({ view }) {
    const p = view.payload as Partial<InjuryClaimPayload>
    const items = p.evidence ? EVIDENCE_ITEMS.filter((k) => p.evidence![k].needed) : []
    return (
      <>
        <Field label="受伤经过">
          <Text className="field__text">{p.occurredAt ? `${formatDateTime(p.occurredAt)} · ${p.place?.text ?? ''}` : '—'}</Text>
          <Text className="field__sub">{`${p.bodyPart ? BODY_PART_LABELS[p.bodyPart] : ''}${p.hospital ? ` · 就医：${p.hospital}` : ''}`}</Text>
          <Text className="field__text field__text--long">{p.what ?? ''}</Text>
        </Field>
        <Field label="保障">
          <Text className="field__text">{`${p.schemeName ?? '—'}${p.policyNumber ? `（保单 ${p.policyNumber}）` : '（平台缴费，无个人保单）'}`}</Text>
        </Field>
        <Field label="期限">
          <Text className={`field__text${p.deadlines?.late ? ' field__text--urgent' : ''}`}>
            {p.deadlines ? (p.deadlines.late ? `⚠ 超过本人申请期限（${formatDateTime(p.deadlines.selfBy)}），需要逾期说明` : `在期限内：本人申请截止 ${formatDateTime(p.deadlines.selfBy)}`) : '—'}
          </Text>
        </Field>
        <Field label="材料">
          {items.map((k) => (
            <Text key={k} className="field__sub">{`${p.evidence![k].received ? '✓ 已收到' : '× 还没有'}：${EVIDENCE_LABELS[k]}`}</Text>
          ))}
        </Field>
        {p.advance?.requestedFen ? (
          <Field label="预付">
            <Text className={`field__text${p.advance.decision ? '' : ' field__text--urgent'}`}>
              {p.advance.decision
                ? `申请 ${formatFen(p.advance.requestedFen)}，${p.advance.decision.approved ? `已同意 ${formatFen(p.advance.decision.amountFen)}` : `未同意：${p.advance.decision.reason ?? ''}`}`
                : `⚠ 申请预付住院押金 ${formatFen(p.advance.requestedFen)}，请先决定`}
            </Text>
          </Field>
        ) : null}
      </>
    )
  },
  DecisionFields({ details }) {
    const d = details as Partial<ClaimDecision>
    return (
      <Field label="核定">
        <Text className="field__text">{`${d.benefit ? BENEFIT_LABELS[d.benefit] : ''}${d.grade ? `（伤残 ${d.grade} 级）` : ''} ${typeof d.amountFen === 'number' ? formatFen(d.amountFen) : ''}`}</Text>
      </Field>
    )
  },
  ApproveFields({ values, set, bind, payload }) {
    const p = (payload ?? {}) as Partial<InjuryClaimPayload>
    const missing = p.evidence ? EVIDENCE_ITEMS.filter((k) => p.evidence![k].needed && !p.evidence![k].received) : []
    const advance = p.advance?.decision?.approved ? p.advance.decision.amountFen : 0
    return (
      <>
        {/* What the reviewer should have in mind at the moment of deciding, not only further up the page. */}
        {missing.length ? <Text className="field__text field__text--urgent">{`⚠ 还没有收到：${missing.map((k) => EVIDENCE_LABELS[k]).join('、')}`}</Text> : null}
        {advance ? <Text className="field__sub">{`已同意预付 ${formatFen(advance)}${p.policyId ? '，已从保单剩余保额里扣除' : ''}。核定金额填这次理赔的总额（含预付），不能少于预付。`}</Text> : null}
        <ChipGroup label="赔付类型" options={BENEFITS.map((b) => ({ value: b, label: BENEFIT_LABELS[b] }))} value={values.benefit ?? ''} onChange={(benefit) => set({ benefit })} error={bind('details.benefit', values.benefit ?? '', () => undefined).error} />
        {values.benefit === 'disability' ? <TextField label="伤残等级（1–10 级，按劳动能力鉴定）" maxlength={2} {...bind('details.grade', values.grade ?? '', (grade) => set({ grade }))} /> : null}
        {/* The pilot has no personal policy, so no cover-left check: saying there was one misled the reviewer. */}
        <TextField
          label="核定金额（元）"
          maxlength={16}
          hint={p.policyId ? `不能超过保单 ${p.policyNumber ?? ''} 本年度剩余的保额；超过时系统会拒绝。` : '平台缴费的保障，没有个人保单，不扣个人保额。'}
          {...bind('details.amountFen', values.amount ?? '', (amount) => set({ amount }))}
        />
      </>
    )
  },
  emptyApproval: () => ({ benefit: '', grade: '', amount: '' }),
  ExtraActions: ClaimActions,
  suggestMissing: (payload) => {
    const p = payload as Partial<InjuryClaimPayload>
    const missing = p.evidence ? EVIDENCE_ITEMS.filter((k) => p.evidence![k].needed && !p.evidence![k].received) : []
    return missing.length ? `请补充：${missing.map((k) => EVIDENCE_LABELS[k]).join('、')}` : ''
  },
  toDetails: (values) => {
    const typed = yuanToFen(values.amount ?? '')
    return {
      ...(values.benefit ? { benefit: values.benefit } : {}),
      ...(values.benefit === 'disability' && values.grade ? { grade: Number(values.grade) || values.grade } : {}),
      amountFen: typed.ok ? typed.fen : values.amount,
    }
  },
}
