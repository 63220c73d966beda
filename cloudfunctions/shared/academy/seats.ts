import type { ReleaseReason } from '~types/academy.schema'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { inTransaction } from '../db/transaction'
import { deliver, notify, type Notice } from '../notify/notifier'
import { APPLICATIONS } from '../workflow/application.doc'
import { ENROLMENTS, type EnrolmentDoc } from './enrolment.doc'
import { availability } from './offer.service'
import { OFFERS, type OfferDoc } from './offer.doc'

/**
 * The seats of a course, within what a CloudBase transaction allows (single-document reads and writes by id): the
 * offer document holds the counters; who is first on the waitlist is a query made before the writes and checked
 * again by id inside the transaction. Every function here runs inside the caller's transaction.
 */

export interface SeatTaken {
  seated: boolean
  waitlistNo: number | null
}

/** A seat if one is left, else the next place on the waitlist — in arrival (commit) order. */
export async function takeSeat(rt: Runtime, tx: Transaction, offerId: string): Promise<SeatTaken & { offer: OfferDoc }> {
  const { data } = await tx.collection(OFFERS).doc(offerId).get()
  const offer = data as OfferDoc | null
  if (!offer || offer.status === 'draft') throw new AppError('NOT_FOUND', '没有找到这门课程，可能已经下架')
  const now = rt.now()
  const state = availability(offer, now)
  if (state === 'closed') throw new AppError('CONFLICT', '这门课的报名已经截止')
  if (state === 'started') throw new AppError('CONFLICT', '这门课已经开课，不能再报名了，可以看看其他课程')
  if (offer.seats === null || offer.taken < offer.seats) {
    await tx.collection(OFFERS).doc(offerId).update({ taken: offer.taken + 1, updatedAt: now })
    return { seated: true, waitlistNo: null, offer }
  }
  const waitlistNo = offer.waitlistSeq + 1
  await tx.collection(OFFERS).doc(offerId).update({ waiting: offer.waiting + 1, waitlistSeq: waitlistNo, updatedAt: now })
  return { seated: false, waitlistNo, offer }
}

/** A notice written in a transaction, to push once it has committed. */
export type WrittenNotice = Awaited<ReturnType<typeof notify>>

/** Tells a worker, in the transaction (the inbox), pushing after the commit (the caller's business). */
export type Tell = (notice: Notice) => Promise<void>

/**
 * Gives a seat (or a waitlist place) back. A freed seat goes straight to the first in line, who is told; if nobody
 * is waiting, the count drops. Answers what to deliver after the commit.
 */
export async function releaseSeat(rt: Runtime, tx: Transaction, enrolment: EnrolmentDoc, reason: ReleaseReason, tell: Tell): Promise<void> {
  const now = rt.now()
  if (enrolment.state === 'released' || enrolment.state === 'completed') return
  const { data } = await tx.collection(OFFERS).doc(enrolment.offerId).get()
  const offer = data as OfferDoc
  await tx.collection(ENROLMENTS).doc(enrolment._id).update({ state: 'released', releaseReason: reason, updatedAt: now })
  if (enrolment.state === 'waitlisted') {
    await tx.collection(OFFERS).doc(offer._id).update({ waiting: Math.max(0, offer.waiting - 1), updatedAt: now })
    return
  }
  const promoted = offer.seats !== null && (await promoteFirst(rt, tx, offer, enrolment._id, tell))
  // The seat changes hands (`taken` stays, one fewer waits), or is free again.
  await tx.collection(OFFERS).doc(offer._id).update(promoted ? { waiting: Math.max(0, offer.waiting - 1), updatedAt: now } : { taken: Math.max(0, offer.taken - 1), updatedAt: now })
}

/**
 * The first still waiting gets the seat. The query runs outside the transaction (CloudBase allows no queries in
 * one); each candidate is read again by id inside it, so one that withdrew meanwhile is skipped.
 */
async function promoteFirst(rt: Runtime, tx: Transaction, offer: OfferDoc, except: string, tell: Tell): Promise<boolean> {
  const _ = rt.db.command
  const { data } = await rt.db
    .collection(ENROLMENTS)
    .where({ offerId: offer._id, state: 'waitlisted', _id: _.neq(except) })
    .orderBy('waitlistNo', 'asc')
    .limit(5)
    .get()
  const now = rt.now()
  for (const c of data as EnrolmentDoc[]) {
    const { data: fresh } = await tx.collection(ENROLMENTS).doc(c._id).get()
    const e = fresh as EnrolmentDoc | null
    if (!e || e.state !== 'waitlisted') continue
    await tx.collection(ENROLMENTS).doc(e._id).update({ state: 'seated', waitlistNo: null, seatedAt: now, updatedAt: now })
    await tx.collection(APPLICATIONS).doc(e.applicationId).update({ 'payload.seated': true, 'payload.waitlistNo': null, 'payload.promotedAt': now, updatedAt: now })
    await tell({
      openid: e.openid,
      title: `候补成功：${e.offerTitle}`,
      body: `有人退出，您已按候补顺序递补上“${e.offerTitle}”的名额（申请编号 ${e.caseNo}）。工作人员审核后会通知您上课安排，可以在“我的学习”里查看。`,
      target: { kind: 'application', id: e.applicationId },
      progress: { matter: `学院报名${e.caseNo}`, status: '候补成功', hint: '已为您保留名额，待审核' },
    })
    return true
  }
  return false
}

/** A `tell` for a transaction of our own: the notices written in it, to deliver once it has committed. */
export function collectingTell(rt: Runtime, tx: Transaction, into: WrittenNotice[]): Tell {
  return async (n) => void into.push(await notify(rt, tx, n))
}

/**
 * Seats left free while people wait (a promotion whose candidates all left at once, a seat count raised): the
 * hourly job hands them out in waitlist order. Each promotion is its own transaction.
 */
export async function fillFreeSeats(rt: Runtime): Promise<number> {
  const _ = rt.db.command
  const { data } = await rt.db.collection(OFFERS).where({ status: 'published', waiting: _.gt(0) }).limit(100).get()
  let promoted = 0
  for (const o of data as OfferDoc[]) {
    for (;;) {
      let notices: WrittenNotice[] = []
      const done = await inTransaction(rt.db, async (tx: Transaction) => {
        notices = []
        const { data: fresh } = await tx.collection(OFFERS).doc(o._id).get()
        const offer = fresh as OfferDoc
        if (offer.seats === null || offer.taken >= offer.seats || offer.waiting <= 0) return false
        if (!(await promoteFirst(rt, tx, offer, '', collectingTell(rt, tx, notices)))) return false
        await tx.collection(OFFERS).doc(offer._id).update({ taken: offer.taken + 1, waiting: offer.waiting - 1, updatedAt: rt.now() })
        return true
      })
      if (!done) break
      await deliver(rt, notices)
      promoted++
    }
  }
  return promoted
}
