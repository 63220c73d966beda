import { Text } from '@tarojs/components'
import {
  EDUCATION_LABELS,
  HONOUR_TIER_LABELS,
  OFFER_TYPE_LABELS,
  SKILL_LEVEL_LABELS,
  type EnrolmentPayload,
  type SkillSubsidyPayload,
  type SubsidyDecision,
  type TuitionSubsidyPayload,
} from '~types/academy.schema'
import { fenToYuanText, formatFen, yuanToFen } from '~types/money'
import { TextField } from '../../../components/text-field'
import { Field } from '../lib/fields'
import type { ReviewKind } from './index'

/** 学院报名 at the reviewer's desk: which offer, seat or waitlist place, a diploma's education. */
export const enrolmentReview: ReviewKind = {
  RequestFields({ view }) {
    const p = view.payload as Partial<EnrolmentPayload>
    return (
      <>
        <Field label="报名">
          <Text className="field__text">{`${p.offerType ? OFFER_TYPE_LABELS[p.offerType] : ''}：${p.offerTitle ?? '—'}`}</Text>
        </Field>
        <Field label="名额">
          <Text className={`field__text${p.seated ? '' : ' field__text--urgent'}`}>
            {p.seated ? '已占名额，批准后录取' : `候补第 ${p.waitlistNo ?? '?'} 号：有人退出递补后才能批准`}
          </Text>
        </Field>
        {p.education ? (
          <Field label="最高学历">
            <Text className="field__text">{`${EDUCATION_LABELS[p.education]}（证明见附件）`}</Text>
          </Field>
        ) : null}
        {p.note ? (
          <Field label="申请人留言">
            <Text className="field__text field__text--long">{p.note}</Text>
          </Field>
        ) : null}
      </>
    )
  },
  DecisionFields: () => null,
  ApproveFields: () => <Text className="field__sub">批准后申请人即被录取，上课安排在“我的学习”里。</Text>,
  emptyApproval: () => ({}),
}

/** The amount field of both subsidies: prefilled with the rule's amount; lower only with a reason. */
function SubsidyApprove({ values, set, bind, computedFen }: Parameters<ReviewKind['ApproveFields']>[0] & { computedFen: number }) {
  const typed = yuanToFen(values.amount ?? '')
  const lower = typed.ok && typed.fen < computedFen
  return (
    <>
      <TextField
        label="批准金额（元）"
        maxlength={16}
        hint={`按规则算出 ${formatFen(computedFen)}，只能照批或调低，不能调高。`}
        {...bind('details.amountFen', values.amount ?? '', (amount) => set({ amount }))}
      />
      {lower ? (
        <TextField label="调低的理由（申请人会看到）" maxlength={200} {...bind('details.lowerReason', values.lowerReason ?? '', (lowerReason) => set({ lowerReason }))} />
      ) : null}
    </>
  )
}

function subsidyDetails(values: Record<string, string>): Record<string, unknown> {
  const typed = yuanToFen(values.amount ?? '')
  // A typo goes to the server as typed: its answer names `details.amountFen` in plain words.
  return { amountFen: typed.ok ? typed.fen : values.amount, ...(values.lowerReason?.trim() ? { lowerReason: values.lowerReason } : {}) }
}


function Reasoning({ lines }: { lines?: string[] }) {
  return (
    <Field label="按规则计算">
      {(lines ?? []).map((l) => (
        <Text key={l} className="field__sub">{l}</Text>
      ))}
    </Field>
  )
}

function SubsidyDecided({ details }: { details: Record<string, unknown> }) {
  const d = details as Partial<SubsidyDecision>
  return (
    <>
      <Field label="批准金额">
        <Text className="field__text">{typeof d.amountFen === 'number' ? formatFen(d.amountFen) : '—'}</Text>
      </Field>
      {d.lowerReason ? (
        <Field label="调低理由">
          <Text className="field__text">{d.lowerReason}</Text>
        </Field>
      ) : null}
    </>
  )
}

/** What both subsidies decide alike: the amount by rule, lowered only with a reason. */
const subsidyDecision: Omit<ReviewKind, 'RequestFields'> = {
  DecisionFields: SubsidyDecided,
  ApproveFields: (props) => <SubsidyApprove {...props} computedFen={Number(props.payload?.computedFen ?? 0)} />,
  emptyApproval: (payload) => ({ amount: fenToYuanText(Number(payload?.computedFen ?? 0)), lowerReason: '' }),
  toDetails: subsidyDetails,
}

export const skillSubsidyReview: ReviewKind = {
  ...subsidyDecision,
  RequestFields({ view }) {
    const p = view.payload as Partial<SkillSubsidyPayload>
    return (
      <>
        <Field label="证书">
          <Text className="field__text">{`${p.occupation ?? ''} ${p.level ? SKILL_LEVEL_LABELS[p.level] : ''}`}</Text>
          <Text className="field__sub">{`编号 ${p.number ?? '—'} · 发证 ${p.issuedOn ?? '—'}`}</Text>
          <Text className={`field__sub${p.source === 'external' ? ' field__text--urgent' : ''}`}>
            {p.source === 'external' ? '⚠ 持证人自行登记：请在国家或江苏职业技能等级证书查询网站核验编号和照片' : '本学院颁发，已核验'}
          </Text>
        </Field>
        <Reasoning lines={p.reasoning} />
      </>
    )
  },
}

export const tuitionSubsidyReview: ReviewKind = {
  ...subsidyDecision,
  RequestFields({ view }) {
    const p = view.payload as Partial<TuitionSubsidyPayload>
    return (
      <>
        <Field label="专业与学年">
          <Text className="field__text">{`${p.offerTitle ?? '—'} 第 ${p.yearNo ?? '?'} 学年`}</Text>
        </Field>
        <Field label="实际缴纳">
          <Text className="field__text">{typeof p.paidFen === 'number' ? formatFen(p.paidFen) : '—'}</Text>
          <Text className="field__sub">请对照附件里的发票或收据</Text>
        </Field>
        <Field label="荣誉">
          <Text className="field__text">{p.tier ? HONOUR_TIER_LABELS[p.tier] : '—'}</Text>
        </Field>
        <Reasoning lines={p.reasoning} />
      </>
    )
  },
}
