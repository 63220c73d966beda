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
let holidays = new Set(HOLIDAYS)
let makeupWorkdays = new Set(MAKEUP_WORKDAYS)
let coveredYears = new Set(HOLIDAYS.map((d) => Number(d.slice(0, 4))))

/** One year of the official calendar as an admin entered it (calendar.service.ts). */
export interface EnteredYear {
  year: number
  holidays: readonly string[]
  workdays: readonly string[]
}

/**
 * The years an admin entered, over the package's: an entered year replaces the package's days for that year
 * entirely, so a later package update never mixes with (or fights) what was entered. Idempotent; cheap.
 */
export function useEnteredYears(years: readonly EnteredYear[]): void {
  const entered = new Set(years.map((y) => y.year))
  const keep = (d: string) => !entered.has(Number(d.slice(0, 4)))
  holidays = new Set([...HOLIDAYS.filter(keep), ...years.flatMap((y) => y.holidays)])
  makeupWorkdays = new Set([...MAKEUP_WORKDAYS.filter(keep), ...years.flatMap((y) => y.workdays)])
  coveredYears = new Set([...HOLIDAYS.map((d) => Number(d.slice(0, 4))), ...entered])
}

/** Whether every year from `from` to `to` (Jiangsu dates) is covered: a deadline there is no longer provisional. */
export function spanCovered(from: Date, to: Date): boolean {
  const y = (d: Date) => new Date(d.getTime() + OFFSET_MS).getUTCFullYear()
  for (let year = y(from); year <= y(to); year++) if (!coveredYears.has(year)) return false
  return true
}

/** Whether the chinese-days package has `year` (an entered year may replace it). */
export function packageCovers(year: number): boolean {
  return HOLIDAYS.some((d) => d.startsWith(`${year}-`))
}

/**
 * Whether a Jiangsu calendar day (`YYYY-MM-DD`) is a public holiday (法定节假日, the days off of the official
 * calendar; a weekend is not one by itself) — what a station's holiday hours apply to.
 */
export function isPublicHoliday(date: string): boolean {
  return holidays.has(date)
}

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
