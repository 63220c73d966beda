import * as z from 'zod/mini'
import type { FileView } from './file.schema'
import { halfHours } from './volunteer-hours'
import type { StarProgress } from './volunteer.schema'

/**
 * 志愿服务记录证明 (志愿服务条例; 民政部《志愿服务记录与证明出具办法》; Jiangsu: 谁记录谁证明, free of charge): a
 * numbered certificate of the worker's confirmed hours, star level and what they did, issued by their district's
 * volunteer service station, checkable by anyone by its number.
 */

/** `ZYZM-2026-000123`: 志愿证明, the year, a serial of the year. */
export const RECORD_NUMBER_PATTERN = /^ZYZM-\d{4}-\d{6}$/
export const recordNumberOf = (year: string, serial: number) => `ZYZM-${year}-${String(serial).padStart(6, '0')}`

/** A number as a person types it: spaces, lower case and missing dashes are forgiven (zyzm2026000123). */
export const RecordNumber = z
  .string({ error: '请输入证明编号' })
  .check(z.trim(), z.toUpperCase(), z.regex(/^ZYZM-?\d{4}-?\d{6}$/, '证明编号应为 ZYZM-2026-000123 这样的格式'))
export const normalRecordNumber = (n: string) => n.replace(/^ZYZM-?(\d{4})-?(\d{6})$/, 'ZYZM-$1-$2')

export const RecordRef = z.strictObject({ number: RecordNumber })
export type RecordRef = z.infer<typeof RecordRef>

/**
 * The only identity document the profile holds. The certificate shows its number masked (320***********123X):
 * the full number is sealed in the profile and never copied into another record — an employer checks the holder
 * against the card itself.
 */
export const RECORD_ID_TYPE = '居民身份证'

/** What the hours were for, as the certificate lists it. */
export interface RecordContent {
  /** 随手拍 reports staff handled. */
  reportsHandled: number
  /** Tasks with hours confirmed, most recent first (at most RECORD_TASKS_SHOWN), and how many in all. */
  tasks: { title: string; minutes: number }[]
  tasksServed: number
  /** Make-up hours (补录) confirmed by staff: how many claims. */
  makeUpClaims: number
}
export const RECORD_TASKS_SHOWN = 8

export interface VolunteerRecordView {
  number: string
  /** Date of issue, `YYYY-MM-DD` Asia/Shanghai. */
  issuedOn: string
  holder: { name: string; idType: typeof RECORD_ID_TYPE; idNumberMasked: string }
  /** Minutes confirmed by check-in or staff, and make-up minutes, as they stood at issue (shown in half hours). */
  minutesConfirmed: number
  minutesMakeUp: number
  stars: number
  content: RecordContent
  /** 南通市崇川区新就业群体志愿服务站 */
  issuer: string
  /** The PDF, opened through application.fileLink like any file; null while it is still being made (open again). */
  file: FileView | null
}

/** The record page: where the worker stands now, and the certificates already issued. */
export interface RecordsView {
  minutesConfirmed: number
  minutesMakeUp: number
  stars: StarProgress
  issuer: string
  /** Newest first, at most RECORDS_LISTED. */
  issued: VolunteerRecordView[]
}
export const RECORDS_LISTED = 20

/** The public check: what an employer or a school may learn from a number — the name masked, no ID number. */
export interface RecordCheckView {
  number: string
  holderMasked: string
  minutesConfirmed: number
  minutesMakeUp: number
  stars: number
  issuer: string
  issuedOn: string
}

// ——— Words the page and the PDF share ———

const STAR_WORDS = ['', '一星', '二星', '三星', '四星', '五星'] as const
/** 三星志愿者, or that no star is reached yet. */
export const starText = (stars: number) => (stars > 0 ? `${STAR_WORDS[stars]}志愿者` : '尚未达到星级')
/** 123.5 小时: half-hour steps, as volunteer records count (民政部令67号). */
export const hoursText = (minutes: number) => `${halfHours(minutes)} 小时`
/** Confirmed and make-up minutes, each counted in whole half hours, added: the total a certificate prints adds up. */
export const recordTotalMinutes = (confirmed: number, makeUp: number) => Math.floor(confirmed / 30) * 30 + Math.floor(makeUp / 30) * 30
/** 2026-12-10 → 2026年12月10日 */
export const chineseDate = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** What the hours were for, in one sentence: 随手拍反映问题已处理 12 件；参加志愿服务 3 次：…；补录 2 次. */
export function contentText(c: RecordContent): string {
  const parts: string[] = []
  if (c.reportsHandled) parts.push(`随手拍反映问题经处理 ${c.reportsHandled} 件`)
  if (c.tasksServed) {
    const titles = c.tasks.map((t) => `${t.title}（${hoursText(t.minutes)}）`).join('、')
    const more = c.tasksServed > c.tasks.length ? `等` : ''
    parts.push(`参加志愿服务活动 ${c.tasksServed} 次${titles ? `：${titles}${more}` : ''}`)
  }
  if (c.makeUpClaims) parts.push(`补录志愿服务 ${c.makeUpClaims} 次（经工作人员认定）`)
  return parts.length ? parts.join('；') : '暂无'
}
