/**
 * 志愿服务积分 (issue #10), in-process on the embedded engine:
 * - a worker with 100,000 ledger entries against one with 100: the balance (myAccount), the ledger's first page and
 *   a deep one — whose cost must not follow the length of the history (goal: the two within 2×);
 * - checkLedger, which re-adds every entry and so is O(n) by nature (reported, no goal);
 * - the monthly leaderboard of a district with 100,000 workers: top 20 and the caller's own rank, p50/p95 (goal p95 ≤ 50 ms).
 * Set-up writes the documents in bulk through the engine, shaped exactly as `post` writes them (running balance,
 * sequence, source-derived ids, the month's row), then the last entries go through `post` itself and checkLedger must
 * agree. BENCH_VOLUNTEER_RUNS (default 200), BENCH_VOLUNTEER_SIZE (default 100000).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Runtime } from '../cloudfunctions/shared/core/context'
import { inTransaction } from '../cloudfunctions/shared/db/transaction'
import type { UserDoc } from '../cloudfunctions/shared/user/user.doc'
import { checkLedger, leaderboard, myAccount, myLedger } from '../cloudfunctions/shared/volunteer/account.service'
import { ACCOUNTS, ENTRIES, MONTHLY, entryIdOf, monthOf, monthlyIdOf, post, type AccountDoc, type EntryDoc, type MonthlyDoc } from '../cloudfunctions/shared/volunteer/ledger'
import { openLocalRuntime } from '../server/local-runtime'
import { pct } from './lib/percentile'

const RUNS = Number(process.env.BENCH_VOLUNTEER_RUNS ?? 200)
const SIZE = Number(process.env.BENCH_VOLUNTEER_SIZE ?? 100_000)
const DISTRICT = '320613'
const BATCH = 1000


const userOf = (id: string, district = DISTRICT) =>
  ({ _id: id, openid: `o-${id}`, createdAt: new Date(), updatedAt: new Date(), consents: [], roles: { admin: false, staff: [] }, profile: { realName: '测试', districtCode: district } }) as unknown as UserDoc

/**
 * `n` entries for one worker as `post` would have written them one by one: mostly credits (reports handled, hours),
 * a debit now and then when the balance covers it; seq 1…n, each with the balance after it; the account doc last.
 */
async function history(rt: Runtime, userId: string, n: number, now: Date): Promise<void> {
  let balance = 0
  let earned = 0
  for (let start = 0; start < n; start += BATCH) {
    const docs: EntryDoc[] = []
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const debit = i % 10 === 9 && balance >= 30
      const amount = debit ? -30 : 10 + (i % 5) * 10
      balance += amount
      if (!debit) earned += amount
      const source = { type: debit ? 'redemption' : i % 3 ? 'report' : 'task', id: `${userId}-${i}` } as const
      docs.push({ _id: entryIdOf(source), userId, seq: i + 1, amount, reason: debit ? '兑换：矿泉水一箱' : '随手拍已处理：占道施工无警示（安全隐患）', source, earned: !debit, by: 'staff-1', at: new Date(now.getTime() - (n - i) * 60_000), balanceAfter: balance })
    }
    await rt.db.collection(ENTRIES).add(docs)
  }
  const account: Omit<AccountDoc, '_id'> = {
    openid: `o-${userId}`, district: DISTRICT, shownName: '测*', balance, entries: n, earnedTotal: earned, minutesConfirmed: n * 30, minutesMakeUp: 0,
    teamId: null, teamName: null, redeemed: {}, createdAt: now, updatedAt: now,
  }
  await rt.db.collection(ACCOUNTS).doc(userId).set(account)
}

/** `n` workers' rows for `month` in the district, points spread 1…3000 (ties included). */
async function board(rt: Runtime, month: string, n: number, now: Date): Promise<void> {
  for (let start = 0; start < n; start += BATCH) {
    const docs: MonthlyDoc[] = []
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const userId = `board-${i}`
      docs.push({ _id: monthlyIdOf(month, userId), userId, district: DISTRICT, month, shownName: '王*', teamName: i % 4 ? `崇川骑手队 ${i % 34}` : null, points: 1 + ((i * 7919) % 3000), updatedAt: now })
    }
    await rt.db.collection(MONTHLY).add(docs)
  }
}

/**
 * Wall-clock p50/p95, and the process's CPU time per call: on a machine shared with other work the wall clock
 * includes waiting for a core, the CPU time does not (both are printed; the goal is on the wall clock).
 */
async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ p50: number; p95: number; cpu: number; last: T }> {
  const times: number[] = []
  let last!: T
  const cpu0 = process.cpuUsage()
  for (let r = 0; r < runs; r++) {
    const t = performance.now()
    last = await fn()
    times.push(performance.now() - t)
  }
  const cpu = process.cpuUsage(cpu0)
  return { p50: pct(times, 0.5), p95: pct(times, 0.95), cpu: (cpu.user + cpu.system) / 1000 / runs, last }
}

const ms = (n: number) => `${n.toFixed(2)} ms`

void (async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'))
  const { runtime: rt, close } = openLocalRuntime({ dataDir, log: () => undefined })
  try {
    const now = rt.now()
    const month = monthOf(now)
    let t = performance.now()
    await history(rt, 'big', SIZE, now)
    await history(rt, 'small', 100, now)
    await board(rt, month, SIZE, now)
    // Last month too, so the board must pick its month out of twice the rows.
    await board(rt, monthOf(new Date(now.getTime() - 32 * 864e5)), SIZE, now)
    // The newest entries through `post` itself, after the bulk ones: the running balance carries on.
    for (const who of ['big', 'small']) {
      for (let i = 0; i < 5; i++) await inTransaction(rt.db, (tx) => post(tx, who, { amount: 10, reason: '随手拍已处理：井盖缺失（安全隐患）', source: { type: 'report', id: `${who}-post-${i}` }, earned: true, by: 'staff-1' }, now))
    }
    console.log(`volunteer bench (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine's cores) set-up: ${SIZE.toLocaleString('en')} + 100 entries, ${(2 * SIZE).toLocaleString('en')} leaderboard rows in ${((performance.now() - t) / 1000).toFixed(1)} s`)

    const big = userOf('big')
    const small = userOf('small')
    const rows: [string, string, string, string][] = []
    const pair = async (what: string, fn: (u: UserDoc) => Promise<unknown>, runs = RUNS) => {
      const a = await time(runs, () => fn(small))
      const b = await time(runs, () => fn(big))
      const ratio = b.p95 / a.p95
      rows.push([what, `${ms(a.p50)} / ${ms(a.p95)} (cpu ${ms(a.cpu)})`, `${ms(b.p50)} / ${ms(b.p95)} (cpu ${ms(b.cpu)})`, `${ratio.toFixed(2)}× ${ratio <= 2 ? '✓' : '✗'} ≤ 2×`])
    }
    await pair('myAccount (balance, month, hours)', (u) => myAccount(rt, u))
    await pair('myLedger first page (20)', (u) => myLedger(rt, u, {}))
    await pair('myLedger deep page (before seq 60)', (u) => myLedger(rt, u, { before: 60 }))
    await pair('myLedger middle page (before half)', (u) => myLedger(rt, u, { before: u._id === 'big' ? SIZE / 2 : 50 }))
    const checkSmall = await time(20, () => checkLedger(rt, 'small'))
    const checkBig = await time(5, () => checkLedger(rt, 'big'))
    if (!checkBig.last.ok || !checkSmall.last.ok) throw new Error(`ledger check failed: ${JSON.stringify([checkSmall.last, checkBig.last])}`)
    rows.push(['checkLedger (re-adds every entry: O(n))', `${ms(checkSmall.p50)} / ${ms(checkSmall.p95)} (cpu ${ms(checkSmall.cpu)})`, `${ms(checkBig.p50)} / ${ms(checkBig.p95)} (cpu ${ms(checkBig.cpu)})`, `${checkBig.last.entries.toLocaleString('en')} entries, sum = balance ✓`])

    console.log('\nvolunteer ledger: p50 / p95, a worker with 100 entries vs one with ' + SIZE.toLocaleString('en'))
    console.table(Object.fromEntries(rows.map(([what, a, b, r]) => [what, { '100 entries': a, [`${SIZE.toLocaleString('en')} entries`]: b, 'ratio p95': r }])))

    // A worker in the middle of the board (their own rank needs one more count), and one with no points this month.
    const middle = userOf(`board-${Math.floor(SIZE / 2)}`)
    const outside = userOf('nobody')
    const ranked = await time(RUNS, () => leaderboard(rt, middle, {}))
    const unranked = await time(RUNS, () => leaderboard(rt, outside, {}))
    const past = await time(RUNS, () => leaderboard(rt, middle, { month: monthOf(new Date(now.getTime() - 32 * 864e5)) }))
    const goal = (p95: number) => (p95 <= 50 ? '✓' : '✗')
    console.log(`\nvolunteer leaderboard, ${SIZE.toLocaleString('en')} workers in the district's month (${ranked.last.total.toLocaleString('en')} counted):`)
    console.table({
      'caller ranked (top 20 + own rank)': { p50: ms(ranked.p50), p95: ms(ranked.p95), 'cpu/call': ms(ranked.cpu), goal: `${goal(ranked.p95)} ≤ 50 ms`, answer: `rank ${ranked.last.me?.rank} of ${ranked.last.total}, top ${ranked.last.rows[0]?.points} pts` },
      'caller without points': { p50: ms(unranked.p50), p95: ms(unranked.p95), 'cpu/call': ms(unranked.cpu), goal: `${goal(unranked.p95)} ≤ 50 ms`, answer: `me: ${unranked.last.me}` },
      'a past month': { p50: ms(past.p50), p95: ms(past.p95), 'cpu/call': ms(past.cpu), goal: `${goal(past.p95)} ≤ 50 ms`, answer: `rank ${past.last.me?.rank}` },
    })
  } finally {
    close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})()
