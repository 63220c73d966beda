import { checkLedger, leaderboard, myAccount, myLedger } from '../../cloudfunctions/shared/volunteer/account.service'
import { ENTRIES, post, type EntryDoc } from '../../cloudfunctions/shared/volunteer/ledger'
import { inTransaction } from '../../cloudfunctions/shared/db/transaction'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import type { UserDoc } from '../../cloudfunctions/shared/user/user.doc'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The points ledger under a crowd, on the embedded engine that refuses conflicting writes as CloudBase does: the
 * balance is always the sum of the entries, never negative, one entry per source, sequence numbers without gaps.
 */
const clock = new Date('2026-12-10T02:00:00Z')
let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ seed: false, now: () => clock })
})
afterAll(() => s.close())

async function worker(openid: string, seq: number, patch = {}): Promise<UserDoc> {
  const token = await s.login(openid)
  await okData(s.call('user', 'saveProfile', validProfile(seq, { mobile: `136${String(seq).padStart(8, '0')}`, ...patch }), { token }))
  return (await findUserByOpenid(s.runtime.db, openid))!
}

const credit = (userId: string, id: string, amount: number, earned = true) =>
  inTransaction(s.runtime.db, (tx) => post(tx, userId, { amount, reason: `测试 ${id}`, source: { type: earned ? 'report' : 'redemption', id }, earned, by: 'test' }, clock), { budgetMs: 30_000 })

test('300 credits and debits at once on one account: balance = sum of entries, never negative, seq 1…n', async () => {
  const u = await worker('ledger-crowd', 901)
  await credit(u._id, 'seed', 100)
  // 200 credits of 10 and 100 debits of 25 race: whichever debits find the balance short are refused whole.
  const calls = [
    ...Array.from({ length: 200 }, (_, i) => credit(u._id, `c${i}`, 10)),
    ...Array.from({ length: 100 }, (_, i) => credit(u._id, `d${i}`, -25, false)),
  ].sort(() => Math.random() - 0.5)
  const results = await Promise.allSettled(calls)
  const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
  for (const r of refused) expect(String(r.reason.message)).toMatch(/积分不够/)
  const check = await checkLedger(s.runtime, u._id)
  expect(check.ok).toBe(true)
  expect(check.entries).toBe(301 - refused.length)
  expect(check.balance).toBe(100 + 200 * 10 - 25 * (100 - refused.length))
  const { data } = await s.runtime.db.collection(ENTRIES).where({ userId: u._id }).orderBy('seq', 'asc').limit(1000).get()
  const entries = data as EntryDoc[]
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1))
  let running = 0
  for (const e of entries) {
    running += e.amount
    expect(e.balanceAfter).toBe(running)
    expect(e.balanceAfter).toBeGreaterThanOrEqual(0)
  }
}, 120_000)

test('one entry per source: a second credit for the same report is refused, nothing changes', async () => {
  const u = await worker('ledger-once', 902)
  await credit(u._id, 'report-1', 50)
  await expect(credit(u._id, 'report-1', 50)).rejects.toThrow()
  await expect(Promise.all(Array.from({ length: 20 }, () => credit(u._id, 'report-2', 10)))).rejects.toThrow()
  const check = await checkLedger(s.runtime, u._id)
  expect(check).toEqual({ balance: 60, sum: 60, entries: 2, ok: true })
  expect((await myAccount(s.runtime, u)).balance).toBe(60)
})

test('a debit the balance does not cover is refused with nothing written', async () => {
  const u = await worker('ledger-short', 903)
  await credit(u._id, 'r', 30)
  await expect(credit(u._id, 'x', -31, false)).rejects.toThrow(/积分不够：需要 31 分，现有 30 分/)
  expect(await checkLedger(s.runtime, u._id)).toEqual({ balance: 30, sum: 30, entries: 1, ok: true })
})

test('the ledger pages newest first by sequence; every entry names its reason and source', async () => {
  const u = await worker('ledger-pages', 904)
  for (let i = 1; i <= 45; i++) await credit(u._id, `p${i}`, i)
  const first = await myLedger(s.runtime, u, { limit: 20 })
  expect(first.entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 45 - i))
  expect(first.entries[0]).toMatchObject({ amount: 45, reason: '测试 p45', source: { type: 'report', id: 'p45' }, balanceAfter: (45 * 46) / 2 })
  const second = await myLedger(s.runtime, u, { limit: 20, before: first.next! })
  const third = await myLedger(s.runtime, u, { limit: 20, before: second.next! })
  expect(third.entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1])
  expect(third.next).toBeNull()
  // Another worker reads only their own entries.
  const other = await worker('ledger-other', 905)
  expect((await myLedger(s.runtime, other, {})).entries).toEqual([])
})

test("the month's leaderboard counts earned points only; ties share a rank; the caller's own place", async () => {
  const people = await Promise.all(['甲', '乙', '丙', '丁'].map((n, i) => worker(`board-${i}`, 910 + i, { realName: `王${n}`, districtCode: '320214' })))
  await credit(people[0]._id, 'b0', 30)
  await credit(people[1]._id, 'b1', 50)
  await credit(people[2]._id, 'b2', 30)
  await credit(people[3]._id, 'b3', 500, false) // a refund is not earned: not on the board
  const board = await leaderboard(s.runtime, people[2], {})
  expect(board.month).toBe('2026-12')
  // Equal points: the order within a rank is not promised.
  const rows = board.rows.map((r) => [r.rank, r.points, r.name, r.mine]).sort((a, b) => (a[0] as number) - (b[0] as number) || Number(a[3]) - Number(b[3]))
  expect(rows).toEqual([
    [1, 50, '王*', false],
    [2, 30, '王*', false],
    [2, 30, '王*', true],
  ])
  expect(board.me).toEqual({ rank: 2, points: 30 })
  expect(board.total).toBe(3)
  expect((await leaderboard(s.runtime, people[3], {})).me).toBeNull()
})
