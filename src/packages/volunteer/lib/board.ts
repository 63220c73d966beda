import { regionLabel } from '~types/regions'
import type { LeaderboardView } from '~types/volunteer.schema'

/** `2026-01` stepped by −1 → `2025-12`. */
export function monthStep(month: string, by: number): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`
}

export const monthWords = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`

/** The caller's own place, in a sentence: the first thing a rider looks for. */
export function myPlaceText(b: LeaderboardView, current: boolean): { line: string; hint: string } {
  const when = current ? '本月' : monthWords(b.month)
  const everyone = `${regionLabel(b.district)}${when}共 ${b.total} 人获得积分`
  if (b.me) return { line: `您排第 ${b.me.rank} 名，${when} ${b.me.points} 分`, hint: everyone }
  return current
    ? { line: '本月您还没有上榜', hint: '随手拍被处理、志愿服务时长确认后获得的积分会计入排行榜' }
    : { line: `${when}您没有获得积分`, hint: everyone }
}
