import type { GeoPlace } from '~types/fields'
import type { MarkBy, SignupState, TaskStatus } from '~types/volunteer-task.schema'

export const TASKS = 'volunteer_tasks'
export const SIGNUPS = 'volunteer_signups'

/**
 * A volunteer task staff publish (志愿服务认领). Its slot count is the one counter sign-ups race on: `slotsTaken` lives
 * on this document and changes only inside the transaction that writes a sign-up (task.signup.ts). The check-in
 * `code` never leaves the server except to the task's own staff.
 */
export interface TaskDoc {
  _id: string
  service: 'volunteer'
  /** Whose volunteer staff run it (the scope rule's district). */
  district: string
  city: string
  cityWide: boolean
  title: string
  description: string
  place: GeoPlace
  /** The day and the window as staff typed them (Asia/Shanghai), and the same window as instants. */
  date: string
  start: string
  end: string
  startsAt: Date
  endsAt: Date
  slots: number
  slotsTaken: number
  /** Minutes of service credited for the whole task (half-hour steps): the most a sign-up can be confirmed for. */
  minutes: number
  teamId: string | null
  teamName: string | null
  code: string
  status: TaskStatus
  cancelReason: string | null
  version: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** A check-in or check-out as recorded: when, how far from the place the phone said it was, and how. */
export interface MarkDoc {
  at: Date
  distanceM: number | null
  by: MarkBy
  /** The staff member who marked it, for `by: 'staff'`. */
  staffId: string | null
}

/**
 * One worker on one task. Its `_id` is `<taskId>_<userId>`: the database refuses a second sign-up, and a cancelled
 * one is reused when the worker signs up again. Confirmed hours are credited with this id as the ledger source, so
 * they can be credited once only.
 */
export interface SignupDoc {
  _id: string
  service: 'volunteer'
  /** The task's district: its staff keep the roster. */
  district: string
  taskId: string
  userId: string
  openid: string
  /** The worker's real name, for the organiser's roster. */
  name: string
  state: SignupState
  checkIn: MarkDoc | null
  checkOut: MarkDoc | null
  servedMinutes: number | null
  confirmed: { minutes: number; points: number; staffFigure: boolean; reason: string | null; by: string; at: Date } | null
  /** Wrong check-in codes typed: after a few, only the organiser can check this person in (a code is 6 digits). */
  codeMisses: number
  signedUpAt: Date
  cancelledAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export const signupIdOf = (taskId: string, userId: string) => `${taskId}_${userId}`
