import type { QueueFigures, QueueRow, Status } from '~types/application.schema'
import { inZone } from '~types/time'
import { APPLICATION_KINDS, KINDS } from '~types/kinds'
import type { Runtime } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { scopeCondition } from '../core/scope'
import { queueRow } from './views'
import { addWorkingDays, workingDaysLeft } from './working-days'

export const PAGE_SIZE = 20

/** "Due soon": due within the kind's `dueSoonWorkingDays` — one branch per kind, each with its own limit. */
function dueSoonCondition(rt: Runtime, now: Date) {
  const _ = rt.db.command
  return _.or(APPLICATION_KINDS.map((kind) => ({ kind, dueAt: _.gte(now).and(_.lte(addWorkingDays(now, KINDS[kind].rules.dueSoonWorkingDays).dueAt)) })))
}

export interface QueueFilter {
  kind?: ApplicationDoc['kind']
  status?: Status
  due?: 'soon' | 'overdue'
  q?: string
  page?: number
}

/** Escape a search box for a regex query: people type names, not patterns. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function conditions(rt: Runtime, staff: UserDoc, f: QueueFilter) {
  const _ = rt.db.command
  const now = rt.now()
  const and: object[] = [scopeCondition(rt.db, staff), f.status ? { status: f.status } : { open: true }]
  if (f.kind) and.push({ kind: f.kind })
  if (f.due === 'overdue') and.push({ dueAt: _.lt(now) })
  if (f.due === 'soon') and.push(dueSoonCondition(rt, now))
  if (f.q) and.push(_.or([{ caseNo: f.q.toUpperCase() }, { applicantName: rt.db.RegExp({ regexp: literal(f.q) }) }]))
  return _.and(and)
}

/**
 * The reviewer's queue: their districts and services only, 20 a page. Art. 44 urgent requests first (a limitation
 * period may end before the 7-working-day decision is due), then the soonest deadline. Sorted and paged in the
 * database (index district+open+urgent+dueAt), so the cost follows the page, not the backlog.
 */
export async function queue(rt: Runtime, staff: UserDoc, f: QueueFilter): Promise<{ rows: QueueRow[]; total: number; page: number; pageSize: number }> {
  const page = f.page ?? 1
  const where = conditions(rt, staff, f)
  const [{ data }, { total }] = await Promise.all([
    rt.db.collection(APPLICATIONS).where(where).orderBy('urgent', 'desc').orderBy('dueAt', 'asc').skip((page - 1) * PAGE_SIZE).limit(PAGE_SIZE).get(),
    rt.db.collection(APPLICATIONS).where(where).count(),
  ])
  const now = rt.now()
  return { rows: (data as ApplicationDoc[]).map((a) => queueRow(a, now)), total, page, pageSize: PAGE_SIZE }
}

/** The figures at the top of the workbench, for the staff member's scope. */
export async function figures(rt: Runtime, staff: UserDoc): Promise<QueueFigures> {
  const _ = rt.db.command
  const now = rt.now()
  const scope = scopeCondition(rt.db, staff)
  const count = async (extra: object) => (await rt.db.collection(APPLICATIONS).where(_.and([scope, extra])).count()).total
  const monthStart = inZone(now).startOf('month').toDate()
  const [open, dueSoon, overdue, decidedDocs] = await Promise.all([
    count({ open: true }),
    count(_.and([{ open: true }, dueSoonCondition(rt, now)])),
    count({ open: true, dueAt: _.lt(now) }),
    rt.db.collection(APPLICATIONS).where(_.and([scope, { 'decision.at': _.gte(monthStart) }])).limit(1000).get(),
  ])
  const days = (decidedDocs.data as ApplicationDoc[]).map((a) => workingDaysLeft(a.createdAt, a.decision!.at)).sort((a, b) => a - b)
  const median = days.length ? (days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2) : null
  return { open, dueSoon, overdue, decidedThisMonth: days.length, medianWorkingDaysToDecide: median }
}
