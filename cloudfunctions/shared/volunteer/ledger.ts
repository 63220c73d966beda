import { STAR_HOURS } from '../../../config/volunteer'
import type { LedgerEntryView, LedgerSource, StarProgress } from '~types/volunteer.schema'
import { inZone } from '~types/time'
import { AppError } from '../core/app-error'
import type { Database, Transaction } from '../core/context'
import { maskName } from '../security/mask'
import { USERS, type UserDoc } from '../user/user.doc'

/**
 * The points ledger (../shared/DESIGN.md, "Counters that must never go wrong"). Points are append-only entries; the
 * balance is their sum, kept as a running total on the worker's account document and written in the same transaction
 * as each entry — nothing edits a balance in place. Every entry names its source record, and its `_id` is derived
 * from that source, so the database refuses a second credit for one handled report or one confirmed shift, however
 * a retry or a race gets there. `checkLedger` re-adds the entries.
 */
export const ACCOUNTS = 'volunteer_accounts'
export const ENTRIES = 'volunteer_entries'
/** Earned points per worker and month (`<YYYY-MM>_<userId>`): the district's leaderboard reads only these. */
export const MONTHLY = 'volunteer_monthly'

export interface AccountDoc {
  /** The worker's user id. */
  _id: string
  openid: string
  /** The worker's district when the account was opened: whose leaderboard counts them. */
  district: string
  /** Masked for the leaderboard (王**); the full name stays in the profile. */
  shownName: string
  balance: number
  /** How many entries there are: the last entry's `seq`. */
  entries: number
  earnedTotal: number
  minutesConfirmed: number
  minutesMakeUp: number
  teamId: string | null
  teamName: string | null
  /** Redemptions per reward, for the per-person limit (volunteer-mall). */
  redeemed: Record<string, number>
  createdAt: Date
  updatedAt: Date
}

export interface EntryDoc {
  /** `<source type>_<source id>` — one entry per source; see the header. */
  _id: string
  userId: string
  seq: number
  amount: number
  reason: string
  source: { type: LedgerSource; id: string }
  /** Earned (a report handled, hours confirmed) — what the leaderboard and star levels count; debits and refunds are not. */
  earned: boolean
  /** Who caused it: a staff member's user id, the worker's own, or `system` (an expiry). */
  by: string
  at: Date
  balanceAfter: number
}

export interface MonthlyDoc {
  _id: string
  userId: string
  district: string
  month: string
  shownName: string
  teamName: string | null
  points: number
  updatedAt: Date
}

export interface Posting {
  /** Points, + credit / − debit; never 0. */
  amount: number
  reason: string
  source: { type: LedgerSource; id: string }
  earned: boolean
  by: string
  /** Confirmed minutes that come with it (hours served), and whether they are make-up hours (补录). */
  minutes?: { confirmed?: number; makeUp?: number }
  /** Fields of the account the same step changes (a team joined, a redemption counted). */
  account?: Partial<Pick<AccountDoc, 'teamId' | 'teamName' | 'redeemed'>>
}

export const entryIdOf = (source: Posting['source']) => `${source.type}_${source.id}`
export const monthOf = (at: Date) => inZone(at).format('YYYY-MM')
export const monthlyIdOf = (month: string, userId: string) => `${month}_${userId}`

/** The worker's account, or null before their first entry — read by id, outside a transaction or inside one. */
export async function accountOf(db: Database | Transaction, userId: string): Promise<AccountDoc | null> {
  const { data } = await db.collection(ACCOUNTS).doc(userId).get()
  // The database answers a list, a transaction the document itself.
  return ((Array.isArray(data) ? data[0] : data) as AccountDoc | null | undefined) ?? null
}

/** The account as it stands inside `tx`, or a new empty one for a worker with no entries yet (not written). */
export async function accountIn(tx: Transaction, userId: string, now: Date): Promise<AccountDoc> {
  const held = await accountOf(tx, userId)
  if (held) return held
  const { data: u } = await tx.collection(USERS).doc(userId).get()
  const user = u as UserDoc | null
  if (!user?.profile) throw new AppError('NOT_FOUND', '没有找到这位志愿者')
  return {
    _id: userId, openid: user.openid, district: user.profile.districtCode, shownName: maskName(user.profile.realName),
    balance: 0, entries: 0, earnedTotal: 0, minutesConfirmed: 0, minutesMakeUp: 0, teamId: null, teamName: null, redeemed: {},
    createdAt: now, updatedAt: now,
  }
}

const accountOfWho = async (tx: Transaction, who: string | AccountDoc, now: Date) => (typeof who === 'string' ? accountIn(tx, who, now) : who)

/**
 * Writes one entry and the running balance after it, inside the caller's transaction (single-document operations
 * only, as CloudBase allows): the account by id, the entry with its source-derived id (a second one for the same
 * source fails the whole transaction), and for earned points the month's leaderboard row. A debit the balance does
 * not cover is refused with nothing written. `who` is the worker's user id, or their account as `accountIn` read it
 * in this same transaction (and nothing wrote since) — a caller that needed it first (a limit, a team) passes it
 * rather than have it read twice.
 */
export async function post(tx: Transaction, who: string | AccountDoc, p: Posting, now: Date): Promise<{ entry: EntryDoc; account: AccountDoc }> {
  if (!Number.isInteger(p.amount) || p.amount === 0) throw new AppError('INTERNAL', `ledger amount ${p.amount}`)
  const account = await accountOfWho(tx, who, now)
  const userId = account._id
  const balanceAfter = account.balance + p.amount
  if (balanceAfter < 0) throw new AppError('CONFLICT', `积分不够：需要 ${-p.amount} 分，现有 ${account.balance} 分`)
  const next: AccountDoc = {
    ...account,
    ...p.account,
    balance: balanceAfter,
    entries: account.entries + 1,
    earnedTotal: account.earnedTotal + (p.earned ? p.amount : 0),
    minutesConfirmed: account.minutesConfirmed + (p.minutes?.confirmed ?? 0),
    minutesMakeUp: account.minutesMakeUp + (p.minutes?.makeUp ?? 0),
    updatedAt: now,
  }
  const entry: EntryDoc = {
    _id: entryIdOf(p.source), userId, seq: next.entries, amount: p.amount, reason: p.reason, source: p.source,
    earned: p.earned, by: p.by, at: now, balanceAfter,
  }
  await tx.collection(ENTRIES).add(entry)
  const { _id, ...fields } = next
  await tx.collection(ACCOUNTS).doc(userId).set(fields)
  if (p.earned && p.amount > 0) {
    const month = monthOf(now)
    const id = monthlyIdOf(month, userId)
    const { data } = await tx.collection(MONTHLY).doc(id).get()
    const row = data as MonthlyDoc | null
    await tx.collection(MONTHLY).doc(id).set({
      userId, district: next.district, month, shownName: next.shownName, teamName: next.teamName,
      points: (row?.points ?? 0) + p.amount, updatedAt: now,
    } satisfies Omit<MonthlyDoc, '_id'>)
  }
  return { entry, account: next }
}

/**
 * Changes the account without an entry — no points move: a team joined, or hours confirmed that earn none (make-up
 * hours, a district that gives 0 points an hour). `who` as for `post`.
 */
export async function updateAccount(
  tx: Transaction,
  who: string | AccountDoc,
  change: { fields?: Posting['account']; minutes?: Posting['minutes'] },
  now: Date,
): Promise<AccountDoc> {
  const account = await accountOfWho(tx, who, now)
  const next: AccountDoc = {
    ...account,
    ...change.fields,
    minutesConfirmed: account.minutesConfirmed + (change.minutes?.confirmed ?? 0),
    minutesMakeUp: account.minutesMakeUp + (change.minutes?.makeUp ?? 0),
    updatedAt: now,
  }
  const { _id, ...rest } = next
  await tx.collection(ACCOUNTS).doc(_id).set(rest)
  return next
}

export function entryView(e: EntryDoc): LedgerEntryView {
  return { id: e._id, seq: e.seq, amount: e.amount, reason: e.reason, source: e.source, at: e.at.toISOString(), balanceAfter: e.balanceAfter }
}

/** Star level by confirmed minutes (make-up hours included: they are confirmed by staff). */
export function starsOf(minutes: number): StarProgress {
  const hours = minutes / 60
  const stars = STAR_HOURS.filter((h) => hours >= h).length
  const nextHours = STAR_HOURS[stars]
  return { stars, next: nextHours === undefined ? null : { hours: nextHours, minutesLeft: nextHours * 60 - minutes } }
}
