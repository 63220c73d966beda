import * as z from 'zod/mini'
import type { Service } from './roles'

/**
 * One workflow for every kind of application (academy enrolment, subsidy claim, insurance, injury claim, legal aid,
 * volunteer report). Each kind adds its own fields and rules, never its own states.
 */
export const APPLICATION_KINDS = ['legalAid'] as const
export const ApplicationKind = z.enum(APPLICATION_KINDS)
export type ApplicationKind = z.infer<typeof ApplicationKind>

/** Which staff service reviews a kind. */
export const KIND_SERVICE: Record<ApplicationKind, Service> = { legalAid: 'legalAid' }
export const KIND_LABELS: Record<ApplicationKind, string> = { legalAid: '法律援助' }

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

export const Page = z.optional(z.int().check(z.gte(1, '页码从 1 开始'), z.lte(1000, '页码太大')))
