import type { WeeklyFigures } from '~types/application.contract'
import { APPLICATION_KINDS, KINDS, type ApplicationKind } from '~types/kinds'
import type { Runtime } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS } from './application.doc'

export const WEEKS = 12
const DAY_MS = 86_400_000
const WEEK_MS = 7 * DAY_MS
/** Jiangsu time is UTC+8 all year (no daylight saving since 1991), so every week is exactly 7 × 24 h long. */
const OFFSET_MS = 8 * 3600 * 1000

/** Monday 00:00 Shanghai of the week holding `at`, as an instant. */
export function weekStart(at: Date): Date {
  const day = Math.floor((at.getTime() + OFFSET_MS) / DAY_MS)
  // Day 0 (1970-01-01) was a Thursday: 3 days after a Monday.
  const monday = day - ((day + 3) % 7)
  return new Date(monday * DAY_MS - OFFSET_MS)
}

const localDate = (at: Date) => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10)

/**
 * Applications received (`createdAt`) and decided (`decision.at`, approved or rejected — what 本月已决定 counts) in
 * each of the last 12 weeks, Monday to Sunday in Shanghai, per kind the caller reviews, for their districts and
 * services only. The last week is the current one, counted up to now.
 *
 * One aggregation, so one round trip whatever the backlog: `$match` takes, per grant, the applications received or
 * decided since the first Monday (indexes district+service+createdAt and district+service+decision.at), and
 * `$group` counts them by kind and by the week of each of the two dates (-1: before the window, null: not decided).
 * A week is an integer division of the time since the first Monday, which the fixed UTC+8 offset makes exact.
 */
export async function weekly(rt: Runtime, staff: UserDoc): Promise<WeeklyFigures> {
  const _ = rt.db.command
  const $ = _.aggregate
  const now = rt.now()
  const first = new Date(weekStart(now).getTime() - (WEEKS - 1) * WEEK_MS)
  const kinds = APPLICATION_KINDS.filter((k) => staff.roles.staff.some((g) => g.services.includes(KINDS[k].service)))
  const weeks = Array.from({ length: WEEKS }, (_, i) => localDate(new Date(first.getTime() + i * WEEK_MS)))
  const series = new Map<ApplicationKind, { received: number[]; decided: number[] }>(kinds.map((k) => [k, { received: Array(WEEKS).fill(0), decided: Array(WEEKS).fill(0) }]))
  if (kinds.length) {
    const branches = staff.roles.staff.flatMap((g) => [
      { district: g.districtCode, service: _.in(g.services), createdAt: _.gte(first) },
      { district: g.districtCode, service: _.in(g.services), 'decision.at': _.gte(first) },
    ])
    // Weeks since the first Monday: negative before it (received long before, decided now), null for no date.
    const weekOf = (field: string) => $.floor($.divide([$.subtract([field, first]), WEEK_MS]))
    const { data } = await rt.db
      .collection(APPLICATIONS)
      .aggregate()
      .match(_.or(branches))
      // Grouped straight away (no $project: the embedded engine's pipeline costs per stage and document). The
      // received week is held at -1 for all earlier ones, so the groups stay few whatever the backlog.
      .group({ _id: { kind: '$kind', received: $.max([-1, weekOf('$createdAt')]), decided: weekOf('$decision.at') }, n: $.sum(1) })
      // CloudBase answers 20 results of an aggregation unless told; at most 13 × 13 groups per kind come out.
      .limit(1000)
      .end()
    const inWindow = (week: number | null): week is number => typeof week === 'number' && week >= 0 && week < WEEKS
    for (const { _id: key, n } of data as { _id: { kind: ApplicationKind; received: number | null; decided: number | null }; n: number }[]) {
      const s = series.get(key.kind)
      if (!s) continue
      if (inWindow(key.received)) s.received[key.received] += n
      if (inWindow(key.decided)) s.decided[key.decided] += n
    }
  }
  return { weeks, today: localDate(now), kinds: kinds.map((kind) => ({ kind, ...series.get(kind)! })) }
}
