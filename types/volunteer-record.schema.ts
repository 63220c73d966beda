import * as z from 'zod/mini'
import type { FileView } from './file.schema'
import { STAR_HOURS } from '../config/volunteer'
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

/** What a certificate states, from its record or its view alike. */
export interface RecordFacts {
  holderName: string
  idType: string
  idNumberMasked: string
  minutesConfirmed: number
  minutesMakeUp: number
  stars: number
  content: RecordContent
  issuer: string
  issuedOn: string
}

export const factsOf = (v: VolunteerRecordView): RecordFacts => ({
  holderName: v.holder.name, idType: v.holder.idType, idNumberMasked: v.holder.idNumberMasked, minutesConfirmed: v.minutesConfirmed,
  minutesMakeUp: v.minutesMakeUp, stars: v.stars, content: v.content, issuer: v.issuer, issuedOn: v.issuedOn,
})

/** The attestation that opens the certificate. */
export const recordLead = (r: RecordFacts) =>
  `兹证明 ${r.holderName}（${r.idType} ${r.idNumberMasked}）参加新就业群体志愿服务，经本站记录核实，截至 ${chineseDate(r.issuedOn)}，志愿服务情况如下：`

/** The rows of the certificate, label and value, in the order 民政部's form lists them — the PDF and the page alike. */
export function recordRows(r: RecordFacts): [string, string][] {
  const total = recordTotalMinutes(r.minutesConfirmed, r.minutesMakeUp)
  const star = r.stars ? `${starText(r.stars)}（累计满 ${STAR_HOURS[r.stars - 1]} 小时）` : `${starText(0)}（累计满 ${STAR_HOURS[0]} 小时为一星）`
  return [
    ['姓名', r.holderName],
    ['证件类型', r.idType],
    ['证件号码', r.idNumberMasked],
    ['志愿服务时长', `累计 ${hoursText(total)}`],
    ['其中', `签到及工作人员确认 ${hoursText(r.minutesConfirmed)}；补录 ${hoursText(r.minutesMakeUp)}`],
    ['星级', star],
    ['服务内容', contentText(r.content)],
    ['出具单位', r.issuer],
    ['出具日期', chineseDate(r.issuedOn)],
  ]
}

/** The notes at the foot of the certificate. */
export const recordNotes = (number: string) => [
  '1. 服务时长按半小时计，依据《志愿服务条例》《志愿服务记录与证明出具办法》记录；补录时长经工作人员认定。',
  '2. 星级为累计服务时长达到的等级。证件号码只显示部分数字，请与持证人身份证核对。',
  `3. 本证明免费出具。核验：在“暖新”小程序“志愿服务积分—记录证明核验”中输入编号 ${number}，可查询本证明。`,
]
