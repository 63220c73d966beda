import type { LeaderboardView } from '~types/volunteer.schema'
import { BOARD_TOTAL_TTL_MS, leaderboard } from '../../cloudfunctions/shared/volunteer/account.service'
import { MONTHLY, monthlyIdOf, type MonthlyDoc } from '../../cloudfunctions/shared/volunteer/ledger'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { validProfile } from '../support/profiles'
import { okData } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The monthly leaderboard beyond one page: the top 20 of many, the caller's own rank counted on the index, the
 * month's head count from a cache that is recounted after a few minutes — and a past month's, once the month is
 * over, kept as it is.
 */
let clock = new Date('2026-12-10T02:00:00Z')
let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ seed: false, now: () => clock })
})
afterAll(() => s.close())

const DISTRICT = '320281'
const rows = (month: string, from: number, n: number): MonthlyDoc[] =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k
    return { _id: monthlyIdOf(month, `lb-${i}`), userId: `lb-${i}`, district: DISTRICT, month, shownName: '陈*', teamName: i % 2 ? '江阴骑手队' : null, points: 1000 - i * 10, updatedAt: clock }
  })

test('top 20 of 30, the caller 25th in words and numbers, the head count cached for a few minutes, then recounted', async () => {
  const token = await s.login('lb-me')
  await okData(s.call('user', 'saveProfile', validProfile(990, { districtCode: DISTRICT, mobile: '13900009990' }), { token, requestId: 'lb' }))
  const me = (await findUserByOpenid(s.runtime.db, 'lb-me'))!
  await s.runtime.db.collection(MONTHLY).add(rows('2026-12', 0, 30))
  // The caller's own row: 25th (24 workers have more than 765 points).
  await s.runtime.db.collection(MONTHLY).doc(monthlyIdOf('2026-12', me._id)).set({ userId: me._id, district: DISTRICT, month: '2026-12', shownName: '测**', teamName: null, points: 765, updatedAt: clock })
  const board = await okData<LeaderboardView>(s.call('volunteer', 'leaderboard', {}, { token }))
  expect(board.rows).toHaveLength(20)
  expect(board.rows[0]).toEqual({ rank: 1, name: '陈*', points: 1000, team: null, mine: false })
  expect(board.rows.some((r) => r.mine)).toBe(false)
  expect(board.me).toEqual({ rank: 25, points: 765 })
  expect(board.total).toBe(31)

  // Ten more workers earn points: the head count is a few minutes behind, never behind the caller's own rank.
  await s.runtime.db.collection(MONTHLY).add(rows('2026-12', 30, 10))
  expect((await leaderboard(s.runtime, me, {})).total).toBe(31)
  clock = new Date(clock.getTime() + BOARD_TOTAL_TTL_MS + 1000)
  expect((await leaderboard(s.runtime, me, {})).total).toBe(41)
})

test("a past month: the caller's place that month; its count, made after the month ended, stands; an empty month is empty", async () => {
  const me = (await findUserByOpenid(s.runtime.db, 'lb-me'))!
  await s.runtime.db.collection(MONTHLY).add(rows('2026-11', 0, 25))
  const nov = await leaderboard(s.runtime, me, { month: '2026-11' })
  expect(nov).toMatchObject({ month: '2026-11', district: DISTRICT, total: 25, me: null })
  expect(nov.rows.map((r) => r.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  clock = new Date(clock.getTime() + 3 * BOARD_TOTAL_TTL_MS)
  await s.runtime.db.collection(MONTHLY).add(rows('2026-11', 25, 1)) // cannot happen (rows are written for the month of the entry): shows the count is kept
  expect((await leaderboard(s.runtime, me, { month: '2026-11' })).total).toBe(25)
  expect(await leaderboard(s.runtime, me, { month: '2026-06' })).toEqual({ month: '2026-06', district: DISTRICT, rows: [], me: null, total: 0 })
})
