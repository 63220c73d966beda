import { regionLabel } from '~types/regions'
import { inZone } from '~types/time'
import type { VolunteerReportPayload } from '~types/volunteer.schema'
import type { ReportFigures, ReportFiguresRow } from '~types/volunteer-report.schema'
import type { Runtime } from '../core/context'
import { districtsOf } from '../core/scope'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from '../workflow/application.doc'

const PAGE = 1000

/** Every row of a query, a page at a time (CloudBase answers at most 1000). */
async function all<T>(query: { skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown[] }> } } }): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.skip(skip).limit(PAGE).get()
    out.push(...(data as T[]))
    if (data.length < PAGE) return out
  }
}

/** The middle value (the mean of the two middle ones for an even count), rounded to whole minutes. */
export function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
  return Math.round(m)
}

/** The nearest-rank 90th percentile: 9 in 10 were at most this. */
export function p90(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.ceil(0.9 * s.length) - 1])
}

const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000

/** When a report was accepted: its first startReview on its own trail. */
const acceptedAt = (app: Pick<ApplicationDoc, 'timeline'>) => app.timeline?.find((e) => e.step === 'startReview')?.at ?? null

/**
 * The 随手拍 desk's month, per district of the caller (Asia/Shanghai): what came in and how fast it was accepted
 * (Lianyungang promises 30 minutes, so the response time is the figure that matters), what was decided and the
 * points credited for it. Two reads on the applications' district/service indexes and a count per district.
 */
export async function reportFigures(rt: Runtime, staff: UserDoc): Promise<ReportFigures> {
  const _ = rt.db.command
  const now = rt.now()
  const monthStart = inZone(now).startOf('month').toDate()
  const districts = districtsOf(staff, 'volunteer')
  const base = { district: _.in(districts), service: 'volunteer', kind: 'volunteerReport' }
  const coll = rt.db.collection(APPLICATIONS)
  const [filed, decided, waiting] = await Promise.all([
    all<Pick<ApplicationDoc, 'district' | 'createdAt' | 'timeline'>>(coll.where({ ...base, createdAt: _.gte(monthStart) }).field({ district: true, createdAt: true, timeline: true })),
    all<Pick<ApplicationDoc, 'district' | 'createdAt' | 'decision' | 'payload'>>(coll.where({ ...base, 'decision.at': _.gte(monthStart) }).field({ district: true, createdAt: true, decision: true, payload: true })),
    // Only counted: one count per district, not the documents.
    Promise.all(districts.map(async (district) => (await coll.where({ ...base, district, status: _.in(['submitted', 'resubmitted']) }).count()).total)),
  ])
  const rows: ReportFiguresRow[] = districts.map((district) => {
    const mine = filed.filter((a) => a.district === district)
    const response = mine.flatMap((a) => {
      const at = acceptedAt(a)
      return at ? [minutesBetween(a.createdAt, new Date(at))] : []
    })
    const done = decided.filter((a) => a.district === district)
    const handled = done.filter((a) => a.decision?.result === 'approved')
    return {
      district,
      regionLabel: regionLabel(district),
      received: mine.length,
      accepted: response.length,
      waiting: waiting[districts.indexOf(district)],
      handled: handled.length,
      rejected: done.filter((a) => a.decision?.result === 'rejected').length,
      responseMinutes: response.length ? { median: median(response)!, p90: p90(response)! } : null,
      handledMedianMinutes: median(handled.map((a) => minutesBetween(a.createdAt, new Date(a.decision!.at)))),
      pointsThisMonth: handled.reduce((sum, a) => sum + ((a.payload as unknown as VolunteerReportPayload).points ?? 0), 0),
    }
  })
  return { month: inZone(now).format('YYYY-MM'), rows }
}
