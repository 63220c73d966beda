import * as z from 'zod/mini'
import { coordinatesTogether, DateText, DistrictCode, GeoPlace, Latitude, Longitude, Page } from './fields'
import { HalfHours } from './volunteer.schema'

/**
 * 志愿服务认领 (../shared/reference/DOMAIN.md §4): staff publish tasks with a place, a time window and slots; workers
 * sign up, check in and out at the place (by distance, or the organiser's 6-digit code — GPS alone can be spoofed),
 * and staff confirm the hours, which earn points through the ledger. Teams of a district total their members' hours.
 * Make-up hours (补录) are the `volunteerHours` application (volunteer.schema.ts).
 */

const Id = (what: string) => z.string({ error: `缺少${what}编号` }).check(z.minLength(1, `缺少${what}编号`), z.maxLength(120, `${what}编号不对`))
export const TaskId = Id('任务')
export const SignupId = Id('报名')
export const TeamId = Id('队伍')

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/
const Clock = (label: string) => z.string({ error: `请填写${label}` }).check(z.regex(CLOCK, `${label}请写成 09:00 这样`))
const minutesOfClock = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
/** The two clock times of a task as sent, if both are clock times. */
function clocksOf(v: unknown): { start: string; end: string } | null {
  const { start, end } = (v ?? {}) as { start?: unknown; end?: unknown }
  return typeof start === 'string' && typeof end === 'string' && CLOCK.test(start) && CLOCK.test(end) ? { start, end } : null
}

/** Slots a task may offer: enough for a street clean-up, few enough that one roster fits a page. */
export const MAX_SLOTS = 200

/** A task as staff publish or edit it: one day, from `start` to `end` Asia/Shanghai, at one place. */
export const TaskInput = z
  .strictObject({
    /** Set to edit a published task. */
    id: z.optional(TaskId),
    title: z.string({ error: '请填写任务名称' }).check(z.trim(), z.minLength(2, '请填写任务名称（至少 2 个字）'), z.maxLength(40, '任务名称最多 40 个字')),
    description: z.string({ error: '请填写任务说明' }).check(z.trim(), z.maxLength(500, '任务说明最多 500 个字')),
    place: GeoPlace,
    district: DistrictCode,
    /** Open to workers of the whole city, not only the district. */
    cityWide: z.boolean({ error: '请选择是否全市开放' }),
    date: DateText,
    start: Clock('开始时间'),
    end: Clock('结束时间'),
    slots: z.int({ error: '请填写名额（数字）' }).check(z.gte(1, '名额至少 1 个'), z.lte(MAX_SLOTS, `名额最多 ${MAX_SLOTS} 个`)),
    /** Hours of service credited for the whole task, in minutes (half-hour steps). */
    minutes: HalfHours('服务时长'),
    /** Only members of this team may sign up. */
    teamId: z.optional(TeamId),
  })
  // These run whatever else is wrong with the form (zod skips an object's checks once a field failed): the person
  // fixing the place should hear about the end time at the same time, not after the next tap.
  .check(
    z.refine((t) => minutesOfClock(t.end) > minutesOfClock(t.start), { error: '结束时间要晚于开始时间', path: ['end'], when: ({ value }) => clocksOf(value) !== null }),
    z.refine((t) => minutesOfClock(t.end) <= minutesOfClock(t.start) || t.minutes <= minutesOfClock(t.end) - minutesOfClock(t.start), {
      error: '服务时长不能超过开始到结束的时间',
      path: ['minutes'],
      when: ({ value }) => clocksOf(value) !== null && Number.isInteger((value as { minutes?: unknown }).minutes),
    }),
  )
export type TaskInput = z.infer<typeof TaskInput>

export const TaskRef = z.strictObject({ id: TaskId })
export const SignupRef = z.strictObject({ taskId: TaskId })

export const CancelTaskInput = z.strictObject({
  id: TaskId,
  reason: z.string({ error: '请写明取消的原因' }).check(z.trim(), z.minLength(2, '请写明取消的原因，报名的人会看到'), z.maxLength(200, '原因最多 200 个字')),
})

/** A 6-digit check-in code as the organiser shows it (spaces a person may type are dropped). */
export const CheckInCode = z.string({ error: '签到码是 6 位数字' }).check(
  z.overwrite((s) => s.replace(/\s+/g, '')),
  z.regex(/^\d{6}$/, '签到码是 6 位数字'),
)

/** Check-in or check-out at the place: the phone's coordinates, or the organiser's code, or both. */
export const CheckInput = z
  .strictObject({
    taskId: TaskId,
    longitude: z.optional(Longitude),
    latitude: z.optional(Latitude),
    code: z.optional(CheckInCode),
  })
  .check(coordinatesTogether)
export type CheckInput = z.infer<typeof CheckInput>

export const MARK_STEPS = ['in', 'out'] as const
/** Staff check someone in or out who cannot themselves (a phone without battery). */
export const MarkInput = z.strictObject({
  signupId: SignupId,
  step: z.enum(MARK_STEPS, { error: '请选择签到或签退' }),
})

const Reason = z.string({ error: '请写明原因' }).check(z.trim(), z.minLength(2, '请写明原因'), z.maxLength(200, '原因最多 200 个字'))

/**
 * Staff confirm a sign-up's hours: the served minutes by default (or fewer, with a reason); without a check-out
 * their own figure with a reason, marked as theirs.
 */
export const ConfirmInput = z.strictObject({
  signupId: SignupId,
  minutes: z.optional(HalfHours('认定时长')),
  reason: z.optional(Reason),
})
export type ConfirmInput = z.infer<typeof ConfirmInput>

export const ConfirmAllInput = z.strictObject({ taskId: TaskId })

export const STAFF_TASK_FILTERS = ['upcoming', 'past'] as const
export const StaffTasksInput = z.strictObject({
  when: z.optional(z.enum(STAFF_TASK_FILTERS, { error: '请选择未开始或已结束' })),
  page: Page,
})

export const TeamInput = z.strictObject({
  district: DistrictCode,
  name: z.string({ error: '请填写队伍名称' }).check(z.trim(), z.minLength(2, '队伍名称至少 2 个字'), z.maxLength(20, '队伍名称最多 20 个字')),
})
export const JoinTeamInput = z.strictObject({ teamId: TeamId })
export const TeamsInput = z.strictObject({ district: z.optional(DistrictCode) })

// ——— Views ———

export type TaskStatus = 'open' | 'cancelled'
/** How a task stands for someone looking at it now. */
export type TaskState = 'open' | 'full' | 'started' | 'ended' | 'cancelled'
export type SignupState = 'signedUp' | 'cancelled' | 'checkedIn' | 'checkedOut' | 'confirmed'
/** How a check-in or check-out was made: the phone at the place, the organiser's code, a staff member. */
export type MarkBy = 'gps' | 'code' | 'staff'

export const SIGNUP_STATE_LABELS: Record<SignupState, string> = {
  signedUp: '已报名',
  cancelled: '已取消',
  checkedIn: '已签到',
  checkedOut: '已签退，等待确认时长',
  confirmed: '时长已确认',
}
export const MARK_BY_LABELS: Record<MarkBy, string> = { gps: '现场定位', code: '签到码', staff: '工作人员代签' }

export interface MarkView {
  at: string
  /** Metres from the place when the phone gave its position; null by code without position, or by staff. */
  distanceM: number | null
  by: MarkBy
}

export interface SignupView {
  /** `<taskId>_<userId>`. */
  id: string
  taskId: string
  state: SignupState
  checkIn: MarkView | null
  checkOut: MarkView | null
  /** Check-in to check-out within the task's window, in half hours, at most the task's minutes. */
  servedMinutes: number | null
  confirmed: {
    minutes: number
    points: number
    /** Staff's own figure (no check-out to go by), with their reason. */
    staffFigure: boolean
    reason: string | null
    at: string
  } | null
}

export interface TaskCard {
  id: string
  title: string
  place: GeoPlace
  /** 南通市 崇川区, or 南通市（全市）. */
  where: string
  date: string
  startsAt: string
  endsAt: string
  /** 12月20日 周六 09:00–11:30 */
  when: string
  minutes: number
  slots: number
  slotsLeft: number
  /** 还剩 3 个名额 / 已满. */
  slotsText: string
  state: TaskState
  team: { id: string; name: string } | null
  /** The caller's own sign-up, if any (a cancelled one is none). */
  mine: SignupState | null
}

export interface TaskDetail extends TaskCard {
  description: string
  district: string
  cityWide: boolean
  signup: SignupView | null
  /** How close the phone must be to check in by position. */
  checkInRadiusM: number
  /** What the caller can do now. */
  can: { signUp: boolean; cancel: boolean; checkIn: boolean; checkOut: boolean }
  /** Why not, in words (only members of a team, it has ended…), when signing up is not possible. */
  note: string | null
}

export interface SignupCounts {
  signedUp: number
  checkedIn: number
  checkedOut: number
  confirmed: number
}

export interface StaffTaskRow extends TaskCard {
  status: TaskStatus
  counts: SignupCounts
}

export interface RosterRow extends SignupView {
  name: string
}

/** A task as its organiser sees it: the code to show at the place, who signed up and how each checked in. */
export interface StaffTaskView extends Omit<TaskDetail, 'signup' | 'can' | 'note' | 'mine'> {
  status: TaskStatus
  cancelReason: string | null
  /** The 6-digit code to show at the place; only staff ever see it. */
  code: string
  counts: SignupCounts
  roster: RosterRow[]
  minutesConfirmed: number
  pointsCredited: number
}

export interface StaffTasksPage {
  rows: StaffTaskRow[]
  total: number
  page: number
  pageSize: number
}

export interface MySignupRow {
  signup: SignupView
  task: TaskCard
}

/** 志愿服务: the open tasks the caller may join, and their own sign-ups. */
export interface TasksView {
  open: TaskCard[]
  mine: MySignupRow[]
}

export interface ConfirmAllView {
  confirmed: number
  /** Checked out but with under half an hour served: left for staff to decide one by one. */
  skipped: number
  /** Not reached within one call's time (a large roster): the next call goes on with them. */
  left: number
}

export interface TeamView {
  id: string
  district: string
  name: string
  members: number
  /** Confirmed task hours of members while in the team (make-up hours are not counted). */
  minutesConfirmed: number
  points: number
  mine: boolean
}

export interface TeamsView {
  district: string
  teams: TeamView[]
  myTeam: { id: string; name: string } | null
}

/** What the district's yearly cap leaves for make-up hours (补录). */
export interface MakeUpQuota {
  year: number
  capMinutes: number
  /** Claims waiting for a decision, and hours approved, this year. */
  pendingMinutes: number
  approvedMinutes: number
  leftMinutes: number
}

/** What a make-up claim keeps beyond the form: the year it counts towards and what that year had used before it. */
export interface MakeUpCapFields {
  capYear: number
  capMinutes: number
  usedBeforeMinutes: number
}

// ——— Words both sides use ———

/** 350 米 / 1.2 公里. */
export function distanceText(m: number): string {
  if (m < 1000) return `${Math.max(1, Math.round(m / 10) * 10)} 米`
  return `${(Math.round(m / 100) / 10).toFixed(1).replace(/\.0$/, '')} 公里`
}

export function slotsText(slotsLeft: number): string {
  return slotsLeft > 0 ? `还剩 ${slotsLeft} 个名额` : '已满'
}
