/**
 * Open hours of a warm station, as staff type them and a CSV carries them: per weekday one text such as
 * `08:00-20:00`, `08:00-12:00,14:00-20:00`, `18:00-02:00` (past midnight: it closes the next day), `24小时`
 * (= `00:00-24:00`) or empty / `休息` (closed that day). Public holidays (法定节假日) may have hours of their own.
 * Pure functions on minutes of the Jiangsu day (UTC+8 all year), shared by the app and the functions.
 */

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const
const DAY_MIN = 24 * 60
const OFFSET_MS = 8 * 3600 * 1000

/** One opening, in minutes from the day's midnight; `close` may pass 1440 (open past midnight). */
export interface Interval {
  open: number
  close: number
}

export type HoursParse = { ok: true; intervals: Interval[] } | { ok: false; problem: string }

const ALL_DAY = /^(24\s*(小时|h|H)|全天|00:00\s*[-–~至]\s*24:00)$/
const CLOSED = /^(|休息|闭馆|不开放|关闭|closed)$/i
const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/

function minutesOf(t: string): number | null {
  const m = TIME.exec(t.trim())
  if (!m) return null
  const v = Number(m[1]) * 60 + Number(m[2])
  return v > DAY_MIN ? null : v
}

/** Reads one day's text; a problem in words a staff member can act on. */
export function parseDayHours(text: string): HoursParse {
  const t = text.trim()
  if (ALL_DAY.test(t)) return { ok: true, intervals: [{ open: 0, close: DAY_MIN }] }
  if (CLOSED.test(t)) return { ok: true, intervals: [] }
  const intervals: Interval[] = []
  for (const part of t.split(/[,，;；、\s]+/).filter(Boolean)) {
    const [a, b, ...rest] = part.split(/[-–~至]/)
    const open = a === undefined ? null : minutesOf(a)
    const close = b === undefined ? null : minutesOf(b)
    if (rest.length || open === null || close === null || open === DAY_MIN) return { ok: false, problem: `“${part}”看不懂，请写成 08:00-20:00，跨夜写 18:00-02:00，全天写 24小时` }
    if (open === close) return { ok: false, problem: `“${part}”开门和关门是同一时间` }
    intervals.push({ open, close: close > open ? close : close + DAY_MIN })
  }
  intervals.sort((x, y) => x.open - y.open)
  for (let i = 1; i < intervals.length; i++) if (intervals[i].open < intervals[i - 1].close) return { ok: false, problem: `“${t}”的时间段有重叠` }
  if (intervals.length && intervals[intervals.length - 1].close - intervals[0].open > 2 * DAY_MIN) return { ok: false, problem: `“${t}”太长了` }
  return { ok: true, intervals }
}

const hhmm = (m: number) => `${String(Math.floor((m % DAY_MIN) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** The hours of a week and the holiday hours, parsed once (the server stores them this way). */
export interface WeekSchedule {
  /** Monday first. */
  week: Interval[][]
  /** On public holidays; null = as on that weekday. */
  holiday: Interval[] | null
}

export interface OpenState {
  open: boolean
  /** Open around the clock every day (holidays included). */
  allDay: boolean
  /** In words: “营业中 · 22:00 关门”, “24 小时营业”, “已关门 · 明天 08:00 开门”, “今天休息”. */
  text: string
}

/** A Jiangsu calendar day as `YYYY-MM-DD` and its weekday (0 = Monday), `days` after the day of `ms`. */
function dayOf(ms: number, days = 0): { date: string; weekday: number; start: number } {
  const start = Math.floor((ms + OFFSET_MS) / 86_400_000) * 86_400_000 - OFFSET_MS + days * 86_400_000
  const local = new Date(start + OFFSET_MS)
  return { date: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, start }
}

function intervalsOn(s: WeekSchedule, day: { date: string; weekday: number }, isHoliday: (date: string) => boolean): Interval[] {
  return isHoliday(day.date) && s.holiday ? s.holiday : s.week[day.weekday]
}

export function isAllDay(s: WeekSchedule): boolean {
  const full = (iv: Interval[]) => iv.length === 1 && iv[0].open === 0 && iv[0].close >= DAY_MIN
  return s.week.every(full) && (s.holiday === null || full(s.holiday))
}

/**
 * Whether a station is open at `now`, and when that changes, in words. Yesterday's hours that run past midnight
 * count this morning (a night station open 18:00–02:00 is open at 01:30); holidays use the holiday hours.
 */
export function openState(s: WeekSchedule, now: Date, isHoliday: (date: string) => boolean): OpenState {
  if (isAllDay(s)) return { open: true, allDay: true, text: '24 小时营业' }
  const ms = now.getTime()
  const today = dayOf(ms)
  const minute = Math.floor((ms - today.start) / 60_000)
  const yesterday = dayOf(ms, -1)
  // Spans of the last day, today and the next six, on one axis of minutes from today's midnight.
  const spans: Interval[] = []
  for (let d = -1; d <= 7; d++) {
    const day = d === -1 ? yesterday : dayOf(ms, d)
    for (const iv of intervalsOn(s, day, isHoliday)) spans.push({ open: iv.open + d * DAY_MIN, close: iv.close + d * DAY_MIN })
  }
  spans.sort((a, b) => a.open - b.open)
  // Adjacent spans (23:00–24:00 then 00:00–06:00) read as one.
  const merged: Interval[] = []
  for (const sp of spans) {
    const last = merged[merged.length - 1]
    if (last && sp.open <= last.close) last.close = Math.max(last.close, sp.close)
    else merged.push({ ...sp })
  }
  const current = merged.find((sp) => sp.open <= minute && minute < sp.close)
  if (current) {
    const closeDay = Math.floor(current.close / DAY_MIN)
    const dayWord = closeDay === 0 ? '' : closeDay === 1 ? '明天 ' : `${WEEKDAY_LABELS[dayOf(ms, closeDay).weekday]} `
    // Open all week round but not on holidays (24 h with holiday hours of its own): no closing time to count to.
    if (current.close - minute > 7 * DAY_MIN) return { open: true, allDay: false, text: '营业中 · 平日 24 小时' }
    if (current.close === DAY_MIN) return { open: true, allDay: false, text: '营业中 · 今晚 24:00 关门' }
    return { open: true, allDay: false, text: `营业中 · ${dayWord}${hhmm(current.close)} 关门` }
  }
  const next = merged.find((sp) => sp.open > minute)
  if (!next) return { open: false, allDay: false, text: '暂不营业' }
  const d = Math.floor(next.open / DAY_MIN)
  const word = d === 0 ? '今天' : d === 1 ? '明天' : WEEKDAY_LABELS[dayOf(ms, d).weekday]
  return { open: false, allDay: false, text: `已关门 · ${word} ${hhmm(next.open)} 开门` }
}

/** One opening on the week's axis: minutes from Monday 00:00, `from` ≤ m < `to`. */
export interface WeekSpan {
  from: number
  to: number
}

const WEEK_MIN = 7 * DAY_MIN

/**
 * The weekly hours on one axis of minutes from Monday 00:00 (hours past Sunday midnight wrap to Monday), so that a
 * database can test "open at minute m of the week" (`$elemMatch` from ≤ m < to) and send only the open stations.
 * Holiday hours are not in it: weekMinute answers null on the days they may apply. Exactly openState's open-now on
 * every other day — a day's hours count until their close, and openState looks back one day, so at most that far.
 */
export function weekSpans(s: WeekSchedule): WeekSpan[] {
  const spans: WeekSpan[] = []
  s.week.forEach((day, weekday) => {
    for (const iv of day) {
      const from = weekday * DAY_MIN + iv.open
      const to = weekday * DAY_MIN + Math.min(iv.close, 2 * DAY_MIN)
      if (to <= from) continue
      if (to <= WEEK_MIN) spans.push({ from, to })
      else {
        if (from < WEEK_MIN) spans.push({ from, to: WEEK_MIN })
        spans.push({ from: Math.max(0, from - WEEK_MIN), to: to - WEEK_MIN })
      }
    }
  })
  return spans
}

/**
 * The minute of the week at `now` to test weekSpans with — or null today and the morning after a public holiday,
 * when a station's holiday hours may apply (today's, or last night's running past midnight) and only openState knows.
 */
export function weekMinute(now: Date, isHoliday: (date: string) => boolean): number | null {
  const ms = now.getTime()
  const today = dayOf(ms)
  if (isHoliday(today.date) || isHoliday(dayOf(ms, -1).date)) return null
  return today.weekday * DAY_MIN + Math.floor((ms - today.start) / 60_000)
}

/** Parses the seven weekday texts and the holiday text; problems by field (`hours.0` … `hours.6`, `holidayHours`). */
export function parseSchedule(hours: readonly string[], holidayHours?: string | null): { ok: true; schedule: WeekSchedule } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {}
  const week = hours.map((h, i) => {
    const r = parseDayHours(h)
    if (!r.ok) problems[`hours.${i}`] = `${WEEKDAY_LABELS[i]}：${r.problem}`
    return r.ok ? r.intervals : []
  })
  let holiday: Interval[] | null = null
  if (holidayHours !== undefined && holidayHours !== null && holidayHours.trim() !== '') {
    const r = parseDayHours(holidayHours)
    if (!r.ok) problems.holidayHours = `节假日：${r.problem}`
    else holiday = r.intervals
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, schedule: { week, holiday } }
}
