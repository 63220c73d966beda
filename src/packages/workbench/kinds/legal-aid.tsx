import { Text } from '@tarojs/components'
import { CASE_TYPE_LABELS, PARTY_LABELS, type LegalAidDecision, type LegalAidPayload } from '~types/legal-aid.schema'
import { formatFen } from '~types/money'
import { TextField } from '../../../components/text-field'
import { Field } from '../lib/fields'
import type { ReviewKind } from './index'

/** Legal aid at the reviewer's desk: the request with its Art. 42/44 reading, and who takes the case. */
export const legalAidReview: ReviewKind = {
  RequestFields({ view }) {
    const p = view.payload as Partial<LegalAidPayload>
    const urgent = [p.urgent?.limitationEndsSoon ? '诉讼时效 7 日内届满' : '', p.urgent?.preservationNeeded ? '需要紧急申请财产保全' : ''].filter(Boolean)
    return (
      <>
        <Field label="案件类型">
          <Text className="field__text">{p.caseType ? CASE_TYPE_LABELS[p.caseType] : '—'}</Text>
        </Field>
        <Field label="对方">
          <Text className="field__text">{p.otherParty ? `${PARTY_LABELS[p.otherParty.kind] ?? ''}：${p.otherParty.name}` : '—'}</Text>
          {p.otherParty?.contact ? <Text className="field__sub">联系方式 {p.otherParty.contact}</Text> : null}
        </Field>
        <Field label="请求金额">
          <Text className="field__text">{typeof p.amountFen === 'number' && p.amountFen > 0 ? formatFen(p.amountFen) : '申请人没有填写'}</Text>
        </Field>
        <Field label="事情经过">
          <Text className="field__text field__text--long">{p.facts ?? '—'}</Text>
        </Field>
        <Field label="紧急情况">
          <Text className={`field__text${urgent.length ? ' field__text--urgent' : ''}`}>
            {urgent.length ? `⚠ ${urgent.join('；')}（法律援助法第四十四条，可先行提供法律援助）` : '无'}
          </Text>
        </Field>
        <Field label="经济困难">
          <Text className="field__text field__text--long">
            {p.hardshipExempt ? '免予经济困难审查（追索劳动报酬、工伤赔偿，法律援助法第四十二条）' : p.hardship ? `本人声明：${p.hardship}` : '未填写'}
          </Text>
        </Field>
      </>
    )
  },
  DecisionFields({ details }) {
    const d = details as Partial<LegalAidDecision>
    return (
      <>
        {d.agency ? (
          <Field label="承办">
            <Text className="field__text">{d.agency}</Text>
          </Field>
        ) : null}
        {d.contact ? (
          <Field label="联系电话">
            <Text className="field__text">{d.contact}</Text>
          </Field>
        ) : null}
      </>
    )
  },
  ApproveFields({ values, set, bind }) {
    return (
      <>
        <TextField
          label="承办的法律援助机构或律师"
          placeholder="如：崇川区法律援助中心 王律师"
          maxlength={60}
          {...bind('details.agency', values.agency ?? '', (agency) => set({ agency }))}
        />
        <TextField
          label="申请人可以拨打的电话"
          placeholder="如：0513-85000000"
          maxlength={20}
          hint="会写进给申请人的通知里。"
          {...bind('details.contact', values.contact ?? '', (contact) => set({ contact }))}
        />
      </>
    )
  },
  emptyApproval: () => ({ agency: '', contact: '' }),
}
