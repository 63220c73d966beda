import type { StationCard } from '~types/station.schema'

/** Jiangsu time is UTC+8 all year: dates as a rider reads them, without a timezone library in the package. */
const OFFSET_MS = 8 * 3600 * 1000
const shanghai = (d: Date | string | number) => new Date(new Date(d).getTime() + OFFSET_MS)

/** “350 米”, “1.2 公里”, “12 公里”: as a rider judges a detour, not to the metre. */
export function distanceWords(m: number): string {
  if (m < 100) return `${Math.max(1, Math.round(m))} 米`
  // 996 m reads “1 公里”, not “1000 米”.
  if (Math.round(m / 10) * 10 < 1000) return `${Math.round(m / 10) * 10} 米`
  if (m < 10_000) return `${(m / 1000).toFixed(1).replace(/\.0$/, '')} 公里`
  return `${Math.round(m / 1000)} 公里`
}

/** “2026年12月2日”. */
export function dayWords(date: Date | string | number): string {
  const d = shanghai(date)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** Today's weekday in Jiangsu, Monday = 0 (the order of a station's hours). */
export function todayIndex(now: number = Date.now()): number {
  return (shanghai(now).getUTCDay() + 6) % 7
}

/** “刚才”, “12 分钟前”, “3 小时前”, “2 天前”. */
export function ageWords(since: number, now: number = Date.now()): string {
  const min = Math.floor((now - since) / 60_000)
  if (min < 1) return '不到 1 分钟前'
  if (min < 60) return `${min} 分钟前`
  if (min < 24 * 60) return `${Math.floor(min / 60)} 小时前`
  return `${Math.floor(min / (24 * 60))} 天前`
}

/**
 * Open or not, in words with a mark that is not colour: ✓ open (24 h included), × closed or paused. The server's
 * text already says when it changes (“营业中 · 22:00 关门”, “已关门 · 明天 08:00 开门”).
 */
export function openWords(open: StationCard['open']): string {
  return `${open.now ? '✓' : '×'} ${open.text}`
}

/** A day's hours as staff wrote them, read back to a rider: empty is a day off. */
export function hoursWords(text: string | null | undefined): string {
  const t = (text ?? '').trim()
  return t === '' ? '休息' : t.replace(/^24\s*(小时|h|H)$/, '24 小时')
}

/** A phone number as dialled: the hyphen of a landline (“0513-85123456”) is for reading only. */
export const dialable = (phone: string) => phone.replace(/[^\d]/g, '')
