import type { LedgerPage } from '~types/volunteer.schema'
import type { MallView, PickupView, RedemptionView, RedemptionsPage, RewardDetail, StaffRewardView } from '~types/volunteer-mall.schema'
import { inTransaction } from '../../cloudfunctions/shared/db/transaction'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import type { UserDoc } from '../../cloudfunctions/shared/user/user.doc'
import { checkLedger } from '../../cloudfunctions/shared/volunteer/account.service'
import { post } from '../../cloudfunctions/shared/volunteer/ledger'
import { PICKUP_CODES, REDEMPTIONS, REWARDS, type RewardDoc } from '../../cloudfunctions/shared/volunteer/mall.doc'
import { expireRedemptions } from '../../cloudfunctions/shared/volunteer/mall.expiry'
import { volunteerFunction } from '../../cloudfunctions/shared/volunteer/volunteer.function'
import { tinyPng } from '../support/files'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * 积分商城 end to end through the real server: staff list a reward, a worker redeems it (one transaction: stock,
 * limit, balance, the debit sourced to the redemption, a unique code), the desk hands it over once, another
 * district's desk cannot see the code, and an unpicked redemption expires exactly once — points and stock back as
 * entries — even with two runs of the job at once. The ledger re-adds to the balance after every scenario.
 */
let clock = new Date('2026-12-10T02:00:00Z')
let s: TestServer
let staff: string
let wuxiStaff: string
beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
})
// Sessions age with the clock this file moves: sign the desks in again for each test.
beforeEach(async () => {
  staff = await s.login('demo-staff-nantong')
  wuxiStaff = await s.login('demo-staff-wuxi')
})
afterAll(() => s.close())

let seq = 0
async function worker(patch = {}): Promise<{ token: string; user: UserDoc }> {
  const openid = `mall-${++seq}`
  const token = await s.login(openid)
  await okData(s.call('user', 'saveProfile', validProfile(700 + seq, { mobile: `137${String(seq).padStart(8, '0')}`, realName: '孙立伟', ...patch }), { token }))
  return { token, user: (await findUserByOpenid(s.runtime.db, openid))! }
}

/** Points as the ledger's services credit them (a handled report's entry), never a balance edited. */
const credit = (userId: string, amount: number) =>
  inTransaction(s.runtime.db, (tx) => post(tx, userId, { amount, reason: '随手拍已处理（测试）', source: { type: 'report', id: `test-${userId}-${amount}-${Math.random()}` }, earned: true, by: 'test' }, clock))

const REWARD = {
  district: '320613', name: '雨衣（分体式）', description: '反光条，骑车不挡视线', cost: 800, stock: 5, pickupPlace: '崇川区和平桥暖心驿站（工农路 18 号）',
  pickupHours: '每天 9:00–21:00', limitPerPerson: 1, validUntil: '2027-03-31',
}
const saveReward = (input: object, token = staff) => s.call<StaffRewardView>('volunteer', 'saveReward', input, { token, requestId: `save-${Math.random()}` })
const redeem = (token: string, rewardId: string, requestId = `r-${Math.random()}`) => s.call<RedemptionView>('volunteer', 'redeem', { rewardId }, { token, requestId })
const pickup = (token: string, code: string, requestId = `p-${Math.random()}`) => s.call<PickupView>('volunteer', 'pickup', { code }, { token, requestId })
const rewardDoc = async (id: string) => (await s.runtime.db.collection(REWARDS).doc(id).get()).data[0] as RewardDoc
const expectLedgerOk = async (...users: UserDoc[]) => {
  for (const u of users) expect(await checkLedger(s.runtime, u._id)).toMatchObject({ ok: true })
}

test('create → redeem → a debit sourced to the redemption and a code → pickup valid once; another district sees nothing', async () => {
  const picture = await (await fetch(`${s.url}/api/files`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${staff}`, 'x-file-name': 'raincoat.png' }, body: tinyPng() })).json() as { data: { fileId: string } }
  const reward = await okData<StaffRewardView>(saveReward({ ...REWARD, picture: picture.data.fileId }))
  expect(reward).toMatchObject({ stock: 5, left: 5, waiting: 0, picked: 0, status: 'active', pictureId: picture.data.fileId })
  expect(reward.picture).toMatch(/^\/api\/files\//)
  // Another district's staff: the reward is not theirs to read or edit.
  expect((await s.call('volunteer', 'staffReward', { id: reward.id }, { token: wuxiStaff })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await saveReward({ ...REWARD, district: '320213' }, staff)).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { district: expect.any(String) } } })

  const { token, user } = await worker()
  await credit(user._id, 1000)
  const mall = await okData<MallView>(s.call('volunteer', 'mall', {}, { token }))
  expect(mall).toMatchObject({ balance: 1000, expiryDays: 14 })
  expect(mall.rows.find((r) => r.id === reward.id)).toMatchObject({ availability: 'open', left: 5, mayRedeem: 1, mine: 0 })
  // 梁溪's worker does not see 崇川's mall.
  const other = await s.login('demo-other')
  expect((await okData<MallView>(s.call('volunteer', 'mall', {}, { token: other }))).rows.find((r) => r.id === reward.id)).toBeUndefined()
  expect((await s.call('volunteer', 'reward', { id: reward.id }, { token: other })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  const got = await okData<RedemptionView>(redeem(token, reward.id))
  expect(got).toMatchObject({ state: 'waiting', cost: 800, rewardName: '雨衣（分体式）', pickupPlace: REWARD.pickupPlace })
  expect(got.code).toMatch(/^\d{8}$/)
  expect(new Date(got.expiresAt).getTime() - clock.getTime()).toBe(14 * 86_400_000)
  // The debit entry names the redemption; the balance is what the entries add up to.
  const ledger = await okData<LedgerPage>(s.call('volunteer', 'ledger', {}, { token }))
  expect(ledger.entries[0]).toMatchObject({ amount: -800, balanceAfter: 200, source: { type: 'redemption', id: got.id }, reason: '积分兑换：雨衣（分体式）' })
  await expectLedgerOk(user)
  expect(await rewardDoc(reward.id)).toMatchObject({ left: 4, picked: 0 })
  // The code document holds which redemption and district, not who.
  const codeDoc = (await s.runtime.db.collection(PICKUP_CODES).doc(got.code).get()).data[0] as Record<string, unknown>
  expect(Object.keys(codeDoc).sort()).toEqual(['_id', 'createdAt', 'district', 'redemptionId'])
  expect(JSON.stringify(codeDoc)).not.toContain('孙')

  // My redemptions: mine only; someone else's id is NOT_FOUND.
  expect((await okData<RedemptionsPage>(s.call('volunteer', 'redemptions', {}, { token }))).rows.map((r) => r.id)).toEqual([got.id])
  expect((await s.call('volunteer', 'redemption', { id: got.id }, { token: other })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  // Another district's desk: the code does not exist for them, to look up or to hand over.
  expect((await s.call('volunteer', 'lookupCode', { code: got.code }, { token: wuxiStaff })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await pickup(wuxiStaff, got.code)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  // A worker cannot call the desk's actions at all.
  expect((await pickup(token, got.code)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  // The desk: typed with a space, as read out; the masked name and the reward.
  const seen = await okData<PickupView>(s.call('volunteer', 'lookupCode', { code: `${got.code.slice(0, 4)} ${got.code.slice(4)}` }, { token: staff }))
  expect(seen).toMatchObject({ state: 'waiting', name: '孙**', rewardName: '雨衣（分体式）', overdue: false })
  clock = new Date(clock.getTime() + 3600_000)
  const picked = await okData<PickupView>(pickup(staff, got.code, 'pickup-once'))
  expect(picked).toMatchObject({ state: 'picked', pickedAt: clock.toISOString() })
  // The same request again (a retry) answers the same; a second confirm says when it was picked up.
  expect(await okData<PickupView>(pickup(staff, got.code, 'pickup-once'))).toMatchObject({ state: 'picked' })
  const again = await pickup(staff, got.code)
  expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已经在 2026-12-10 11:00 领取过了') } })
  expect(await rewardDoc(reward.id)).toMatchObject({ left: 4, picked: 1 })
  const { data: audit } = await s.runtime.db.collection('audit').where({ action: 'volunteer.pickup', targetId: got.id }).get()
  expect(audit).toHaveLength(1)
  expect((await okData<RedemptionView>(s.call('volunteer', 'redemption', { id: got.id }, { token }))).state).toBe('picked')
  // The staff list counts it.
  const rows = (await okData<{ rows: StaffRewardView[] }>(s.call('volunteer', 'staffRewards', {}, { token: staff }))).rows
  expect(rows.find((r) => r.id === reward.id)).toMatchObject({ stock: 5, left: 4, waiting: 0, picked: 1 })
  await expectLedgerOk(user)
})

test('the per-person limit holds; too few points is a CONFLICT that says the balance; a repeat of one request is one redemption', async () => {
  const reward = await okData<StaffRewardView>(saveReward({ ...REWARD, name: '头盔', cost: 1500, stock: 10, limitPerPerson: 2 }))
  const { token, user } = await worker()
  await credit(user._id, 1000)
  const short = await redeem(token, reward.id)
  expect(short.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '积分不够：兑换“头盔”要 1500 分，您现有 1000 分，还差 500 分' } })
  expect((await okData<RewardDetail>(s.call('volunteer', 'reward', { id: reward.id }, { token })))).toMatchObject({ availability: 'short', balance: 1000 })

  await credit(user._id, 4000)
  const first = await okData<RedemptionView>(redeem(token, reward.id, 'same-tap'))
  // The same requestId again: the first answer, nothing written twice.
  expect(await okData<RedemptionView>(redeem(token, reward.id, 'same-tap'))).toMatchObject({ id: first.id, code: first.code })
  const second = await okData<RedemptionView>(redeem(token, reward.id))
  expect(second.code).not.toBe(first.code)
  expect(second.id).not.toBe(first.id)
  const third = await redeem(token, reward.id)
  expect(third.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '“头盔”每人限兑 2 件，您已经兑换了 2 件' } })
  expect((await okData<RewardDetail>(s.call('volunteer', 'reward', { id: reward.id }, { token })))).toMatchObject({ availability: 'limitReached', mine: 2, mayRedeem: 0, balance: 2000 })
  expect(await rewardDoc(reward.id)).toMatchObject({ left: 8 })
  await expectLedgerOk(user)
})

test('editing stock can never take back what was redeemed; a withdrawn reward is gone for workers, its codes still picked up', async () => {
  const reward = await okData<StaffRewardView>(saveReward({ ...REWARD, name: '保温箱', cost: 2500, stock: 2, limitPerPerson: 1 }))
  const { token, user } = await worker()
  await credit(user._id, 3000)
  const got = await okData<RedemptionView>(redeem(token, reward.id))
  expect((await saveReward({ ...REWARD, id: reward.id, name: '保温箱', cost: 2500, stock: 0 })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { stock: '已经兑出 1 件（含待领取的），数量不能少于 1' } } })
  expect(await okData<StaffRewardView>(saveReward({ ...REWARD, id: reward.id, name: '保温箱', cost: 2500, stock: 6 }))).toMatchObject({ stock: 6, left: 5, waiting: 1 })
  expect(await okData<StaffRewardView>(s.call('volunteer', 'setRewardStatus', { id: reward.id, status: 'withdrawn' }, { token: staff, requestId: 'w1' }))).toMatchObject({ status: 'withdrawn' })
  expect((await okData<MallView>(s.call('volunteer', 'mall', {}, { token }))).rows.find((r) => r.id === reward.id)).toBeUndefined()
  const { token: t2, user: u2 } = await worker()
  await credit(u2._id, 3000)
  expect((await redeem(t2, reward.id)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await okData<PickupView>(pickup(staff, got.code))).toMatchObject({ state: 'picked' })
  const { data: audit } = await s.runtime.db.collection('audit').where({ targetId: reward.id }).get()
  expect((audit as { action: string }[]).map((a) => a.action).sort()).toEqual(['volunteer.createReward', 'volunteer.editReward', 'volunteer.withdrawReward'])
  await expectLedgerOk(user, u2)
})

test('an unpicked redemption expires once — points and stock back as entries — even when the job runs twice at once', async () => {
  const reward = await okData<StaffRewardView>(saveReward({ ...REWARD, name: '免费换电一次', cost: 300, stock: 3, limitPerPerson: 1 }))
  const w = await worker()
  let token = w.token
  const user = w.user
  await credit(user._id, 500)
  const got = await okData<RedemptionView>(redeem(token, reward.id))
  expect((await okData<MallView>(s.call('volunteer', 'mall', {}, { token }))).rows.find((r) => r.id === reward.id)).toMatchObject({ availability: 'limitReached', left: 2 })

  // Day 13: still waiting, nothing happens.
  clock = new Date(clock.getTime() + 13 * 86_400_000)
  expect(await expireRedemptions(s.runtime)).toBe(0)
  // Day 15: past its window. At the desk before the job ran: refused, it says so.
  clock = new Date(clock.getTime() + 2 * 86_400_000)
  token = await s.login(user.openid)
  staff = await s.login('demo-staff-nantong')
  expect(await okData<PickupView>(s.call('volunteer', 'lookupCode', { code: got.code }, { token: staff }))).toMatchObject({ state: 'waiting', overdue: true })
  expect((await pickup(staff, got.code)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已过期') } })

  // Every redemption of this file still waiting is due now (the 头盔 of the test above too): each expires once.
  const due = (await s.runtime.db.collection(REDEMPTIONS).where({ state: 'waiting', expiresAt: s.runtime.db.command.lte(clock) }).count()).total
  expect(due).toBeGreaterThanOrEqual(1)
  const runs = await Promise.all([expireRedemptions(s.runtime), expireRedemptions(s.runtime), volunteerFunction.scheduled!(s.runtime) as Promise<{ redemptionsExpired: number }>])
  expect(runs[0] + runs[1] + runs[2].redemptionsExpired).toBe(due)
  expect(await expireRedemptions(s.runtime)).toBe(0)

  const mine = await okData<RedemptionView>(s.call('volunteer', 'redemption', { id: got.id }, { token }))
  expect(mine).toMatchObject({ state: 'expired', expiredAt: clock.toISOString() })
  const ledger = await okData<LedgerPage>(s.call('volunteer', 'ledger', {}, { token }))
  expect(ledger.entries.filter((e) => e.source.type === 'refund')).toEqual([expect.objectContaining({ amount: 300, balanceAfter: 500, source: { type: 'refund', id: got.id } })])
  await expectLedgerOk(user)
  expect(await rewardDoc(reward.id)).toMatchObject({ left: 3, picked: 0 })
  // The limit's count came back down: the worker may redeem it again.
  expect((await okData<MallView>(s.call('volunteer', 'mall', {}, { token }))).rows.find((r) => r.id === reward.id)).toMatchObject({ availability: 'open', mine: 0, left: 3 })
  expect((await pickup(staff, got.code)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('积分已退回') } })
  // Told, in the inbox.
  const inbox = await okData<{ items: { title: string; target?: { kind: string; id: string } }[] }>(s.call('user', 'listMessages', {}, { token }))
  // It opens 我的兑换 with this redemption first.
  expect(inbox.items.find((m) => m.title === '兑换已过期，300 分已退回')?.target).toEqual({ kind: 'redemption', id: got.id })
  // Again, a new redemption with a new id (the expired one's is never rebuilt), then picked up in time.
  const again = await okData<RedemptionView>(redeem(token, reward.id))
  expect(again.id).not.toBe(got.id)
  expect(await okData<PickupView>(pickup(staff, again.code))).toMatchObject({ state: 'picked' })
  await expectLedgerOk(user)
})

test('a sold-out or ended reward says so in words', async () => {
  const reward = await okData<StaffRewardView>(saveReward({ ...REWARD, name: '矿泉水一箱', cost: 100, stock: 1, limitPerPerson: 1, validUntil: '2027-12-31' }))
  const a = await worker()
  const b = await worker()
  await credit(a.user._id, 100)
  await credit(b.user._id, 100)
  await okData(redeem(a.token, reward.id))
  expect((await redeem(b.token, reward.id)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '“矿泉水一箱”已兑完，下次上架再来' } })
  expect((await okData<MallView>(s.call('volunteer', 'mall', {}, { token: b.token }))).rows.find((r) => r.id === reward.id)).toMatchObject({ availability: 'soldOut', left: 0 })
  expect((await saveReward({ ...REWARD, validUntil: '2020-01-01' })).body).toMatchObject({ ok: false, error: { fields: { validUntil: '兑换截止日期不能早于今天' } } })
  await expectLedgerOk(a.user, b.user)
})
