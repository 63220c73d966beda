import type { Transaction } from '../core/context'

/**
 * The yearly cap on make-up hours (补录, the district's `makeUpMinutesPerYear`): one counter per worker and calendar
 * year, `<userId>_<year>`, holding the minutes waiting for a decision and those approved. A claim reserves its minutes
 * in its own transaction; the decision settles them in the step's (volunteerHours kind) — approved keeps what staff
 * confirmed, a rejection, withdrawal or expiry gives the reservation back. Never a query: read and written by id.
 */
export const MAKEUP_YEARS = 'volunteer_makeup_years'

export interface MakeUpYearDoc {
  _id: string
  userId: string
  year: number
  pendingMinutes: number
  approvedMinutes: number
  updatedAt: Date
}

export const makeUpYearIdOf = (userId: string, year: number) => `${userId}_${year}`

export async function makeUpYearIn(tx: Transaction, userId: string, year: number): Promise<MakeUpYearDoc> {
  const id = makeUpYearIdOf(userId, year)
  const { data } = await tx.collection(MAKEUP_YEARS).doc(id).get()
  return (data as MakeUpYearDoc | null) ?? { _id: id, userId, year, pendingMinutes: 0, approvedMinutes: 0, updatedAt: new Date(0) }
}

/**
 * Moves minutes between pending and approved (negative to release); never below zero. `y` is the year as
 * `makeUpYearIn` read it in this transaction: a claim reads it first to check the cap, so it is not read twice.
 */
export async function settleMakeUp(tx: Transaction, y: MakeUpYearDoc, change: { pending: number; approved: number }, now: Date): Promise<MakeUpYearDoc> {
  const next: MakeUpYearDoc = {
    ...y,
    pendingMinutes: Math.max(0, y.pendingMinutes + change.pending),
    approvedMinutes: Math.max(0, y.approvedMinutes + change.approved),
    updatedAt: now,
  }
  const { _id, ...fields } = next
  await tx.collection(MAKEUP_YEARS).doc(_id).set(fields)
  return next
}
