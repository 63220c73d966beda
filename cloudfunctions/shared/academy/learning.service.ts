import { formatCredits, sessionsToComplete, type OfferDetail, type CreditEntry, type EnrolmentView, type LearningView, type RosterView, type SessionView, type TranscriptView, type AcademyFigures } from '~types/academy.schema'
import { inZone } from '~types/time'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { inScopeOr404, scopeCondition } from '../core/scope'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS } from '../workflow/application.doc'
import { claimsOf, myCertificates } from './certificate.service'
import { ENROLMENTS, creditsEarned, creditsInYear, enrolmentIdOf, type EnrolmentDoc } from './enrolment.doc'
import { getOffer, offerDetail, offerForWorker, programmeYears, startOf } from './offer.service'
import { OFFERS, type OfferDoc } from './offer.doc'
import { rulesFor } from './rules.service'
import { collectingTell, releaseSeat, type WrittenNotice } from './seats'
import { deliver } from '../notify/notifier'

function nextSession(offer: OfferDoc | undefined, now: Date): SessionView | null {
  if (!offer) return null
  return offer.sessions.find((s) => startOf(s) > now) ?? null
}

export function enrolmentView(e: EnrolmentDoc, offer: OfferDoc | undefined, now: Date, waitlistPlace: number | null): EnrolmentView {
  const sessions = offer?.sessions ?? []
  return {
    id: e._id,
    offerId: e.offerId,
    offerType: e.offerType,
    offerTitle: e.offerTitle,
    applicationId: e.applicationId,
    caseNo: e.caseNo,
    state: e.state,
    releaseReason: e.releaseReason,
    waitlistPlace,
    nextSession: e.state === 'released' || e.state === 'completed' ? null : nextSession(offer, now),
    sessionsTotal: sessions.length,
    sessionsAttended: sessions.filter((s) => e.attendance?.[s.id] === 'present').length,
    creditsEarned: creditsEarned(e),
    creditsRequired: offer?.diploma?.creditsRequired ?? null,
    certificateId: e.certificateId,
    createdAt: e.createdAt.toISOString(),
  }
}

/** One offer as the worker's page shows it, with the caller's own enrolment in it (read by its id). */
export async function offerWithMine(rt: Runtime, user: UserDoc, id: string): Promise<OfferDetail> {
  const o = await offerForWorker(rt, user, id)
  const { data } = await rt.db.collection(ENROLMENTS).doc(enrolmentIdOf(o._id, user._id)).get()
  const mine = (data[0] as EnrolmentDoc | undefined) ?? null
  const now = rt.now()
  return { ...offerDetail(o, now, mine), enrolment: mine ? enrolmentView(mine, o, now, await waitlistPlace(rt, mine)) : null }
}

/** Place in line: 1 + those waiting with a smaller number (one count per waitlisted enrolment; there are few). */
async function waitlistPlace(rt: Runtime, e: EnrolmentDoc): Promise<number | null> {
  if (e.state !== 'waitlisted' || e.waitlistNo === null) return null
  const _ = rt.db.command
  const { total } = await rt.db.collection(ENROLMENTS).where({ offerId: e.offerId, state: 'waitlisted', waitlistNo: _.lt(e.waitlistNo) }).count()
  return total + 1
}

async function offersById(rt: Runtime, ids: string[]): Promise<Map<string, OfferDoc>> {
  if (!ids.length) return new Map()
  const _ = rt.db.command
  const { data } = await rt.db.collection(OFFERS).where({ _id: _.in([...new Set(ids)]) }).limit(ids.length).get()
  return new Map((data as OfferDoc[]).map((o) => [o._id, o]))
}

/** 我的学习: every enrolment with its next class, attendance and credits; certificates with their subsidy window. */
export async function myLearning(rt: Runtime, user: UserDoc): Promise<LearningView> {
  const now = rt.now()
  const [{ data }, rules, claims] = await Promise.all([
    rt.db.collection(ENROLMENTS).where({ userId: user._id }).orderBy('createdAt', 'desc').limit(100).get(),
    rulesFor(rt, user.profile!.districtCode),
    claimsOf(rt, user._id),
  ])
  const enrolments = data as EnrolmentDoc[]
  const [offers, certificates, places] = await Promise.all([
    offersById(rt, enrolments.map((e) => e.offerId)),
    myCertificates(rt, user, rules, claims),
    Promise.all(enrolments.map((e) => waitlistPlace(rt, e))),
  ])
  return { enrolments: enrolments.map((e, i) => enrolmentView(e, offers.get(e.offerId), now, places[i])), certificates, rules }
}

async function ownEnrolment(rt: Runtime, user: UserDoc, id: string): Promise<EnrolmentDoc> {
  const { data } = await rt.db.collection(ENROLMENTS).doc(id).get()
  const e = data[0] as EnrolmentDoc | undefined
  if (!e || e.userId !== user._id) throw new AppError('NOT_FOUND', '没有找到这份报名')
  return e
}

/** A transcript: every module's credits by programme year, and whether each year is complete. */
export async function transcript(rt: Runtime, user: UserDoc, enrolmentId: string): Promise<TranscriptView> {
  const e = await ownEnrolment(rt, user, enrolmentId)
  const offer = (await getOffer(rt, e.offerId)) ?? undefined
  const entries = Object.values(e.credits ?? {}).sort((a, b) => a.yearNo - b.yearNo || a.at.localeCompare(b.at))
  const plan = offer?.diploma ? programmeYears(offer.diploma) : null
  const years = plan?.years ?? Math.max(0, ...entries.map((c) => c.yearNo))
  const byYear = Array.from({ length: years }, (_, i) => {
    const credits = creditsInYear(e, i + 1)
    const required = plan?.creditsPerYear ?? 0
    return { yearNo: i + 1, credits, required, complete: credits >= required }
  })
  return { enrolment: enrolmentView(e, offer, rt.now(), await waitlistPlace(rt, e)), holderName: e.name, entries, byYear }
}

async function staffOffer(rt: Runtime, staff: UserDoc, offerId: string): Promise<OfferDoc> {
  return inScopeOr404(staff, await getOffer(rt, offerId), '没有找到这门课程')
}

/** A class list: seated and enrolled first, then the waitlist in order, then those who left. */
export async function roster(rt: Runtime, staff: UserDoc, offerId: string): Promise<RosterView> {
  const offer = await staffOffer(rt, staff, offerId)
  const { data } = await rt.db.collection(ENROLMENTS).where({ offerId }).limit(1000).get()
  const order: Record<EnrolmentDoc['state'], number> = { enrolled: 0, completed: 0, seated: 1, waitlisted: 2, released: 3 }
  const rows = (data as EnrolmentDoc[])
    .sort((a, b) => order[a.state] - order[b.state] || (a.waitlistNo ?? 0) - (b.waitlistNo ?? 0) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((e) => ({
      enrolmentId: e._id, applicationId: e.applicationId, caseNo: e.caseNo, name: e.name, state: e.state, releaseReason: e.releaseReason,
      waitlistNo: e.waitlistNo, attendance: e.attendance ?? {}, creditsEarned: creditsEarned(e), certificateId: e.certificateId,
    }))
  return { offer: { ...offerDetail(offer, rt.now(), null), enrolment: null }, rows }
}

const ACTIVE = ['enrolled', 'completed'] as const

/** Attendance of one class for the whole list at once: two updates (present, absent), one audit line. */
export async function recordAttendance(rt: Runtime, staff: UserDoc, input: { offerId: string; sessionId: string; present: string[]; absent: string[] }) {
  const offer = await staffOffer(rt, staff, input.offerId)
  if (!offer.sessions.some((s) => s.id === input.sessionId)) throw invalidField('sessionId', '这门课没有这一次课')
  const both = input.present.filter((id) => input.absent.includes(id))
  if (both.length) throw invalidField('absent', '同一位学员不能既到课又缺课')
  const _ = rt.db.command
  const field = `attendance.${input.sessionId}`
  let marked = 0
  for (const [ids, mark] of [[input.present, 'present'], [input.absent, 'absent']] as const) {
    if (!ids.length) continue
    const res = (await rt.db.collection(ENROLMENTS).where({ _id: _.in(ids), offerId: offer._id, state: _.in([...ACTIVE]) }).update({ [field]: mark, updatedAt: rt.now() })) as { updated?: number }
    marked += res.updated ?? 0
  }
  await rt.db.collection(AUDIT).add({ actorId: staff._id, actorRole: 'staff', action: 'academy.attendance', targetType: 'offer', targetId: offer._id, to: { sessionId: input.sessionId, present: input.present.length, absent: input.absent.length }, at: rt.now() })
  return { marked, skipped: input.present.length + input.absent.length - marked }
}

/** A module's credits for a class. Recording the same module and year again corrects it (keyed), never doubles it. */
export async function recordCredits(rt: Runtime, staff: UserDoc, input: { offerId: string; module: string; yearNo: number; rows: { enrolmentId: string; credits: number }[] }) {
  const offer = await staffOffer(rt, staff, input.offerId)
  if (offer.type !== 'diploma') throw invalidField('offerId', '学分只记在学历教育里；技能培训记出勤')
  const { years } = programmeYears(offer.diploma!)
  if (input.yearNo > years) throw invalidField('yearNo', `这个专业共 ${years} 个学年`)
  const _ = rt.db.command
  const now = rt.now()
  const key = `y${input.yearNo}-${Buffer.from(input.module).toString('hex').slice(0, 48)}`
  let recorded = 0
  const skipped: string[] = []
  for (const row of input.rows) {
    const entry: CreditEntry = { key, module: input.module, yearNo: input.yearNo, credits: row.credits, at: now.toISOString() }
    const res = (await rt.db.collection(ENROLMENTS).where({ _id: row.enrolmentId, offerId: offer._id, state: _.in([...ACTIVE]) }).update({ [`credits.${key}`]: entry, updatedAt: now })) as { updated?: number }
    if (res.updated) recorded++
    else skipped.push(row.enrolmentId)
  }
  await rt.db.collection(AUDIT).add({ actorId: staff._id, actorRole: 'staff', action: 'academy.credits', targetType: 'offer', targetId: offer._id, to: { module: input.module, yearNo: input.yearNo, rows: input.rows.length, credits: formatCredits(input.rows.reduce((s, r) => s + r.credits, 0)) }, at: now })
  return { recorded, skipped }
}

/** Did not come: the seat goes to the first in line, who is told; audited. */
export async function markNoShow(rt: Runtime, staff: UserDoc, enrolmentId: string) {
  const { data } = await rt.db.collection(ENROLMENTS).doc(enrolmentId).get()
  const seen = inScopeOr404(staff, (data[0] as EnrolmentDoc | undefined) ?? null, '没有找到这份报名')
  const now = rt.now()
  let notices: WrittenNotice[] = []
  await inTransaction(rt.db, async (tx: Transaction) => {
    notices = []
    const { data: fresh } = await tx.collection(ENROLMENTS).doc(enrolmentId).get()
    const e = fresh as EnrolmentDoc
    if (e.state !== 'seated' && e.state !== 'enrolled') throw new AppError('CONFLICT', '只有占着名额的学员才能标记未到课')
    await releaseSeat(rt, tx, e, 'noShow', collectingTell(rt, tx, notices))
    await tx.collection(AUDIT).add({ actorId: staff._id, actorRole: 'staff', action: 'academy.noShow', targetType: 'enrolment', targetId: enrolmentId, from: e.state, to: 'released', at: now })
  })
  await deliver(rt, notices)
  return roster(rt, staff, seen.offerId)
}

/** A course's end: those who attended enough (the district's share) are completed; the others are listed. */
export async function completeCourse(rt: Runtime, staff: UserDoc, offerId: string) {
  const offer = await staffOffer(rt, staff, offerId)
  if (offer.type === 'diploma') throw invalidField('offerId', '学历教育按学分毕业，不在这里结业')
  const rules = await rulesFor(rt, offer.district)
  const { data } = await rt.db.collection(ENROLMENTS).where({ offerId, state: 'enrolled' }).limit(1000).get()
  const now = rt.now()
  const need = sessionsToComplete(offer.sessions.length, rules.completionAttendancePct)
  const completed: string[] = []
  const notYet: { enrolmentId: string; attended: number }[] = []
  for (const e of data as EnrolmentDoc[]) {
    const attended = offer.sessions.filter((s) => e.attendance?.[s.id] === 'present').length
    if (attended < need) {
      notYet.push({ enrolmentId: e._id, attended })
      continue
    }
    await rt.db.collection(ENROLMENTS).where({ _id: e._id, state: 'enrolled' }).update({ state: 'completed', completedAt: now, updatedAt: now })
    completed.push(e._id)
  }
  await rt.db.collection(AUDIT).add({ actorId: staff._id, actorRole: 'staff', action: 'academy.complete', targetType: 'offer', targetId: offerId, to: { completed: completed.length, notYet: notYet.length, need }, at: now })
  return { completed, notYet, sessionsNeeded: need }
}

/** The academy's own figures for its staff's districts. */
export async function academyFigures(rt: Runtime, staff: UserDoc): Promise<AcademyFigures> {
  const _ = rt.db.command
  const scope = scopeCondition(rt.db, staff, 'academy')
  const now = rt.now()
  const today = inZone(now).format('YYYY-MM-DD')
  const monthStart = inZone(now).startOf('month').toDate()
  const col = rt.db.collection(ENROLMENTS)
  const [enrolled, waitlisted, completed, ended, subsidies] = await Promise.all([
    col.where({ ...scope, state: _.in(['seated', 'enrolled']) }).count(),
    col.where({ ...scope, state: 'waitlisted' }).count(),
    col.where({ ...scope, state: 'completed' }).count(),
    col.where({ ...scope, state: 'enrolled', offerLastDate: _.lt(today) }).count(),
    rt.db.collection(APPLICATIONS).where({ ...scope, service: 'academy', kind: _.in(['tuitionSubsidy', 'skillSubsidy']), status: _.in(['approved', 'done']), 'decision.at': _.gte(monthStart) }).limit(1000).get(),
  ])
  const finished = completed.total + ended.total
  const approved = subsidies.data as { decision: { details?: { amountFen?: number } } }[]
  return {
    enrolled: enrolled.total,
    waitlisted: waitlisted.total,
    completionPct: finished ? Math.round((completed.total * 100) / finished) : null,
    subsidiesApprovedThisMonth: approved.length,
    subsidiesApprovedThisMonthFen: approved.reduce((s, a) => s + (a.decision.details?.amountFen ?? 0), 0),
  }
}
