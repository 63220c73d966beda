import type { SubsidyDecision } from '~types/academy.schema'
import type { Step } from '~types/application.schema'
import { KINDS } from '~types/kinds'
import { formatFen } from '~types/money'
import { invalidField } from '../core/app-error'
import { standardMessages, type KindDefinition, type TransitionHookContext } from '../workflow/kind'
import { ACADEMY_APPEAL } from './enrolment.kind'
import { settleClaim } from './subsidy.submit'

const GONE: readonly Step[] = ['reject', 'withdraw', 'expire']

/**
 * Both subsidies: staff approve the amount the rule computed, or lower with a reason the applicant reads — never
 * higher; the worker's claims record follows the decision in the same transaction.
 */
async function onSubsidyStep({ tx, app, step, details }: TransitionHookContext) {
  if (step === 'approve') {
    const d = details as SubsidyDecision
    const computed = (app.payload as { computedFen: number }).computedFen
    if (d.amountFen > computed) throw invalidField('details.amountFen', `不能高于按规则算出的 ${formatFen(computed)}`)
    if (d.amountFen < computed && (d.lowerReason ?? '').length < 4) throw invalidField('details.lowerReason', '金额低于规则算出的数额时，请写明理由（至少 4 个字，申请人会看到）')
    await settleClaim(tx, app.applicantId, app._id, 'approved')
    return
  }
  if (GONE.includes(step as Step)) await settleClaim(tx, app.applicantId, app._id, 'gone')
}

function approvedText(details: Record<string, unknown>) {
  const d = details as SubsidyDecision
  return `${formatFen(d.amountFen)}${d.lowerReason ? `（核定理由：${d.lowerReason.replace(/[。.]+$/, '')}）` : ''}`
}

export const skillSubsidyKind: KindDefinition = {
  messages: standardMessages(KINDS.skillSubsidy, {
    appeal: ACADEMY_APPEAL,
    approved: (app, details) => ({
      title: '技能提升补贴已批准',
      hint: `补贴 ${formatFen((details as SubsidyDecision).amountFen)}`,
      body: `您的技能提升补贴申请（${app.caseNo}）已批准，金额 ${approvedText(details)}，一般在每月 25 日前后发到您的社会保障卡银行账户。`,
    }),
  }),
  onTransition: onSubsidyStep,
}

export const tuitionSubsidyKind: KindDefinition = {
  messages: standardMessages(KINDS.tuitionSubsidy, {
    appeal: ACADEMY_APPEAL,
    approved: (app, details) => ({
      title: '学费补贴已批准',
      hint: `补贴 ${formatFen((details as SubsidyDecision).amountFen)}`,
      body: `您的学费补贴申请（${app.caseNo}）已批准，金额 ${approvedText(details)}，会发到您的社会保障卡银行账户。`,
    }),
  }),
  onTransition: onSubsidyStep,
}
