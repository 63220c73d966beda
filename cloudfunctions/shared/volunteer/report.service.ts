import { STATUS_LABELS } from '~types/application.schema'
import { REPORT_CATEGORY_LABELS, type ForwardEntry, type VolunteerReportPayload } from '~types/volunteer.schema'
import type { DuplicateView, DuplicatesView, ForwardInput } from '~types/volunteer-report.schema'
import { DUPLICATE_HOURS, DUPLICATE_RADIUS_M } from '../../../config/volunteer'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import { districtsOf, staffCovers } from '../core/scope'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from '../workflow/application.doc'
import { loadInScope } from '../workflow/review.service'
import { placeKeyOf, REPORT_POINTS, type ReportPointDoc } from './report.points'

const NOT_FOUND = '没有找到这份随手拍'
const payloadOf = (app: ApplicationDoc) => app.payload as unknown as VolunteerReportPayload

/**
 * 转交: an accepted report handed to the department that can fix it (城管, 交警, 派出所…). Appended to the report in
 * one transaction with the audit line and the reporter's message, so what the reporter reads is what was recorded.
 * Only while in review: before, nobody has looked at it; after, it is decided. Not a new version — nothing was
 * decided, and a colleague's decision on the version they saw still stands.
 */
export async function forwardReport(rt: Runtime, staff: UserDoc, input: ForwardInput, recorder?: ReplayRecorder): Promise<{ forwarded: ForwardEntry[] }> {
  const now = rt.now()
  let notice: Awaited<ReturnType<typeof notify>> | undefined
  const answer = await inTransaction(rt.db, async (tx: Transaction) => {
    notice = undefined
    const { data } = await tx.collection(APPLICATIONS).doc(input.id).get()
    const app = data as ApplicationDoc | null
    if (!app || app.kind !== 'volunteerReport' || !staffCovers(staff, app)) throw new AppError('NOT_FOUND', NOT_FOUND)
    if (app.status !== 'inReview') {
      throw new AppError('CONFLICT', app.status === 'submitted' || app.status === 'resubmitted'
        ? '请先受理（开始审核），再转交给部门'
        : `这份随手拍现在是“${STATUS_LABELS[app.status]}”，不能再转交`)
    }
    const entry: ForwardEntry = { department: input.department, note: input.note?.trim() || null, at: now.toISOString(), by: staff._id }
    const forwarded = [...(payloadOf(app).forwarded ?? []), entry]
    await tx.collection(APPLICATIONS).doc(app._id).update({ 'payload.forwarded': forwarded, updatedAt: now })
    await tx.collection(AUDIT).add({
      actorId: staff._id, actorRole: 'staff', action: 'volunteer.forward', targetType: 'application', targetId: app._id,
      from: app.status, to: { department: entry.department, note: entry.note }, at: now, visibleToApplicant: true,
    })
    notice = await notify(rt, tx, {
      openid: app.applicantOpenid,
      title: `随手拍已转交${entry.department}处理`,
      body: `您反映的“${REPORT_CATEGORY_LABELS[payloadOf(app).category]}”（${app.caseNo}）已转交${entry.department}处理${entry.note ? `：${entry.note}` : ''}。处理结果和积分会在这里告诉您。`,
      target: { kind: 'application', id: app._id },
      progress: { matter: `随手拍${app.caseNo}`, status: '已转交', hint: `已转交${entry.department}处理` },
    })
    const out = { forwarded }
    await recorder?.record(tx, out)
    return out
  })
  await deliver(rt, [notice!])
  return answer
}

/**
 * Possible duplicates of a report in the reviewer's scope: other reports of the same category within
 * DUPLICATE_RADIUS_M and DUPLICATE_HOURS of it (before or after), in the reviewer's own districts, nearest first.
 * A report without coordinates is compared by its place's words in its own district. Two queries on the points
 * (one `$geoNear` with the rest as its query) and one for the reports' current states.
 */
export async function duplicatesOf(rt: Runtime, staff: UserDoc, id: string): Promise<DuplicatesView> {
  const app = await loadInScope(rt, staff, id)
  if (app.kind !== 'volunteerReport') throw new AppError('NOT_FOUND', NOT_FOUND)
  const p = payloadOf(app)
  const _ = rt.db.command
  const span = DUPLICATE_HOURS * 3_600_000
  const at = app.createdAt
  const located = p.place.longitude !== undefined && p.place.latitude !== undefined
  const query = {
    category: p.category,
    district: _.in(districtsOf(staff, 'volunteer')),
    at: _.gte(new Date(at.getTime() - span)).and(_.lte(new Date(at.getTime() + span))),
    _id: _.neq(app._id),
  }
  let found: { doc: ReportPointDoc; distanceM: number | null }[]
  if (located) {
    const { data } = await rt.db.collection(REPORT_POINTS).aggregate()
      .geoNear({ near: new rt.db.Geo.Point(p.place.longitude!, p.place.latitude!), distanceField: 'distance', spherical: true, maxDistance: DUPLICATE_RADIUS_M, query, key: 'location' })
      .limit(20)
      .end()
    // `$geoNear` writes `distanceField` on every document it returns (CloudBase as MongoDB; the engine likewise).
    found = (data as (ReportPointDoc & { distance: number })[]).map((d) => ({ doc: d, distanceM: Math.round(d.distance) }))
  } else {
    const { data } = await rt.db.collection(REPORT_POINTS).where({ ...query, district: app.district, placeKey: placeKeyOf(p.place.text) }).limit(20).get()
    found = (data as ReportPointDoc[]).map((doc) => ({ doc, distanceM: null }))
  }
  if (!found.length) return { radiusM: DUPLICATE_RADIUS_M, hours: DUPLICATE_HOURS, located, items: [] }
  const { data: apps } = await rt.db.collection(APPLICATIONS).where({ _id: _.in(found.map((f) => f.doc._id)) }).field({ status: true }).limit(20).get()
  const statusOf = new Map((apps as Pick<ApplicationDoc, '_id' | 'status'>[]).map((a) => [a._id, a.status]))
  const items: DuplicateView[] = found
    .filter((f) => statusOf.has(f.doc._id))
    .map(({ doc, distanceM }) => ({
      id: doc._id,
      caseNo: doc.caseNo,
      status: statusOf.get(doc._id)!,
      category: doc.category,
      placeText: doc.placeText,
      distanceM,
      at: new Date(doc.at).toISOString(),
      // Filed in the same instant (a tie on the clock): the case numbers keep the order they were filed in.
      earlier: new Date(doc.at) < at || (new Date(doc.at).getTime() === at.getTime() && doc.caseNo < app.caseNo),
    }))
  return { radiusM: DUPLICATE_RADIUS_M, hours: DUPLICATE_HOURS, located, items }
}
