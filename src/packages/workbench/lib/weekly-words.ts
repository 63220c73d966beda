import type { WeeklyFigures } from '~types/application.contract'
import { KINDS, type ApplicationKind } from '~types/application.schema'

/** What the chart shows: one kind, or (with several kinds) '' for all of them added up. */
export type WeeklyPick = '' | ApplicationKind

export interface WeeklySeries {
  received: number[]
  decided: number[]
}

/** The words the queue uses: 收到 (received), 已决定 (approved or rejected, as 本月已决定 counts). */
export const RECEIVED = '收到'
export const DECIDED = '已决定'

export function seriesOf(f: WeeklyFigures, pick: WeeklyPick): WeeklySeries {
  const picked = pick ? f.kinds.filter((k) => k.kind === pick) : f.kinds
  const sum = (key: 'received' | 'decided') => f.weeks.map((_, i) => picked.reduce((n, k) => n + k[key][i], 0))
  return { received: sum('received'), decided: sum('decided') }
}

export const isEmpty = (s: WeeklySeries) => s.received.every((n) => n === 0) && s.decided.every((n) => n === 0)

const day = (iso: string, plus = 0) => {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + plus))
}
const md = (date: Date) => `${date.getUTCMonth() + 1}月${date.getUTCDate()}日`

/** The chart's axis: each week by its Monday (`11/30`); the last one is 本周. */
export function axisLabels(weeks: string[]): string[] {
  return weeks.map((w, i) => (i === weeks.length - 1 ? '本周' : `${day(w).getUTCMonth() + 1}/${day(w).getUTCDate()}`))
}

/** The current week so far: `11月30日–12月2日`, or on its Monday `11月30日`. */
const soFar = (monday: string, today: string) => (today === monday ? md(day(monday)) : `${md(day(monday))}–${md(day(today))}`)

/** `11月23日–11月29日`; the current week up to today, `11月30日–12月2日（本周）`. */
export function weekWords(monday: string, current: boolean, today: string): string {
  return current ? `${soFar(monday, today)}（本周）` : `${md(day(monday))}–${md(day(monday, 6))}`
}

export function pickLabel(pick: WeeklyPick): string {
  return pick ? KINDS[pick].label : '全部类型'
}

/** The same numbers as the chart, in a sentence: the twelve weeks, then the current one. */
export function weeklySummary(f: WeeklyFigures, s: WeeklySeries): string {
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const last = f.weeks.length - 1
  return (
    `近 ${f.weeks.length} 周共${RECEIVED} ${total(s.received)} 件、${DECIDED} ${total(s.decided)} 件。` +
    `本周（${soFar(f.weeks[last], f.today)}）${RECEIVED} ${s.received[last]} 件、${DECIDED} ${s.decided[last]} 件，还在累计。`
  )
}
