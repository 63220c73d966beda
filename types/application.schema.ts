import * as z from 'zod/mini'
import { Page } from './fields'
import type { FileView } from './file.schema'
import { ApplicationKind, KINDS } from './kinds'

/**
 * One workflow for every kind of application (academy enrolment, subsidy claim, insurance, injury claim, legal aid,
 * volunteer report). Each kind adds its own fields and rules (types/kinds.ts), never its own states.
 */
export { APPLICATION_KINDS, ApplicationKind, KINDS } from './kinds'

export const STATUSES = ['submitted', 'inReview', 'needsMore', 'resubmitted', 'approved', 'rejected', 'withdrawn', 'done'] as const
export const Status = z.enum(STATUSES)
export type Status = z.infer<typeof Status>

export const STATUS_LABELS: Record<Status, string> = {
  submitted: '已提交',
  inReview: '审核中',
  needsMore: '需补充材料',
  resubmitted: '已补充材料',
  approved: '已批准',
  rejected: '未批准',
  withdrawn: '已撤回',
  done: '已办结',
}

/** Decided or closed: nothing more happens to it. */
export const FINAL_STATUSES: readonly Status[] = ['approved', 'rejected', 'withdrawn', 'done']

/** The steps of the state machine: who may take each, from which states, to which state. */
export const TRANSITIONS = {
  startReview: { by: 'staff', from: ['submitted', 'resubmitted'], to: 'inReview' },
  requestMore: { by: 'staff', from: ['inReview'], to: 'needsMore' },
  supplement: { by: 'worker', from: ['needsMore'], to: 'resubmitted' },
  approve: { by: 'staff', from: ['inReview', 'resubmitted'], to: 'approved' },
  reject: { by: 'staff', from: ['inReview', 'resubmitted'], to: 'rejected' },
  withdraw: { by: 'worker', from: ['submitted', 'inReview', 'needsMore', 'resubmitted'], to: 'withdrawn' },
  expire: { by: 'system', from: ['needsMore'], to: 'withdrawn' },
  close: { by: 'staff', from: ['approved'], to: 'done' },
} as const satisfies Record<string, { by: 'staff' | 'worker' | 'system'; from: readonly Status[]; to: Status }>
export type Step = keyof typeof TRANSITIONS

export function canTake(step: Step, from: Status): boolean {
  return (TRANSITIONS[step].from as readonly Status[]).includes(from)
}

export interface TimelineEntry {
  at: string
  step: Step | 'submit' | 'extend' | 'revealId'
  actorRole: 'worker' | 'staff' | 'system'
  /** Who on the staff took the step: in the reviewers' trail only (the applicant reads "工作人员"). */
  actorName?: string
  from: Status | null
  to: Status
  note?: string
}

/** The deadline clock as both sides read it. */
export interface ClockView {
  /** When the decision is due (end of that working day, Asia/Shanghai); null while paused or once decided. */
  dueAt: string | null
  /** Working days left when paused for supplements. */
  pausedWithWorkingDays: number | null
  extended: boolean
  /** The official calendar for a year on the way is not published yet: counted on weekends only. */
  provisional: boolean
}

export { Page }

export const ApplicationId = z.string({ error: '缺少申请编号' }).check(z.minLength(1, '缺少申请编号'), z.maxLength(64, '申请编号不对'))
/** The version the reviewer saw: a decision on a stale view is refused instead of overwriting someone else's. */
export const Version = z.int({ error: '缺少版本号，请刷新后再操作' }).check(z.gte(1))

export const ById = z.strictObject({ id: ApplicationId })

/** A photo can be the whole answer (in the rain nobody wants to type): a note is needed only without files. */
export const SupplementInput = z
  .strictObject({
    id: ApplicationId,
    note: z.string({ error: '请说明补充了什么' }).check(z.trim(), z.maxLength(1000, '最多 1000 个字')),
    attachments: z.array(z.string().check(z.minLength(1))).check(z.maxLength(9, '最多 9 个附件')),
  })
  .check(
    z.refine((d) => d.note.length >= 2 || d.attachments.length > 0, {
      error: '请上传补充的材料，或者说明补充了什么',
      path: ['note'],
    }),
  )

export const WithdrawInput = z.strictObject({
  id: ApplicationId,
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多 200 个字'))),
})

const reviewBase = { id: ApplicationId, version: Version }
export const StartReviewInput = z.strictObject(reviewBase)
export const RequestMoreInput = z.strictObject({
  ...reviewBase,
  missing: z.string({ error: '请写明还缺哪些材料' }).check(z.trim(), z.minLength(4, '请写明还缺哪些材料（至少 4 个字）'), z.maxLength(500, '最多 500 个字')),
  /** Working days the applicant has to answer. */
  workingDays: z.optional(z.int().check(z.gte(1, '至少 1 个工作日'), z.lte(30, '最多 30 个工作日'))),
})
const approveNote = z.optional(z.string().check(z.trim(), z.maxLength(500, '最多 500 个字')))
/**
 * Approve any kind: `details` are what that kind's decision asks (types/kinds.ts), checked against it once the
 * application — and so its kind — is known. `approveInputFor(kind)` is the same shape with the kind's fields.
 */
export const ApproveInput = z.strictObject({
  ...reviewBase,
  details: z.record(z.string(), z.unknown()),
  note: approveNote,
})
export function approveInputFor(kind: ApplicationKind) {
  return z.strictObject({ ...reviewBase, details: KINDS[kind].decision, note: approveNote })
}
export const RejectInput = z.strictObject({
  ...reviewBase,
  reason: z.string({ error: '请写明不予批准的理由' }).check(z.trim(), z.minLength(4, '请写明不予批准的理由，至少 4 个字（申请人会看到）'), z.maxLength(500, '最多 500 个字')),
})
export const ExtendInput = z.strictObject({
  ...reviewBase,
  reason: z.string({ error: '请写明延长的理由' }).check(z.trim(), z.minLength(4, '请写明延长的理由，至少 4 个字'), z.maxLength(300, '最多 300 个字')),
})

/** The queue's status filter: one status, or `any` (decided and closed ones too); left out, every open one. */
export const QUEUE_ANY_STATUS = 'any' as const
export const QueueInput = z.strictObject({
  kind: z.optional(ApplicationKind),
  status: z.optional(z.enum([...STATUSES, QUEUE_ANY_STATUS] as const, { error: '筛选条件不对' })),
  due: z.optional(z.enum(['soon', 'overdue'], { error: '筛选条件不对' })),
  /**
   * An applicant's name (part of it), or a case number: whole (`FY-20261129-0007`, any case), its start
   * (`fy-20261129`), or a bare serial (`7`, `0007`: case numbers ending in `-0007`). A case number is looked up
   * whatever the other filters say: the number names the case.
   */
  q: z.optional(z.string().check(z.trim(), z.maxLength(30, '最多 30 个字'))),
  page: Page,
})

/** What the queue answers: a page of rows, and what a search did with the filters. */
export interface QueuePage {
  rows: QueueRow[]
  total: number
  page: number
  pageSize: number
  /** Only with a search (`q`). */
  search?: {
    /** Read as a case number: looked up in every status, kind and deadline (the filters were not applied). */
    byCaseNo: boolean
    /** Applications that match the search but that the filters (status, kind, deadline) leave out. */
    hidden: number
  }
}

/** A decision: approved with the kind's details (who takes a case, which seat…), or rejected with a reason. */
export interface DecisionView {
  result: 'approved' | 'rejected'
  reason?: string
  details?: Record<string, unknown>
  note?: string
  at: string
}

/** What a worker sees of their own application. */
export interface ApplicationView {
  id: string
  caseNo: string
  kind: ApplicationKind
  status: Status
  version: number
  createdAt: string
  clock: ClockView
  /** Art. 44 urgency, or anything the kind flags for attention. */
  urgent: boolean
  summary: string
  supplement: { missing: string; deadline: string; answer?: string } | null
  decision: DecisionView | null
  payload: Record<string, unknown>
  /** As filed, then any sent with a supplement; a file deleted since is left out. */
  attachments: FileView[]
  timeline: TimelineEntry[]
}

/** Something waiting on the worker (the hub's first card): what, on which application, by when. */
export interface TodoItem {
  id: string
  caseNo: string
  kindLabel: string
  what: string
  dueAt: string | null
}

/** A row of the staff queue. */
export interface QueueRow {
  id: string
  caseNo: string
  kind: ApplicationKind
  status: Status
  applicantName: string
  regionLabel: string
  dueAt: string | null
  overdue: boolean
  urgent: boolean
  summary: string
}

export interface QueueFigures {
  open: number
  dueSoon: number
  overdue: number
  decidedThisMonth: number
  medianWorkingDaysToDecide: number | null
}

/** What staff see: the application, the applicant (ID masked), and the full trail. */
export interface ReviewView extends ApplicationView {
  applicant: { name: string; idNumberMasked: string; mobile: string; occupation: string; platform: string; regionLabel: string }
  /**
   * `attachments` sorted by where they came from, each file once: as filed; with the answer to the current request
   * for materials (`supplement.answer`); with the answers to earlier requests. `answerAlsoFiled`: files the answer
   * sent again that are listed as filed.
   */
  files: { filed: FileView[]; answer: FileView[]; earlierAnswers: FileView[]; answerAlsoFiled: number }
}
