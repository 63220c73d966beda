import type { ApplicationView } from '~types/application.schema'
import { CASE_TYPE_LABELS, hardshipExempt, type LegalAidInput, type LegalAidPayload } from '~types/legal-aid.schema'
import { formatFen } from '~types/money'
import { invalidField } from '../core/app-error'
import type { Runtime } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import type { UserDoc } from '../user/user.doc'
import { openApplication } from '../workflow/open-application'

/**
 * A legal-aid request, filed from the worker's profile. Wage and work-injury claims by workers need no hardship
 * test (Art. 42); other case types need the applicant's own declaration. Art. 44 urgency (a limitation ending within
 * 7 days, urgent preservation) flags it for aid before the decision.
 */
export async function submitLegalAid(rt: Runtime, user: UserDoc, input: LegalAidInput, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const exempt = hardshipExempt(input.caseType)
  if (!exempt && !input.hardship) {
    throw invalidField('hardship', '这类案件需要说明经济困难情况（如收入、家庭负担），可以附上证明材料')
  }
  const { attachments, ...rest } = input
  const payload: LegalAidPayload = { ...rest, hardshipExempt: exempt }
  const amount = input.amountFen > 0 ? `，${formatFen(input.amountFen)}` : ''
  return openApplication(rt, user, {
    kind: 'legalAid',
    payload,
    summary: `${CASE_TYPE_LABELS[input.caseType]} · ${input.otherParty.name}${amount}`,
    urgent: input.urgent.limitationEndsSoon || input.urgent.preservationNeeded,
    attachments,
  }, recorder)
}
