import { getHolidaysInRange, isWorkday } from 'chinese-days'
import { dayjs, inZone, ZONE } from '~types/time'

/**
 * Working days on the official calendar (holidays and make-up workdays, 调休) from the maintained chinese-days
 * package. A year the State Council has not published yet is not in the package: there we count Monday–Friday
 * and say so (`provisional`), rather than pretend a holiday-free year.
 */
const covered = new Map<number, boolean>()
function yearCovered(year: number): boolean {
  let known = covered.get(year)
  if (known === undefined) covered.set(year, (known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0))
  return known
}

function isWorkingDay(day: dayjs.Dayjs): { working: boolean; provisional: boolean } {
  if (yearCovered(day.year())) return { working: isWorkday(day.format('YYYY-MM-DD')), provisional: false }
  const dow = day.day()
  return { working: dow !== 0 && dow !== 6, provisional: true }
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
