import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ReviewView } from '~types/application.schema'
import { AdvanceDecisionInput, PayoutInput, type ClaimDecision, type InjuryClaimPayload } from '~types/insurance.schema'
import { fenToYuanText, formatFen, yuanToFen } from '~types/money'
import { inZone } from '~types/time'
import { api } from '../../../api/client'
import { ActionButton } from '../../../components/action-button'
import { Notice } from '../../../components/notice'
import { TextArea } from '../../../components/text-area'
import { TextField } from '../../../components/text-field'
import { useAction } from '../../../hooks/use-action'
import { Section } from '../lib/fields'


/**
 * A claim's own staff steps beside the workflow's: the hospital-deposit advance, decided first (it draws on the
 * cover left at once), and the payouts of an approved claim (never above what was approved).
 */
export function ClaimActions({ view, onDone }: { view: ReviewView; onDone: (toast: string) => void }) {
  const p = view.payload as unknown as InjuryClaimPayload
  const approvedFen = (view.decision?.details as Partial<ClaimDecision> | undefined)?.amountFen ?? 0
  const paidFen = (p.payouts ?? []).reduce((s, x) => s + x.amountFen, 0)
  const advanceOpen = p.advance?.requestedFen > 0 && !p.advance.decision && view.status !== 'approved' && view.status !== 'rejected' && view.status !== 'withdrawn'
  return (
    <>
      {advanceOpen ? <AdvanceForm view={view} requestedFen={p.advance.requestedFen} fromPolicy={!!p.policyId} onDone={onDone} /> : null}
      {view.status === 'approved' || view.status === 'done' ? (
        <Section title="打款">
          {(p.payouts ?? []).map((x) => (
            <Text key={x.reference + x.at} className="field__sub">{`${x.paidOn} 打款 ${formatFen(x.amountFen)} · 流水号 ${x.reference}`}</Text>
          ))}
          <Text className="field__text">{`核定 ${formatFen(approvedFen)}，已打 ${formatFen(paidFen)}${approvedFen > paidFen ? `，还差 ${formatFen(approvedFen - paidFen)}` : '，已全部打款'}`}</Text>
          {/* A fresh form after each payout (keyed by how many there are): the last one's amount and bank reference
              stayed filled in, one tap from being recorded twice. */}
          {approvedFen > paidFen ? <PayoutForm key={(p.payouts ?? []).length} view={view} leftFen={approvedFen - paidFen} onDone={onDone} /> : null}
        </Section>
      ) : null}
    </>
  )
}

function AdvanceForm({ view, requestedFen, fromPolicy, onDone }: { view: ReviewView; requestedFen: number; fromPolicy: boolean; onDone: (toast: string) => void }) {
  const [amount, setAmount] = useState(fenToYuanText(requestedFen))
  const [reason, setReason] = useState('')
  const [refusing, setRefusing] = useState(false)
  const action = useAction(AdvanceDecisionInput, (input, opts) => api.insurance.decideAdvance(input, opts))
  const send = async (approve: boolean) => {
    const typed = yuanToFen(amount)
    if (approve && !typed.ok) return action.fail({ amountFen: typed.error })
    const out = await action.run({ applicationId: view.id, approve, ...(approve && typed.ok ? { amountFen: typed.fen } : {}), ...(reason.trim() ? { reason } : {}) })
    if (out) onDone(approve ? '已同意预付' : '已回复不预付')
  }
  return (
    <View className="step-form" role="form" aria-label="预付住院押金">
      <Text className="step-form__title">预付住院押金（先决定）</Text>
      <Text className="field__sub">{`申请人申请预付 ${formatFen(requestedFen)}。${fromPolicy ? '同意后从保单剩余保额里先扣除。' : '平台缴费的保障，没有个人保单，不扣个人保额。'}可以只同意一部分。`}</Text>
      {action.problem && !Object.keys(action.errors).length ? <Notice kind="warn">{action.problem}</Notice> : null}
      {refusing ? (
        <TextArea label="不同意的理由（申请人会看到）" value={reason} onChange={setReason} maxlength={200} error={action.errors.reason} />
      ) : (
        <TextField label="同意预付的金额（元）" maxlength={16} value={amount} onChange={setAmount} error={action.errors.amountFen} />
      )}
      <View className="step-form__buttons">
        {refusing ? (
          <>
            <ActionButton variant="dangerSolid" busy={action.busy} busyText="正在发送…" onClick={() => void send(false)}>确认不预付</ActionButton>
            <ActionButton variant="secondary" onClick={() => setRefusing(false)}>返回</ActionButton>
          </>
        ) : (
          <>
            <ActionButton busy={action.busy} busyText="正在发送…" onClick={() => void send(true)}>同意预付</ActionButton>
            <ActionButton variant="secondary" onClick={() => setRefusing(true)}>不同意…</ActionButton>
          </>
        )}
      </View>
    </View>
  )
}

function PayoutForm({ view, leftFen, onDone }: { view: ReviewView; leftFen: number; onDone: (toast: string) => void }) {
  const [amount, setAmount] = useState(fenToYuanText(leftFen))
  const [paidOn, setPaidOn] = useState(() => inZone(new Date()).format('YYYY-MM-DD'))
  const [reference, setReference] = useState('')
  const action = useAction(PayoutInput, (input, opts) => api.insurance.recordPayout(input, opts))
  const send = async () => {
    const typed = yuanToFen(amount)
    if (!typed.ok) return action.fail({ amountFen: typed.error })
    if (await action.run({ applicationId: view.id, amountFen: typed.fen, paidOn: paidOn.trim(), reference })) onDone('已记录打款')
  }
  return (
    <View className="step-form" role="form" aria-label="记录打款">
      {action.problem && !Object.keys(action.errors).length ? <Notice kind="warn">{action.problem}</Notice> : null}
      <TextField label="打款金额（元）" maxlength={16} value={amount} onChange={setAmount} error={action.errors.amountFen} />
      <TextField label="打款日期" placeholder="如 2026-12-10" maxlength={10} value={paidOn} onChange={setPaidOn} error={action.errors.paidOn} />
      <TextField label="银行流水号" placeholder="如 CS20261210001" maxlength={40} value={reference} onChange={setReference} error={action.errors.reference} />
      <ActionButton busy={action.busy} busyText="正在记录…" onClick={() => void send()}>记录打款并通知申请人</ActionButton>
    </View>
  )
}
