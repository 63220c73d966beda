import type { LeaderboardInput, LeaderboardView, LedgerCheck, LedgerInput, LedgerPage, VolunteerAccountView } from '~types/volunteer.schema'
import type { Runtime } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { ACCOUNTS, ENTRIES, MONTHLY, entryView, monthOf, monthlyIdOf, starsOf, type AccountDoc, type EntryDoc, type MonthlyDoc } from './ledger'

const LEADERBOARD_ROWS = 20

async function accountOf(rt: Runtime, userId: string): Promise<AccountDoc | null> {
  const { data } = await rt.db.collection(ACCOUNTS).doc(userId).get()
  return (data[0] as AccountDoc | undefined) ?? null
}

/** Points and hours at a glance: the account and this month's row, two reads by id whatever the history. */
export async function myAccount(rt: Runtime, user: UserDoc): Promise<VolunteerAccountView> {
  const month = monthOf(rt.now())
  const [account, { data }] = await Promise.all([accountOf(rt, user._id), rt.db.collection(MONTHLY).doc(monthlyIdOf(month, user._id)).get()])
  const row = data[0] as MonthlyDoc | undefined
  const minutesConfirmed = account?.minutesConfirmed ?? 0
  const minutesMakeUp = account?.minutesMakeUp ?? 0
  return {
    balance: account?.balance ?? 0,
    month,
    monthPoints: row?.points ?? 0,
    earnedTotal: account?.earnedTotal ?? 0,
    minutesConfirmed,
    minutesMakeUp,
    stars: starsOf(minutesConfirmed + minutesMakeUp),
    team: account?.teamId ? { id: account.teamId, name: account.teamName ?? '' } : null,
    district: account?.district ?? user.profile!.districtCode,
  }
}

/**
 * A page of the caller's own entries, newest first, by sequence number on the (userId, seq) index: the cost follows
 * the page, not the length of the history.
 */
export async function myLedger(rt: Runtime, user: UserDoc, input: LedgerInput): Promise<LedgerPage> {
  const _ = rt.db.command
  const limit = input.limit ?? 20
  const { data } = await rt.db
    .collection(ENTRIES)
    .where({ userId: user._id, seq: input.before ? _.lt(input.before) : _.gt(0) })
    .orderBy('seq', 'desc')
    .limit(limit)
    .get()
  const entries = (data as EntryDoc[]).map(entryView)
  const last = entries[entries.length - 1]
  return { entries, next: entries.length === limit && last && last.seq > 1 ? last.seq : null }
}

/** Re-adds the caller's entries and compares the sum with the running balance (an aggregation on the server). */
export async function checkLedger(rt: Runtime, userId: string): Promise<LedgerCheck> {
  const $ = rt.db.command.aggregate
  const [account, { data }] = await Promise.all([
    accountOf(rt, userId),
    rt.db.collection(ENTRIES).aggregate().match({ userId }).group({ _id: null, sum: $.sum('$amount'), entries: $.sum(1) }).end(),
  ])
  const totals = (data as { sum: number; entries: number }[])[0] ?? { sum: 0, entries: 0 }
  const balance = account?.balance ?? 0
  return { balance, sum: totals.sum, entries: totals.entries, ok: balance === totals.sum && (account?.entries ?? 0) === totals.entries }
}

/**
 * The district's month by earned points only (reports handled, hours confirmed — never a refund or make-up hours):
 * the top rows and the caller's own place, which is one more than the workers with more points (ties share a rank).
 * Four indexed reads whatever the number of workers.
 */
export async function leaderboard(rt: Runtime, user: UserDoc, input: LeaderboardInput): Promise<LeaderboardView> {
  const _ = rt.db.command
  const month = input.month ?? monthOf(rt.now())
  const account = input.district ? null : await accountOf(rt, user._id)
  const district = input.district ?? account?.district ?? user.profile!.districtCode
  const where = { district, month }
  const [top, mineRes, totalRes] = await Promise.all([
    rt.db.collection(MONTHLY).where(where).orderBy('points', 'desc').limit(LEADERBOARD_ROWS).get(),
    rt.db.collection(MONTHLY).doc(monthlyIdOf(month, user._id)).get(),
    rt.db.collection(MONTHLY).where(where).count(),
  ])
  const mine = (mineRes.data[0] as MonthlyDoc | undefined)?.district === district ? (mineRes.data[0] as MonthlyDoc) : null
  const above = mine ? (await rt.db.collection(MONTHLY).where({ ...where, points: _.gt(mine.points) }).count()).total : 0
  const rows: LeaderboardView['rows'] = []
  for (const [i, r] of (top.data as MonthlyDoc[]).entries()) {
    const prev = rows[i - 1]
    rows.push({ rank: prev && prev.points === r.points ? prev.rank : i + 1, name: r.shownName, points: r.points, team: r.teamName, mine: r.userId === user._id })
  }
  return { month, district, rows, me: mine ? { rank: above + 1, points: mine.points } : null, total: totalRes.total }
}
