import type { QueueFigures, QueuePage, Status } from '~types/application.schema'
import { inZone } from '~types/time'
import { APPLICATION_KINDS, KINDS } from '~types/kinds'
import type { Runtime } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { scopeCondition } from '../core/scope'
import { queueRow } from './views'
import { useCalendar } from './calendar.service'
import { addWorkingDays, workingDaysLeft } from './working-days'

export const PAGE_SIZE = 20

/** "Due soon": due within the kind's `dueSoonWorkingDays` — one branch per kind, each with its own limit. */
function dueSoonCondition(rt: Runtime, now: Date) {
  const _ = rt.db.command
  return _.or(APPLICATION_KINDS.map((kind) => ({ kind, dueAt: _.gte(now).and(_.lte(addWorkingDays(now, KINDS[kind].rules.dueSoonWorkingDays).dueAt)) })))
}

export interface QueueFilter {
  kind?: ApplicationDoc['kind']
  /** One status, `any`, or (left out) every open one. */
  status?: Status | 'any'
  due?: 'soon' | 'overdue'
  q?: string
  page?: number
}

/** Escape a search box for a regex query: people type names, not patterns. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A search read as a case number, as a regex on `caseNo` (or null: a name). People type case numbers as they hear
 * them: lowercase, with spaces, full-width or no dashes, only the start (`fy-20261129`), without the prefix
 * (`20261129-0007`), or just the serial (`7`, `0007`: case numbers ending in `-0007`).
 */
export function caseNoPattern(q: string): string | null {
  const t = q.toUpperCase().replace(/\s+/g, '').replace(/[－—–_]/g, '-')
  const compact = t.replace(/-/g, '')
  const prefixed = /^([A-Z]{1,4})(\d*)$/.exec(compact)
  if (prefixed && (prefixed[2] || t.includes('-'))) {
    const [, letters, digits] = prefixed
    const text = `${letters}-${digits.slice(0, 8)}${digits.length > 8 ? `-${digits.slice(8)}` : ''}`
    // The whole number names one case; a start lists every case it begins (a day's, say).
    return digits.length >= 12 ? `^${text}$` : `^${text}`
  }
  const dated = /^(\d{8})(\d{4,})$/.exec(compact)
  if (dated && (t.includes('-') || compact.length >= 12)) return `-${dated[1]}-${dated[2]}$`
  if (/^\d{1,4}$/.test(t)) return `-${t.padStart(4, '0')}$`
  return null
}

function filterConditions(rt: Runtime, f: QueueFilter): object[] {
  const _ = rt.db.command
  const now = rt.now()
  const and: object[] = []
  if (f.status !== 'any') and.push(f.status ? { status: f.status } : { open: true })
  if (f.kind) and.push({ kind: f.kind })
  if (f.due === 'overdue') and.push({ dueAt: _.lt(now) })
  if (f.due === 'soon') and.push(dueSoonCondition(rt, now))
  return and
}

/**
 * The reviewer's queue: their districts and services only, 20 a page. Art. 44 urgent requests first (a limitation
 * period may end before the 7-working-day decision is due), then the soonest deadline. Sorted and paged in the
 * database (index district+open+urgent+dueAt), so the cost follows the page, not the backlog.
 *
 * A search by case number looks in every status, kind and deadline: the number names one case, and a filter left
 * on from earlier must not make it look as if the case did not exist. A search by name keeps the filters, and the
 * answer says how many matches they leave out.
 */
export async function queue(rt: Runtime, staff: UserDoc, f: QueueFilter): Promise<QueuePage> {
  const page = f.page ?? 1
  await useCalendar(rt)
  const scope = scopeCondition(rt.db, staff)
  const caseNo = f.q ? caseNoPattern(f.q) : null
  const search = f.q ? (caseNo ? { caseNo: rt.db.RegExp({ regexp: caseNo }) } : { applicantName: rt.db.RegExp({ regexp: literal(f.q) }) }) : null
  const filters = caseNo ? [] : filterConditions(rt, f)
  const where = rt.db.command.and([scope, ...filters, ...(search ? [search] : [])])
  const apps = rt.db.collection(APPLICATIONS)
  const [{ data }, { total }, unfiltered] = await Promise.all([
    apps.where(where).orderBy('urgent', 'desc').orderBy('dueAt', 'asc').skip((page - 1) * PAGE_SIZE).limit(PAGE_SIZE).get(),
    apps.where(where).count(),
    // Only a name search under filters can hide something: count the same search without them.
    search && filters.length ? apps.where(rt.db.command.and([scope, search])).count() : null,
  ])
  const now = rt.now()
  return {
    rows: (data as ApplicationDoc[]).map((a) => queueRow(a, now)),
    total,
    page,
    pageSize: PAGE_SIZE,
    ...(search ? { search: { byCaseNo: !!caseNo, hidden: unfiltered ? Math.max(0, unfiltered.total - total) : 0 } } : {}),
  }
}

/** The figures at the top of the workbench, for the staff member's scope. */
export async function figures(rt: Runtime, staff: UserDoc): Promise<QueueFigures> {
  const _ = rt.db.command
  await useCalendar(rt)
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
