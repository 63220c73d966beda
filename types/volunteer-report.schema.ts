import * as z from 'zod/mini'
import { ApplicationId, type Status } from './application.schema'
import type { ReportCategory } from './volunteer.schema'

/**
 * 随手拍's own staff actions beside the workflow's steps (accept = startReview, handled = approve, reject): hand a
 * report to a department, see possible duplicates, the desk's figures. The report itself is in volunteer.schema.ts.
 */

/** A report staff hand to a department (城管, 交警, 派出所…): recorded on the report, told to the reporter. */
export const ForwardInput = z.strictObject({
  id: ApplicationId,
  department: z.string({ error: '请写明转交给哪个部门' }).check(z.trim(), z.minLength(2, '请写明转交给哪个部门'), z.maxLength(40, '部门名称最多 40 个字')),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200, '说明最多 200 个字'))),
})
export type ForwardInput = z.infer<typeof ForwardInput>

export const ReportRef = z.strictObject({ id: ApplicationId })

/** Another report that may be the same matter: same category, close by and close in time. */
export interface DuplicateView {
  id: string
  caseNo: string
  status: Status
  category: ReportCategory
  placeText: string
  /** Metres between the two spots (rounded); null when they were matched by the place's words (no coordinates). */
  distanceM: number | null
  at: string
  /** Filed before the report being reviewed: the one a duplicate is rejected in favour of. */
  earlier: boolean
}

export interface DuplicatesView {
  radiusM: number
  hours: number
  /** Whether the report has coordinates; without, matches are by the same place words in the same district. */
  located: boolean
  items: DuplicateView[]
}

/** 随手拍 at one district's desk this month (Asia/Shanghai). */
export interface ReportFiguresRow {
  district: string
  regionLabel: string
  /** Reports filed this month. */
  received: number
  /** Of those, accepted (taken into review) so far. */
  accepted: number
  /** Waiting to be accepted now (whatever month they came in). */
  waiting: number
  /** Decided this month: handled (points credited) and rejected. */
  handled: number
  rejected: number
  /** Report → accepted, in minutes, over this month's accepted reports; null without any. */
  responseMinutes: { median: number; p90: number } | null
  /** Report → handled, in minutes, median over reports handled this month; null without any. */
  handledMedianMinutes: number | null
  /** Points credited for reports handled this month. */
  pointsThisMonth: number
}

export interface ReportFigures {
  month: string
  rows: ReportFiguresRow[]
}
