import type { ApplicationKind, ApplicationView } from '~types/application.schema'
import { KINDS } from '~types/kinds'
import { AUDIT } from '../audit/audit'
import type { Runtime, Transaction } from '../core/context'
import { KIND_DEFINITIONS } from '../kinds'
import { deliver, notify } from '../notify/notifier'
import { noticeOf } from './notice'
import { attachChecked, filesToAttach } from '../storage/files'
import { fileView } from '../storage/file.doc'
import type { ReplayRecorder } from '../core/idempotency'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { nextCaseNo } from './case-number'
import { applicationViewOf, storedTimeline } from './views'
import { stepEntry } from './transition'
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
  /**
   * The kind's own reads and writes in the transaction before the application is written (a seat taken, a claims
   * record checked); what it answers joins the payload. Single-document operations only; throwing refuses it all.
   */
  before?: (tx: Transaction) => Promise<Record<string, unknown>>
  /**
   * How long to keep retrying conflicts (db/transaction.ts): a kind whose submissions crowd one more document than
   * the day's case counter (a course's seats) needs longer. @default 5000
   */
  budgetMs?: number
  /** The kind's own writes in the same transaction once the application has its id and case number. */
  within?: (tx: Transaction, applicationId: string, caseNo: string) => Promise<void>
}

/**
 * Every kind's submission: the case number (per kind and day), the decision clock from the kind's rules, the
 * application with its own trail, its files, the audit line and the "received" message — one transaction, so there
 * is never an application without its trail. The answer is built from what was written (nothing is read back);
 * with a requestId the replay record is the transaction's last write (`recorder`).
 */
export async function openApplication(rt: Runtime, user: UserDoc, input: NewApplication, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const info = KINDS[input.kind]
  await useCalendar(rt)
  const now = rt.now()
  const due = addWorkingDays(now, info.rules.decideWithinWorkingDays)
  const profile = user.profile!
  // Only the applicant's own uploads: nobody can slip someone else's file into a case.
  const files = await filesToAttach(rt.db, user.openid, input.attachments)
  let notice: Awaited<ReturnType<typeof notify>> | undefined
  const view = await inTransaction(rt.db, async (tx: Transaction) => {
    notice = undefined
    const own = (await input.before?.(tx)) ?? {}
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
      payload: { ...input.payload, ...own },
      attachments: [...input.attachments],
      timeline: [stepEntry('submit', { id: user._id, role: 'worker' }, null, 'submitted', now)],
    }
    const { id } = (await tx.collection(APPLICATIONS).add(fields)) as { id: string }
    const doc: ApplicationDoc = { _id: id, ...fields }
    await attachChecked(rt, tx, files, id)
    await input.within?.(tx, id, fields.caseNo)
    await tx.collection(AUDIT).add({
      actorId: user._id, actorRole: 'worker', action: 'application.submit', targetType: 'application', targetId: id,
      from: null, to: 'submitted', at: now, visibleToApplicant: true,
    })
    notice = await notify(rt, tx, noticeOf(doc, 'submitted', KIND_DEFINITIONS[input.kind].messages.received(doc)))
    const answer = applicationViewOf(doc, new Map(files.map((f) => [f._id, fileView(f)])), storedTimeline(doc, true)!)
    await recorder?.record(tx, answer)
    return answer
  }, { budgetMs: input.budgetMs })
  await deliver(rt, [notice!])
  return view
}
