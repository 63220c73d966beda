import type { ApplicationKind, Status, TimelineEntry } from '~types/application.schema'
import type { Service } from '~types/roles'

export const APPLICATIONS = 'applications'

/** An application as stored. Kind-specific fields live in `payload`; the workflow never reads them. */
export interface ApplicationDoc {
  _id: string
  caseNo: string
  kind: ApplicationKind
  service: Service
  /** The applicant's district: whose staff review it. */
  district: string
  status: Status
  /**
   * Not yet final. Derived from status but stored: the queue reads (district, open, dueAt) straight off one index
   * in deadline order and stops after a page, instead of sorting every open application of the district.
   */
  open: boolean
  /** +1 on every transition: a decision taken on an older version is refused (two reviewers, one wins). */
  version: number
  applicantId: string
  applicantOpenid: string
  applicantName: string
  createdAt: Date
  updatedAt: Date
  /**
   * What the queue sorts on: the decision deadline while the clock runs, the supplement deadline while paused,
   * null once final.
   */
  dueAt: Date | null
  /** The decision deadline itself (kept while paused, for the record). */
  decisionDueAt: Date | null
  /** Working days left on the decision clock while paused for supplements. */
  pausedWorkingDays: number | null
  extended: boolean
  provisional: boolean
  urgent: boolean
  summary: string
  supplement: { missing: string; deadline: Date; answer?: string; answerAttachments?: string[] } | null
  /**
   * `details`: what the kind's decision schema asked of the approver. Records of the first release kept legal aid's
   * `agency`/`contact` at the top level; views read them as details.
   */
  decision: { result: 'approved' | 'rejected'; reason?: string; details?: Record<string, unknown>; agency?: string; contact?: string; note?: string; at: Date } | null
  payload: Record<string, unknown>
  /** Every file the applicant sent: as filed, then with each supplement. Each file's `attachedTo` names this record. */
  attachments: string[]
  /**
   * The trail as both sides read it, one entry per step, appended in the transaction that takes the step (and adds
   * its line to `audit`, which stays the record of who did what). Lets 我的申请 and the workbench show the steps
   * without querying the audit collection. Absent on applications filed before it existed: their views read the
   * audit lines, as before (views.ts).
   */
  timeline?: StepDoc[]
}

/** One step on the application's own trail. */
export interface StepDoc {
  at: Date
  step: TimelineEntry['step']
  actorRole: TimelineEntry['actorRole']
  /** The staff member's name when they took the step: shown to the reviewers only. */
  actorName?: string
  from: Status | null
  to: Status
  note?: string
  /** False for what only the reviewers see (an ID number revealed). */
  visibleToApplicant: boolean
}
