import { KIND_SERVICE, type ApplicationView } from '~types/application.schema'
import { formatDateTime, yuan } from '~types/format'
import { CASE_TYPE_LABELS, hardshipExempt, type LegalAidInput } from '~types/legal-aid.schema'
import { WORKFLOW_RULES } from '../../../config/workflow'
import { AUDIT } from '../audit/audit'
import { invalidField } from '../core/app-error'
import { attachFiles } from '../storage/files'
import type { Runtime, Transaction } from '../core/context'
import { MESSAGES, messageDoc } from '../inbox/inbox.service'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from '../workflow/application.doc'
import { nextCaseNo } from '../workflow/case-number'
import { applicationView } from '../workflow/views'
import { addWorkingDays } from '../workflow/working-days'

/**
 * A legal-aid request (法律援助法): filed from the worker's profile, decided within 7 working days. Wage and
 * work-injury claims by workers need no hardship test (Art. 42); other case types need the applicant's own
 * declaration. Art. 44 urgency (limitation ending within 7 days, urgent preservation) flags it for aid before the
 * decision. Idempotent through the action's requestId (a retry returns the same application).
 */
export async function submitLegalAid(rt: Runtime, user: UserDoc, input: LegalAidInput): Promise<ApplicationView> {
  const exempt = hardshipExempt(input.caseType)
  if (!exempt && !input.hardship) {
    throw invalidField('hardship', '这类案件需要说明经济困难情况（如收入、家庭负担），可以附上证明材料')
  }
  const now = rt.now()
  const rules = WORKFLOW_RULES.legalAid
  const due = addWorkingDays(now, rules.decideWithinWorkingDays)
  const profile = user.profile!
  const amount = input.amountFen > 0 ? `，${yuan(input.amountFen)}` : ''
  let id = ''
  let caseNo = ''
  await rt.db.runTransaction(async (tx: Transaction) => {
    caseNo = await nextCaseNo(tx, 'FY', now)
    const doc: Omit<ApplicationDoc, '_id'> = {
      caseNo,
      kind: 'legalAid',
      service: KIND_SERVICE.legalAid,
      district: profile.districtCode,
      status: 'submitted',
      open: true,
      version: 1,
      applicantId: user._id,
      applicantOpenid: user.openid,
      applicantName: profile.realName,
      createdAt: now,
      updatedAt: now,
      dueAt: due.dueAt,
      decisionDueAt: due.dueAt,
      pausedWorkingDays: null,
      extended: false,
      provisional: due.provisional,
      urgent: input.urgent.limitationEndsSoon || input.urgent.preservationNeeded,
      summary: `${CASE_TYPE_LABELS[input.caseType]} · ${input.otherParty.name}${amount}`,
      supplement: null,
      decision: null,
      payload: { ...input, hardshipExempt: exempt, attachments: undefined },
      attachments: input.attachments,
    }
    id = ((await tx.collection(APPLICATIONS).add(doc)) as { id: string }).id
    // Only the applicant's own uploads: nobody can slip someone else's file into a case.
    await attachFiles(rt, tx, user.openid, input.attachments, id)
    await tx.collection(AUDIT).add({
      actorId: user._id, actorRole: 'worker', action: 'application.submit', targetType: 'application', targetId: id,
      from: null, to: 'submitted', at: now, visibleToApplicant: true,
    })
    await tx.collection(MESSAGES).add(messageDoc(user.openid, {
      title: '已收到您的法律援助申请',
      body: `申请编号 ${caseNo}。所在区县的法律援助工作人员会在 ${formatDateTime(due.dueAt)} 前作出决定${exempt ? '；您的案件属于免予经济困难审查的情形' : ''}。进度可以在“我的申请”里查看。`,
      target: { kind: 'application', id },
    }, now))
  })
  const { data } = await rt.db.collection(APPLICATIONS).doc(id).get()
  return applicationView(rt.db, data[0] as ApplicationDoc)
}
