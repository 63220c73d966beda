import type { LeaderboardInput, LeaderboardView, LedgerCheck, LedgerInput, LedgerPage, VolunteerAccountView } from '~types/volunteer.schema'
import type { Runtime } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { ENTRIES, MONTHLY, accountOf, entryView, monthOf, monthlyIdOf, starsOf, type EntryDoc, type MonthlyDoc } from './ledger'

const LEADERBOARD_ROWS = 20

/** Points and hours at a glance: the account and this month's row, two reads by id whatever the history. */
export async function myAccount(rt: Runtime, user: UserDoc): Promise<VolunteerAccountView> {
  const month = monthOf(rt.now())
  const [account, { data }] = await Promise.all([accountOf(rt.db, user._id), rt.db.collection(MONTHLY).doc(monthlyIdOf(month, user._id)).get()])
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
    accountOf(rt.db, userId),
    rt.db.collection(ENTRIES).aggregate().match({ userId }).group({ _id: null, sum: $.sum('$amount'), entries: $.sum(1) }).end(),
  ])
  const totals = (data as { sum: number; entries: number }[])[0] ?? { sum: 0, entries: 0 }
  const balance = account?.balance ?? 0
  return { balance, sum: totals.sum, entries: totals.entries, ok: balance === totals.sum && (account?.entries ?? 0) === totals.entries }
}

/** Earned points per district and month, counted: `<YYYY-MM>_<district>` → how many workers have a row (a cache). */
export const BOARDS = 'volunteer_boards'
interface BoardDoc {
  _id: string
  total: number
  countedAt: Date
}
/** How long the month's head count may be old before it is counted again: “共 N 人” need not be live to the second. */
export const BOARD_TOTAL_TTL_MS = 5 * 60 * 1000

/**
 * How many workers have points in the district's month. Counting reads every row of the month on the index
 * (O(n): ≈ 8 ms of CPU at 100,000 workers), so the count is kept for a few minutes in one document — a cache, never
 * a balance: it is recounted, not incremented. A past month's rows no longer change (rows are written for the month
 * of the entry), so its count, once made after the month ended, stands.
 */
async function monthTotal(rt: Runtime, district: string, month: string, cached: BoardDoc | undefined): Promise<number> {
  const now = rt.now()
  const settled = cached && monthOf(cached.countedAt) > month
  if (cached && (settled || now.getTime() - cached.countedAt.getTime() < BOARD_TOTAL_TTL_MS)) return cached.total
  const { total } = await rt.db.collection(MONTHLY).where({ district, month }).count()
  const { _id, ...fields } = { _id: `${month}_${district}`, total, countedAt: now } satisfies BoardDoc
  // A cache: two callers recounting at once both write the right number; losing the write costs only a recount.
  await rt.db.collection(BOARDS).doc(_id).set(fields).catch(() => undefined)
  return total
}

/**
 * The district's month by earned points only (reports handled, hours confirmed — never a refund or make-up hours):
 * the top rows and the caller's own place, which is one more than the workers with more points (ties share a rank).
 * Indexed reads: the top rows and the rank follow the page and the caller's place on the (district, month, points)
 * index, the head count comes from its cache — not from the number of workers.
 */
export async function leaderboard(rt: Runtime, user: UserDoc, input: LeaderboardInput): Promise<LeaderboardView> {
  const _ = rt.db.command
  const month = input.month ?? monthOf(rt.now())
  // The caller's own row needs only the month: read beside the account that names the district.
  const [account, mineRes] = await Promise.all([
    input.district ? null : accountOf(rt.db, user._id),
    rt.db.collection(MONTHLY).doc(monthlyIdOf(month, user._id)).get(),
  ])
  const district = input.district ?? account?.district ?? user.profile!.districtCode
  const where = { district, month }
  const mine = (mineRes.data[0] as MonthlyDoc | undefined)?.district === district ? (mineRes.data[0] as MonthlyDoc) : null
  const [top, boardRes, above] = await Promise.all([
    rt.db.collection(MONTHLY).where(where).orderBy('points', 'desc').limit(LEADERBOARD_ROWS).get(),
    rt.db.collection(BOARDS).doc(`${month}_${district}`).get(),
    mine ? rt.db.collection(MONTHLY).where({ ...where, points: _.gt(mine.points) }).count().then((r) => r.total) : 0,
  ])
  const rows = top.data as MonthlyDoc[]
  // Fewer rows than a page: they are the whole month, counted already.
  const total = rows.length < LEADERBOARD_ROWS ? rows.length : await monthTotal(rt, district, month, boardRes.data[0] as BoardDoc | undefined)
  const view: LeaderboardView['rows'] = []
  for (const [i, r] of rows.entries()) {
    const prev = view[i - 1]
    view.push({ rank: prev && prev.points === r.points ? prev.rank : i + 1, name: r.shownName, points: r.points, team: r.teamName, mine: r.userId === user._id })
  }
  // A cached head count a few minutes old may not know the caller's own new row yet.
  return { month, district, rows: view, me: mine ? { rank: above + 1, points: mine.points } : null, total: Math.max(total, mine ? above + 1 : 0, rows.length) }
}
