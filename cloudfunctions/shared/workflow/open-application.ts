import type { ApplicationKind, ApplicationView } from '~types/application.schema'
import { KINDS } from '~types/kinds'
import { AUDIT } from '../audit/audit'
import type { Runtime, Transaction } from '../core/context'
import { KIND_DEFINITIONS } from '../kinds'
import { deliver, notify } from '../notify/notifier'
import { noticeOf } from './notice'
import { attachFiles } from '../storage/files'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { nextCaseNo } from './case-number'
import { applicationView } from './views'
import { addWorkingDays } from './working-days'
import { useCalendar } from './calendar.service'
import { inTransaction } from '../db/transaction'

export interface NewApplication {
  kind: ApplicationKind
  /** What the kind stores and reads back; the workflow never looks inside. */
  payload: Record<string, unknown>
  /** One line for lists and the queue. */
  summary: string
  /** Anything the kind flags for attention first (legal aid: Art. 44). */
  urgent: boolean
  /** The applicant's own uploads, checked and marked attached in the same transaction. */
  attachments: readonly string[]
  /** Whose staff review it. @default the applicant's district */
  district?: string
  /** The kind's own writes in the same transaction (a seat taken, a counter moved); single-document operations only. */
  within?: (tx: Transaction, applicationId: string) => Promise<void>
}

/**
 * Every kind's submission: the case number (per kind and day), the decision clock from the kind's rules, the
 * application, its files, the audit line and the "received" message — one transaction, so there is never an
 * application without its trail. A retry is the dispatcher's business (the action's requestId).
 */
export async function openApplication(rt: Runtime, user: UserDoc, input: NewApplication): Promise<ApplicationView> {
  const info = KINDS[input.kind]
  await useCalendar(rt)
  const now = rt.now()
  const due = addWorkingDays(now, info.rules.decideWithinWorkingDays)
  const profile = user.profile!
  let doc: ApplicationDoc | undefined
  let notice: Awaited<ReturnType<typeof notify>> | undefined
  await inTransaction(rt.db, async (tx: Transaction) => {
    const fields: Omit<ApplicationDoc, '_id'> = {
      caseNo: await nextCaseNo(tx, info.casePrefix, now),
      kind: input.kind,
      service: info.service,
      district: input.district ?? profile.districtCode,
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
      urgent: input.urgent,
      summary: input.summary,
      supplement: null,
      decision: null,
      payload: input.payload,
      attachments: [...input.attachments],
    }
    const { id } = (await tx.collection(APPLICATIONS).add(fields)) as { id: string }
    doc = { _id: id, ...fields }
    // Only the applicant's own uploads: nobody can slip someone else's file into a case.
    await attachFiles(rt, tx, user.openid, input.attachments, id)
    await input.within?.(tx, id)
    await tx.collection(AUDIT).add({
      actorId: user._id, actorRole: 'worker', action: 'application.submit', targetType: 'application', targetId: id,
      from: null, to: 'submitted', at: now, visibleToApplicant: true,
    })
    notice = await notify(rt, tx, noticeOf(doc, 'submitted', KIND_DEFINITIONS[input.kind].messages.received(doc)))
  })
  await deliver(rt, [notice!])
  return applicationView(rt.db, doc!)
}
