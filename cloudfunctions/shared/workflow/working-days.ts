import { HOLIDAYS, MAKEUP_WORKDAYS } from './calendar.generated'

/**
 * Working days on the official calendar (holidays and make-up workdays, 调休) from the maintained chinese-days
 * package (generated into calendar.generated.ts). A year the State Council has not published yet is not in it:
 * there we count Monday–Friday and say so (`provisional`), rather than pretend a holiday-free year.
 *
 * Jiangsu time is UTC+8 all year (no daylight saving), so days are plain arithmetic on a fixed offset: this runs
 * on every queue and figures request, where a timezone library cost ≈ 0.6 ms a call.
 */
const OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000
const holidays = new Set(HOLIDAYS)
const makeupWorkdays = new Set(MAKEUP_WORKDAYS)
const coveredYears = new Set(HOLIDAYS.map((d) => Number(d.slice(0, 4))))

/** The instant local midnight begins the Jiangsu day containing `ms`. */
const dayStart = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS

function isWorkingDay(start: number): { working: boolean; provisional: boolean } {
  const local = new Date(start + OFFSET_MS)
  const date = local.toISOString().slice(0, 10)
  const dow = local.getUTCDay()
  const weekday = dow !== 0 && dow !== 6
  if (!coveredYears.has(local.getUTCFullYear())) return { working: weekday, provisional: true }
  return { working: makeupWorkdays.has(date) || (weekday && !holidays.has(date)), provisional: false }
}

export interface Deadline {
  /** The end of the last working day (23:59:59.999 Jiangsu time). */
  dueAt: Date
  provisional: boolean
}

/** The end of the `n`th working day after the day of `from` (the day itself does not count). */
export function addWorkingDays(from: Date, n: number): Deadline {
  let day = dayStart(from.getTime())
  let provisional = false
  for (let left = n; left > 0; ) {
    day += DAY_MS
    const d = isWorkingDay(day)
    provisional ||= d.provisional
    if (d.working) left--
  }
  return { dueAt: new Date(day + DAY_MS - 1), provisional }
}

/** Working days from the day after `from` up to and including the day of `dueAt` (0 when already due). */
export function workingDaysLeft(from: Date, dueAt: Date): number {
  const last = dayStart(dueAt.getTime())
  let n = 0
  for (let day = dayStart(from.getTime()) + DAY_MS; day <= last; day += DAY_MS) if (isWorkingDay(day).working) n++
  return n
}
