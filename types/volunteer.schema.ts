import * as z from 'zod/mini'
import { coordinatesTogether, DateText, DistrictCode, Latitude, Longitude, MonthText, PlaceText } from './fields'

/**
 * 志愿服务积分 (../shared/reference/DOMAIN.md §4): Wuxi's loop 发现问题—处理问题—结果反馈—积分激励. Reports and
 * make-up hours are applications of the one workflow (`volunteerReport`, `volunteerHours`); tasks and the mall are
 * records of their own (volunteer-task.schema.ts, volunteer-mall.schema.ts). Points live in one ledger:
 * append-only entries, a balance that is their sum.
 */

// ——— Reports (随手拍) ———

export const REPORT_CATEGORIES = ['hazard', 'opinion', 'cityscape', 'traffic', 'other'] as const
export const ReportCategory = z.enum(REPORT_CATEGORIES, { error: '请选择类别' })
export type ReportCategory = z.infer<typeof ReportCategory>
export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  hazard: '安全隐患',
  opinion: '社情民意',
  cityscape: '市容环境',
  traffic: '交通设施',
  other: '其他',
}

/** How staff grade a handled report; the district's rules give each grade its points. */
export const REPORT_GRADES = ['valid', 'hazard', 'securityLead'] as const
export const ReportGrade = z.enum(REPORT_GRADES, { error: '请选择线索类别' })
export type ReportGrade = z.infer<typeof ReportGrade>
export const REPORT_GRADE_LABELS: Record<ReportGrade, string> = { valid: '有效反映', hazard: '安全隐患', securityLead: '治安线索' }
/** What a reviewer's grade starts as: a hazard report as a hazard, everything else as a valid report. */
export const defaultGrade = (c: ReportCategory): ReportGrade => (c === 'hazard' ? 'hazard' : 'valid')

const FileIds = (min: number, minText: string) =>
  z.array(z.string().check(z.minLength(1))).check(z.minLength(min, minText), z.maxLength(9, '最多 9 张照片'))

/**
 * Where a report was taken: the words a person reads, and the phone's coordinates when it gave them. Offline, in a
 * browser without location or when the rider declines, the typed words alone must do (such a report is compared
 * with others by its words, not by distance).
 */
export const ReportPlace = z
  .strictObject({ text: PlaceText, longitude: z.optional(Longitude), latitude: z.optional(Latitude) })
  .check(coordinatesTogether)
export type ReportPlace = z.infer<typeof ReportPlace>

/** 随手拍: a category, photos, where — and a line if there is time. Under ten seconds at a red light. */
export const VolunteerReportInput = z.strictObject({
  category: ReportCategory,
  photos: FileIds(1, '请至少拍一张照片'),
  place: ReportPlace,
  /** Where it was taken decides whose staff handle it. @default the reporter's district */
  district: z.optional(DistrictCode),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多 200 个字'))),
})
export type VolunteerReportInput = z.infer<typeof VolunteerReportInput>

/** A department a report was handed to (recorded on the report, audited). */
export interface ForwardEntry {
  department: string
  note: string | null
  at: string
  by: string
}

/** What a report keeps (its photos are the application's attachments). */
export interface VolunteerReportPayload {
  category: ReportCategory
  place: ReportPlace
  note: string | null
  forwarded: ForwardEntry[]
  /** Set by the handled step: the grade, the points credited and the answer the reporter reads. */
  grade: ReportGrade | null
  points: number | null
  reply: string | null
}

/** 已处理: the grade (points follow the district's rules) and the answer the reporter reads. */
export const VolunteerReportDecision = z.strictObject({
  grade: ReportGrade,
  reply: z.string({ error: '请写下给报告人的答复' }).check(z.trim(), z.minLength(2, '请写下给报告人的答复'), z.maxLength(500, '最多 500 个字')),
})
export type VolunteerReportDecision = z.infer<typeof VolunteerReportDecision>

// ——— Make-up hours (补录) ———

/** Minutes in half-hour steps, as volunteer records count them (民政部令67号: 0.5 h). */
export const HalfHours = (label: string) =>
  z.int({ error: `请填写${label}` }).check(z.gte(30, `${label}至少半小时`), z.lte(720, `${label}一天最多 12 小时`), z.refine((m) => m % 30 === 0, `${label}按半小时填写`))

/** Hours served without the app's check-in (a task before the app, a paper sign-in sheet): staff decide. */
export const VolunteerHoursInput = z.strictObject({
  date: DateText,
  minutes: HalfHours('服务时长'),
  what: z.string({ error: '请写明做了什么' }).check(z.trim(), z.minLength(4, '请写明做了什么（至少 4 个字）'), z.maxLength(200, '最多 200 个字')),
  place: z.string({ error: '请写明地点' }).check(z.trim(), z.minLength(2, '请写明地点'), z.maxLength(60, '最多 60 个字')),
  /** Who can confirm it (the organiser). */
  organiser: z.string({ error: '请写明组织方或证明人' }).check(z.trim(), z.minLength(2, '请写明组织方或证明人'), z.maxLength(40, '最多 40 个字')),
  attachments: z.array(z.string().check(z.minLength(1))).check(z.maxLength(9, '最多 9 个附件')),
})
export type VolunteerHoursInput = z.infer<typeof VolunteerHoursInput>
export type VolunteerHoursPayload = Omit<VolunteerHoursInput, 'attachments'> & { confirmedMinutes: number | null }

/** Staff confirm the hours that can be vouched for — never more than claimed. */
export const VolunteerHoursDecision = z.strictObject({ minutes: HalfHours('认定时长') })
export type VolunteerHoursDecision = z.infer<typeof VolunteerHoursDecision>

// ——— The ledger ———

/** Where an entry comes from; every point can be traced to one of these records. */
export const LEDGER_SOURCES = ['report', 'task', 'redemption', 'refund', 'adjustment'] as const
export type LedgerSource = (typeof LEDGER_SOURCES)[number]
export const LEDGER_SOURCE_LABELS: Record<LedgerSource, string> = {
  report: '随手拍',
  task: '志愿服务',
  redemption: '积分兑换',
  refund: '兑换退回',
  adjustment: '人工调整',
}

export interface LedgerEntryView {
  id: string
  /** 1, 2, 3 … per worker: the order entries were written in. */
  seq: number
  /** Points, + credit / − debit; never 0. */
  amount: number
  /** In the worker's words: “随手拍已处理：占道施工无警示（安全隐患）”. */
  reason: string
  source: { type: LedgerSource; id: string }
  at: string
  balanceAfter: number
}

export const LedgerInput = z.strictObject({
  /** Entries before this sequence number (the next page). @default the newest */
  before: z.optional(z.int().check(z.gte(1))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
})
export type LedgerInput = z.infer<typeof LedgerInput>
export interface LedgerPage {
  entries: LedgerEntryView[]
  /** `before` of the next page; null at the first entry. */
  next: number | null
}

export interface StarProgress {
  /** 0–5. */
  stars: number
  /** Hours the next star needs in total, and minutes still to serve; null at five stars. */
  next: { hours: number; minutesLeft: number } | null
}

/** The worker's points and hours at a glance. */
export interface VolunteerAccountView {
  balance: number
  /** Points earned (reports handled, hours confirmed) in the current month, Asia/Shanghai — the leaderboard's. */
  month: string
  monthPoints: number
  earnedTotal: number
  /** Confirmed service, in minutes: by check-in and staff confirmation, and make-up hours (marked 补录). */
  minutesConfirmed: number
  minutesMakeUp: number
  stars: StarProgress
  team: { id: string; name: string } | null
  district: string
}

export const LeaderboardInput = z.strictObject({
  month: z.optional(MonthText),
  /** @default the caller's district */
  district: z.optional(DistrictCode),
})
export type LeaderboardInput = z.infer<typeof LeaderboardInput>
export interface LeaderboardRow {
  rank: number
  /** Masked: 王*明. */
  name: string
  points: number
  team: string | null
  /** The caller's own row. */
  mine: boolean
}
export interface LeaderboardView {
  month: string
  district: string
  rows: LeaderboardRow[]
  /** The caller's own place (null with no points earned that month). */
  me: { rank: number; points: number } | null
  /** Workers with points that month. */
  total: number
}

/** The ledger re-added from its entries: balance and sum must agree (a check anyone may run on their own). */
export interface LedgerCheck {
  balance: number
  sum: number
  entries: number
  ok: boolean
}

// ——— A district's rules (config/volunteer.ts) ———

const Points = (label: string) => z.int({ error: `请填写${label}` }).check(z.gte(0, `${label}不能是负数`), z.lte(10_000, `${label}太大了`))

export const VolunteerRulesInput = z.strictObject({
  district: DistrictCode,
  reportPoints: z.strictObject({ valid: Points('有效反映积分'), hazard: Points('安全隐患积分'), securityLead: Points('治安线索积分') }),
  pointsPerHour: Points('每小时积分'),
  redemptionExpiryDays: z.int({ error: '请填写领取期限' }).check(z.gte(1, '领取期限至少 1 天'), z.lte(180, '领取期限最多 180 天')),
  makeUpMinutesPerYear: z.int({ error: '请填写补录上限' }).check(z.gte(0, '补录上限不能是负数'), z.lte(100 * 60, '补录上限最多 100 小时'), z.refine((m) => m % 30 === 0, '补录上限按半小时填写')),
  checkInRadiusM: z.int({ error: '请填写签到范围' }).check(z.gte(50, '签到范围至少 50 米'), z.lte(5000, '签到范围最多 5000 米')),
})
export type VolunteerRulesInput = z.infer<typeof VolunteerRulesInput>
export const RulesOfInput = z.strictObject({ district: z.optional(DistrictCode) })
