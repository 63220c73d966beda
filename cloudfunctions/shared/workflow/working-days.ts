import { dayjs, inZone, ZONE } from '~types/time'
import { HOLIDAYS, MAKEUP_WORKDAYS } from './calendar.generated'

/**
 * Working days on the official calendar (holidays and make-up workdays, 调休) from the maintained chinese-days
 * package (generated into calendar.generated.ts). A year the State Council has not published yet is not in it:
 * there we count Monday–Friday and say so (`provisional`), rather than pretend a holiday-free year.
 */
const holidays = new Set(HOLIDAYS)
const makeupWorkdays = new Set(MAKEUP_WORKDAYS)
const coveredYears = new Set(HOLIDAYS.map((d) => Number(d.slice(0, 4))))

function isWorkingDay(day: dayjs.Dayjs): { working: boolean; provisional: boolean } {
  const date = day.format('YYYY-MM-DD')
  const dow = day.day()
  const weekday = dow !== 0 && dow !== 6
  if (!coveredYears.has(day.year())) return { working: weekday, provisional: true }
  return { working: makeupWorkdays.has(date) || (weekday && !holidays.has(date)), provisional: false }
}

export interface Deadline {
  /** The end of the last working day (23:59:59.999 Jiangsu time). */
  dueAt: Date
  provisional: boolean
}

/** The end of the `n`th working day after the day of `from` (the day itself does not count). */
export function addWorkingDays(from: Date, n: number): Deadline {
  let day = inZone(from).startOf('day')
  let provisional = false
  for (let left = n; left > 0; ) {
    day = day.add(1, 'day')
    const d = isWorkingDay(day)
    provisional ||= d.provisional
    if (d.working) left--
  }
  return { dueAt: dayjs.tz(day.format('YYYY-MM-DD'), ZONE).endOf('day').toDate(), provisional }
}

/** Working days from the day after `from` up to and including the day of `dueAt` (0 when already due). */
export function workingDaysLeft(from: Date, dueAt: Date): number {
  let day = inZone(from).startOf('day')
  const last = inZone(dueAt).startOf('day')
  let n = 0
  while (day.isBefore(last)) {
    day = day.add(1, 'day')
    if (isWorkingDay(day).working) n++
  }
  return n
}
