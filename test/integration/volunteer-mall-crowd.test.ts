import type { Envelope } from '~types/errors'
import type { RedemptionView, StaffRewardView } from '~types/volunteer-mall.schema'
import { inTransaction } from '../../cloudfunctions/shared/db/transaction'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import type { UserDoc } from '../../cloudfunctions/shared/user/user.doc'
import { checkLedger } from '../../cloudfunctions/shared/volunteer/account.service'
import { ENTRIES, post } from '../../cloudfunctions/shared/volunteer/ledger'
import { PICKUP_CODES, REDEMPTIONS, REWARDS, type RewardDoc } from '../../cloudfunctions/shared/volunteer/mall.doc'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The mall under a crowd, through the real server, on the engine that refuses conflicting writes as CloudBase does:
 * 200 workers with enough points redeem a reward of stock 10 at once → exactly 10 codes and 10 debits, 190 told it is
 * sold out, nobody below 0, every ledger adds up; one worker with exactly one reward's worth taps 20 times at once
 * (20 requests, as a flaky network sends them) → one code.
 */
const clock = new Date('2026-12-10T02:00:00Z')
let s: TestServer
let staff: string
beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  staff = await s.login('demo-staff-nantong')
})
afterAll(() => s.close())

const N = 200
const STOCK = 10
const COST = 800

async function workers(prefix: string, n: number, base: number): Promise<{ token: string; user: UserDoc }[]> {
  const out: { token: string; user: UserDoc }[] = []
  for (let i = 0; i < n; i++) {
    const openid = `${prefix}-${i}`
    const token = await s.login(openid)
    await okData(s.call('user', 'saveProfile', validProfile(base + i, { mobile: `138${String(base + i).padStart(8, '0')}` }), { token }))
    out.push({ token, user: (await findUserByOpenid(s.runtime.db, openid))! })
  }
  return out
}

const credit = (userId: string, amount: number) =>
  inTransaction(s.runtime.db, (tx) => post(tx, userId, { amount, reason: '志愿服务时长已确认（测试）', source: { type: 'task', id: `crowd-${userId}` }, earned: true, by: 'test' }, clock))

const saveReward = (name: string, stock: number, limitPerPerson: number) =>
  okData<StaffRewardView>(s.call('volunteer', 'saveReward', {
    district: '320613', name, cost: COST, stock, pickupPlace: '崇川区和平桥暖心驿站（工农路 18 号）', limitPerPerson, validUntil: '2027-06-30',
  }, { token: staff, requestId: `save-${name}` }))

const redeem = (token: string, rewardId: string, requestId: string) =>
  s.call<RedemptionView>('volunteer', 'redeem', { rewardId }, { token, requestId }) as Promise<{ status: number; body: Envelope<RedemptionView> }>

test('200 redeem a stock of 10 at once: exactly 10 codes and debits, 190 told 已兑完, no balance below 0', async () => {
  const reward = await saveReward('雨衣（分体式）', STOCK, 1)
  const crowd = await workers('crowd', N, 300)
  for (const w of crowd) await credit(w.user._id, 1000)

  const started = Date.now()
  const results = await Promise.all(crowd.map((w, i) => redeem(w.token, reward.id, `crowd-${i}`)))
  const ms = Date.now() - started
  const won = results.filter((r) => r.body.ok).map((r) => (r.body as { data: RedemptionView }).data)
  const lost = results.filter((r) => !r.body.ok).map((r) => (r.body as { error: { code: string; message: string } }).error)
  expect(won).toHaveLength(STOCK)
  expect(new Set(won.map((r) => r.code)).size).toBe(STOCK)
  expect(lost).toHaveLength(N - STOCK)
  for (const e of lost) expect(e).toEqual({ code: 'CONFLICT', message: '“雨衣（分体式）”已兑完，下次上架再来' })
  console.log(`mall crowd: ${N} simultaneous redemptions of a stock of ${STOCK} in ${ms} ms`)

  const { data: rw } = await s.runtime.db.collection(REWARDS).doc(reward.id).get()
  expect(rw[0] as RewardDoc).toMatchObject({ stock: STOCK, left: 0 })
  expect((await s.runtime.db.collection(REDEMPTIONS).where({ rewardId: reward.id }).count()).total).toBe(STOCK)
  expect((await s.runtime.db.collection(PICKUP_CODES).where({ redemptionId: s.runtime.db.command.in(won.map((r) => r.id)) }).count()).total).toBe(STOCK)
  expect((await s.runtime.db.collection(ENTRIES).where({ 'source.type': 'redemption', 'source.id': s.runtime.db.command.in(won.map((r) => r.id)) }).count()).total).toBe(STOCK)

  const winners = new Set(won.map((r) => r.id.split('_')[1]))
  for (const w of crowd) {
    const check = await checkLedger(s.runtime, w.user._id)
    expect(check.ok).toBe(true)
    expect(check.balance).toBe(winners.has(w.user._id) ? 1000 - COST : 1000)
  }
}, 240_000)

test('one worker with exactly one reward’s worth taps redeem 20 times at once: one code', async () => {
  const reward = await saveReward('头盔', 50, 5)
  const [w] = await workers('tapper', 1, 600)
  await credit(w.user._id, COST)
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => redeem(w.token, reward.id, `tap-${i}`)))
  const won = results.filter((r) => r.body.ok)
  expect(won).toHaveLength(1)
  for (const r of results.filter((x) => !x.body.ok)) {
    expect((r.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/积分不够|刚刚已经兑换过了/) })
  }
  expect((await s.runtime.db.collection(REDEMPTIONS).where({ rewardId: reward.id }).count()).total).toBe(1)
  const { data: rw } = await s.runtime.db.collection(REWARDS).doc(reward.id).get()
  expect((rw[0] as RewardDoc).left).toBe(49)
  expect(await checkLedger(s.runtime, w.user._id)).toMatchObject({ ok: true, balance: 0, entries: 2 })
}, 120_000)
