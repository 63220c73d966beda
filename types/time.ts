import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Every date a person reads, and every "today" a rule uses, is Jiangsu time. */
export const ZONE = 'Asia/Shanghai'

export function inZone(date: Date | string | number) {
  return dayjs(date).tz(ZONE)
}

/** The Jiangsu calendar day of `now`, `YYYY-MM-DD`: what "today" means to a rule (a deadline, a validity date). */
export const todayOf = (now: Date) => inZone(now).format('YYYY-MM-DD')

export { dayjs }
