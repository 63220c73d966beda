import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { CoverageView, InsuranceFigures, PaymentView, PolicyView, SchemeInput, SchemeView } from '~types/insurance.schema'
import { paymentSucceeded, remindRenewals } from '../../cloudfunctions/shared/insurance/payment.service'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { approve as approveDirect } from '../../cloudfunctions/shared/workflow/review.service'
import { DEFAULT_SCHEMES } from '../../config/insurance'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * 职业伤害保障, first part: the schemes are configuration with versions from a date (audited), and "am I covered?"
 * reads them against the profile — occupation, platform and district — in plain words.
 */
let clock = new Date('2026-12-01T02:00:00Z')
let s: TestServer
const t: Record<string, string> = {}
const WHO = ['demo-ridehail', 'demo-courier', 'demo-admin', 'demo-staff-nantong', 'cs-driver', 'cs-rider', 'cs-staff']

async function at(iso: string) {
  clock = new Date(iso)
  for (const who of WHO) t[who] = await s.login(who)
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  await at(clock.toISOString())
  // A ride-hailing driver on a listed platform and a rider on an unlisted one, both registered in 常熟 (苏州).
  await okData(s.call('user', 'saveProfile', validProfile(900, { realName: '陆常熟', occupation: '网约车司机', platform: '曹操出行', districtCode: '320581', mobile: '13700009000' }), { token: t['cs-driver'] }))
  await okData(s.call('user', 'saveProfile', validProfile(901, { realName: '沈骑手', occupation: '外卖配送员', platform: '本地跑腿平台', districtCode: '320581', mobile: '13700009001' }), { token: t['cs-rider'] }))
  // 常熟's insurance staff, granted by the admin.
  await okData(s.call('user', 'saveProfile', validProfile(902, { realName: '钱经办', occupation: '其他', platform: '常熟市人社局', districtCode: '320581', mobile: '13700009002' }), { token: t['cs-staff'] }))
  const [candidate] = await okData<{ id: string }[]>(s.call('user', 'findUsers', { query: '钱经办' }, { token: t['demo-admin'] }))
  await okData(s.call('user', 'grantStaff', { userId: candidate.id, districtCode: '320581', services: ['insurance'] }, { token: t['demo-admin'], requestId: 'grant-cs' }))
})
afterAll(() => s.close())

const coverage = (who: string) => okData<CoverageView>(s.call('insurance', 'coverage', {}, { token: t[who] }))
const stateOf = (c: CoverageView, key: string) => c.items.find((i) => i.schemeId.startsWith(`${key}@`))!

test('am I covered: the pilot by platform, occupation and city; the commercial scheme by where one is registered', async () => {
  const driver = await coverage('cs-driver')
  expect(driver.basis).toEqual({ occupation: '网约车司机', platform: '曹操出行', regionLabel: '苏州市 常熟市' })
  expect(stateOf(driver, 'jiangsu-pilot')).toMatchObject({ state: 'coveredByPlatform', cost: '不用您交钱，平台按单缴费', headline: expect.stringContaining('曹操出行') })
  expect(stateOf(driver, 'changshu-commercial')).toMatchObject({ state: 'canEnrol', cost: '每年 360 元', cap: '每人每年最高赔付 400,000 元' })
  // What applies comes first.
  expect(driver.items[0].state).toBe('coveredByPlatform')

  const rider = await coverage('cs-rider')
  expect(stateOf(rider, 'jiangsu-pilot')).toMatchObject({ state: 'platformNotListed', headline: expect.stringContaining('本地跑腿平台') })

  // 南京江宁, T3出行: not a listed platform; and no commercial scheme outside 常熟.
  const nanjing = await coverage('demo-ridehail')
  expect(stateOf(nanjing, 'jiangsu-pilot').state).toBe('platformNotListed')
  expect(stateOf(nanjing, 'changshu-commercial')).toMatchObject({ state: 'notInRegion', headline: expect.stringContaining('苏州市 常熟市') })
  // A courier: the pilot's occupations do not include express delivery.
  expect(stateOf(await coverage('demo-courier'), 'jiangsu-pilot').state).toBe('notForOccupation')
})

/** 陆常熟's policy number (the demo seed has issued one before it). */
let csNumber = ''
const BENEFICIARY = { name: '陆小梅', relation: 'spouse', mobile: '137 0000 9009' }
const DECLARED = { noWorkInjuryInsurance: true, registeredHere: true }

test('enrol → staff approve → pay (sandbox) → one policy whatever the callbacks; renewal reminder once; expiry', async () => {
  const enrol = (who: string, data: object) => s.call<ApplicationView>('insurance', 'enrol', data, { token: t[who] })
  expect((await enrol('cs-driver', { schemeKey: 'changshu-commercial', declaration: { ...DECLARED, noWorkInjuryInsurance: false }, beneficiary: BENEFICIARY })).body).toMatchObject({ ok: false, error: { fields: { 'declaration.noWorkInjuryInsurance': expect.stringContaining('工伤保险') } } })
  expect((await enrol('cs-driver', { schemeKey: 'jiangsu-pilot', declaration: DECLARED, beneficiary: BENEFICIARY })).body).toMatchObject({ ok: false, error: { fields: { schemeKey: expect.any(String) } } })
  expect((await enrol('demo-ridehail', { schemeKey: 'changshu-commercial', declaration: DECLARED, beneficiary: BENEFICIARY })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('常熟') } })
  const filed = await okData<ApplicationView>(enrol('cs-driver', { schemeKey: 'changshu-commercial', declaration: DECLARED, beneficiary: BENEFICIARY }))
  expect(filed).toMatchObject({ kind: 'insuranceEnrolment', caseNo: expect.stringMatching(/^CB-/), payload: { premiumFen: 36_000, beneficiary: { mobile: '13700009009' } } })
  // A second tap with another request id: one enrolment.
  expect((await enrol('cs-driver', { schemeKey: 'changshu-commercial', declaration: DECLARED, beneficiary: BENEFICIARY })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  // Not payable before approval; another district's staff cannot see it.
  expect((await s.call('insurance', 'pay', { applicationId: filed.id }, { token: t['cs-driver'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await s.call('application', 'detail', { id: filed.id }, { token: t['demo-staff-nantong'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  let seen = await okData<ReviewView>(s.call('application', 'startReview', { id: filed.id, version: 1 }, { token: t['cs-staff'] }))
  seen = await okData<ReviewView>(s.call('application', 'approve', { id: filed.id, version: seen.version, details: {} }, { token: t['cs-staff'] }))
  const payment = await okData<PaymentView>(s.call('insurance', 'pay', { applicationId: filed.id }, { token: t['cs-driver'] }))
  expect(payment).toMatchObject({ sandbox: true, amountFen: 36_000, state: 'unpaid', policyId: null })
  // Someone else cannot pay or read it.
  expect((await s.call('insurance', 'pay', { applicationId: filed.id }, { token: t['cs-rider'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  // The wrong amount is refused; 20 callbacks at once issue one policy.
  await expect(paymentSucceeded(s.runtime, { orderId: filed.id, transactionId: 'T-1', amountFen: 100 })).rejects.toMatchObject({ code: 'CONFLICT' })
  const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => paymentSucceeded(s.runtime, { orderId: filed.id, transactionId: `T-${i}`, amountFen: 36_000 })))
  expect(new Set(ids)).toEqual(new Set([filed.id]))
  const paidAgain = await okData<PaymentView>(s.call('insurance', 'sandboxPaid', { orderId: filed.id }, { token: t['cs-driver'] }))
  expect(paidAgain).toMatchObject({ state: 'paid', policyId: filed.id })
  const { total } = await s.runtime.db.collection('insurance_policies').where({ userId: (await s.runtime.db.collection('insurance_orders').doc(filed.id).get()).data[0].userId }).count()
  expect(total).toBe(1)

  let [policy] = await okData<PolicyView[]>(s.call('insurance', 'policies', {}, { token: t['cs-driver'] }))
  // From the next day 00:00 in Shanghai (2026-12-02 00:00 = 12-01 16:00 UTC), for a year.
  csNumber = policy.number
  expect(policy).toMatchObject({ number: expect.stringMatching(/^ZS-2026-\d{6}$/), state: 'upcoming', startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2027-12-01T16:00:00.000Z', premiumFen: 36_000, annualCapFen: 40_000_000, capLeftFen: 40_000_000 })
  const inbox = await okData<{ items: { title: string }[] }>(s.call('user', 'listMessages', {}, { token: t['cs-driver'] }))
  expect(inbox.items[0].title).toBe(`保单已出：${csNumber}`)
  // With a policy in force, no second enrolment — until the renewal window.
  expect((await enrol('cs-driver', { schemeKey: 'changshu-commercial', declaration: DECLARED, beneficiary: BENEFICIARY })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('续保') } })

  await at('2027-11-05T02:00:00Z')
  ;[policy] = await okData<PolicyView[]>(s.call('insurance', 'policies', {}, { token: t['cs-driver'] }))
  expect(policy).toMatchObject({ state: 'active', daysLeft: 27 })
  expect(await remindRenewals(s.runtime)).toBe(1)
  expect(await remindRenewals(s.runtime)).toBe(0)
  const renew = await okData<ApplicationView>(enrol('cs-driver', { schemeKey: 'changshu-commercial', declaration: DECLARED, beneficiary: BENEFICIARY }))
  expect(renew.kind).toBe('insuranceEnrolment')
  // Renewed and paid 27 days early: the new year starts when the old policy ends, not tomorrow (no overlap, no gap).
  seen = await okData<ReviewView>(s.call('application', 'startReview', { id: renew.id, version: 1 }, { token: t['cs-staff'] }))
  await okData(s.call('application', 'approve', { id: renew.id, version: seen.version, details: {} }, { token: t['cs-staff'] }))
  await okData(s.call('insurance', 'sandboxPaid', { orderId: renew.id }, { token: t['cs-driver'] }))
  const both = await okData<PolicyView[]>(s.call('insurance', 'policies', {}, { token: t['cs-driver'] }))
  const renewed = both.find((p) => p.id === renew.id)!
  expect(renewed).toMatchObject({ state: 'upcoming', startsAt: policy.endsAt })
  expect(new Date(renewed.endsAt).getTime() - new Date(renewed.startsAt).getTime()).toBeGreaterThanOrEqual(365 * 86_400_000)

  await at('2027-12-02T02:00:00Z')
  ;[, policy] = await okData<PolicyView[]>(s.call('insurance', 'policies', {}, { token: t['cs-driver'] })).then((l) => [null, l.find((p) => p.number === csNumber)!] as const)
  expect(policy).toMatchObject({ state: 'expired', daysLeft: null })
  await at('2026-12-01T02:00:00Z')
})

test('a scheme changes from a date, never backwards; the change is audited; staff and workers cannot change it', async () => {
  const base = DEFAULT_SCHEMES.find((x) => x.key === 'changshu-commercial')!
  const next: SchemeInput = { ...base, premiumFen: 40_000, effectiveFrom: '2027-01-01' }
  expect((await s.call('insurance', 'saveScheme', { ...next, effectiveFrom: '2026-11-30' }, { token: t['demo-admin'] })).body).toMatchObject({ ok: false, error: { fields: { effectiveFrom: expect.stringContaining('不能早于今天') } } })
  expect((await s.call('insurance', 'saveScheme', { ...next, premiumFen: undefined }, { token: t['demo-admin'] })).body).toMatchObject({ ok: false, error: { fields: { premiumFen: expect.any(String) } } })
  expect((await s.call('insurance', 'saveScheme', { ...next, kind: 'pilot', platforms: ['美团'], occupations: ['外卖配送员'] }, { token: t['demo-admin'] })).body).toMatchObject({ ok: false, error: { fields: { kind: expect.any(String) } } })
  expect((await s.call('insurance', 'saveScheme', next, { token: t['demo-staff-nantong'] })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  const all = await okData<SchemeView[]>(s.call('insurance', 'saveScheme', next, { token: t['demo-admin'] }))
  expect(all.filter((v) => v.key === 'changshu-commercial').map((v) => [v.effectiveFrom, v.inForce, v.premiumFen])).toEqual([['2027-01-01', false, 40_000], ['2022-07-01', true, 36_000]])
  // Today the old premium; from the new year the new one.
  expect(stateOf(await coverage('cs-driver'), 'changshu-commercial').cost).toBe('每年 360 元')
  await at('2027-01-01T01:00:00Z')
  expect(stateOf(await coverage('cs-driver'), 'changshu-commercial').cost).toBe('每年 400 元')
  const { data } = await s.runtime.db.collection('audit').where({ action: 'insurance.saveScheme' }).get()
  expect(data).toHaveLength(1)
  expect(data[0]).toMatchObject({ targetId: 'changshu-commercial@2027-01-01', from: 'changshu-commercial@2022-07-01' })
})

describe('claims', () => {
  const report = (who: string, data: object) => s.call<ApplicationView>('insurance', 'report', data, { token: t[who] })
  const spot = { text: '常熟市海虞北路与黄河路路口', longitude: 120.75, latitude: 31.65 }
  const upload = async (who: string) => {
    const res = await fetch(`${s.url}/api/files`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${t[who]}`, 'x-file-name': encodeURIComponent('现场.png') }, body: (await import('../support/files')).tinyPng() })
    return ((await res.json()) as { data: { fileId: string } }).data.fileId
  }
  const policyOf = async () => (await okData<PolicyView[]>(s.call('insurance', 'policies', {}, { token: t['cs-driver'] }))).find((p) => p.number === csNumber)!
  const review = async (id: string) => okData<ReviewView>(s.call('application', 'startReview', { id, version: 1 }, { token: t['cs-staff'] }))

  test('一键报案 → evidence → advance decided first → approved within the cover left → paid; pilot and late claims', async () => {
    await at('2026-12-10T04:00:00Z')
    const base = { schemeKey: 'changshu-commercial', occurredAt: '2026-12-10T01:30:00Z', place: spot, what: '送单途中被电动车撞倒', bodyPart: 'leg', hospital: '常熟市第一人民医院' }
    expect((await report('cs-driver', { ...base, occurredAt: '2026-12-10T05:00:00Z' })).body).toMatchObject({ ok: false, error: { fields: { occurredAt: expect.stringContaining('不能晚于现在') } } })
    // Before the policy began (2026-12-02 00:00): not covered by it.
    expect((await report('cs-driver', { ...base, occurredAt: '2026-12-01T10:00:00Z' })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('没有生效') } })
    const claim = await okData<ApplicationView>(report('cs-driver', { ...base, advanceFen: 500_000 }))
    expect(claim).toMatchObject({ kind: 'injuryClaim', caseNo: expect.stringMatching(/^LP-/), urgent: true, payload: { policyNumber: csNumber, deadlines: { late: false }, evidence: { lateNote: { needed: false } } } })
    expect(claim.payload.deadlines).toMatchObject({ selfBy: '2027-12-10T15:59:59.999Z' })

    const photo = await upload('cs-driver')
    const withScene = await okData<ApplicationView>(s.call('insurance', 'addEvidence', { applicationId: claim.id, item: 'scene', attachments: [photo] }, { token: t['cs-driver'] }))
    expect(withScene.payload.evidence).toMatchObject({ scene: { received: true, files: [photo] }, diagnosis: { received: false } })
    expect(withScene.attachments.map((f) => f.fileId)).toEqual([photo])
    expect((await s.call('insurance', 'addEvidence', { applicationId: claim.id, item: 'lateNote', attachments: [photo] }, { token: t['cs-driver'] })).body).toMatchObject({ ok: false, error: { fields: { item: expect.any(String) } } })
    expect((await s.call('insurance', 'addEvidence', { applicationId: claim.id, item: 'diagnosis', attachments: [await upload('cs-rider')] }, { token: t['cs-rider'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    // The advance first: it draws on the cover at once.
    expect((await s.call('insurance', 'decideAdvance', { applicationId: claim.id, approve: true, amountFen: 600_000 }, { token: t['cs-staff'] })).body).toMatchObject({ ok: false, error: { fields: { amountFen: expect.any(String) } } })
    await okData(s.call('insurance', 'decideAdvance', { applicationId: claim.id, approve: true }, { token: t['cs-staff'] }))
    expect((await s.call('insurance', 'decideAdvance', { applicationId: claim.id, approve: true }, { token: t['cs-staff'] })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await s.call('insurance', 'decideAdvance', { applicationId: claim.id, approve: true }, { token: t['demo-staff-nantong'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await policyOf()).capLeftFen).toBe(40_000_000 - 500_000)

    let seen = await review(claim.id)
    const approve = (details: object) => s.call<ReviewView>('application', 'approve', { id: claim.id, version: seen.version, details }, { token: t['cs-staff'] })
    expect((await approve({ benefit: 'disability', amountFen: 100 })).body).toMatchObject({ ok: false, error: { fields: { 'details.grade': expect.any(String) } } })
    // The approved amount is the whole benefit, the agreed advance included: only the rest is drawn now.
    expect((await approve({ benefit: 'medical', amountFen: 40_000_001 })).body).toMatchObject({ ok: false, error: { fields: { 'details.amountFen': expect.stringContaining('395,000') } } })
    expect((await approve({ benefit: 'medical', amountFen: 400_000 })).body).toMatchObject({ ok: false, error: { fields: { 'details.amountFen': expect.stringContaining('不能少于已同意的预付 5,000 元') } } })
    seen = await okData<ReviewView>(approve({ benefit: 'medical', amountFen: 1_000_000 }))
    expect((await policyOf()).capLeftFen).toBe(40_000_000 - 1_000_000)

    const payout = (amountFen: number) => s.call('insurance', 'recordPayout', { applicationId: claim.id, amountFen, paidOn: '2026-12-10', reference: 'CS20261210001' }, { token: t['cs-staff'] })
    expect(await okData(payout(1_000_000))).toMatchObject({ paidFen: 1_000_000, approvedFen: 1_000_000 })
    expect((await payout(1)).body).toMatchObject({ ok: false, error: { fields: { amountFen: expect.stringContaining('不能超过') } } })
    const inbox = await okData<{ items: { title: string }[] }>(s.call('user', 'listMessages', {}, { token: t['cs-driver'] }))
    // (The inbox is newest first; the earlier test left messages dated a year ahead, so look for it.)
    expect(inbox.items.map((m) => m.title)).toContain('理赔款已打出：10,000 元')
    const figures = await okData<InsuranceFigures>(s.call('insurance', 'figures', {}, { token: t['cs-staff'] }))
    // 陆常熟's and the demo's 陆建华's policies; the claim paid the day it was reported.
    expect(figures).toMatchObject({ policiesInForce: 2, claimsOpen: 0, paidThisMonth: 1, paidThisMonthFen: 1_000_000, medianDaysReportToPayment: 0 })
    expect(await okData<InsuranceFigures>(s.call('insurance', 'figures', {}, { token: t['demo-staff-nantong'] }))).toMatchObject({ policiesInForce: 0, paidThisMonthFen: 0 })

    // The pilot: covered through the platform, no policy; a rider on an unlisted platform is told why not.
    const pilot = await okData<ApplicationView>(report('cs-driver', { ...base, schemeKey: 'jiangsu-pilot' }))
    expect(pilot.payload).toMatchObject({ policyId: null, schemeKind: 'pilot' })
    expect((await report('cs-rider', { ...base, schemeKey: 'jiangsu-pilot' })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('本地跑腿平台') } })

    // A year and more later: late, and the explanation joins the checklist.
    await at('2027-12-20T02:00:00Z')
    const late = await okData<ApplicationView>(report('cs-driver', { ...base, occurredAt: '2026-12-15T02:00:00Z' }))
    expect(late.payload).toMatchObject({ deadlines: { late: true }, evidence: { lateNote: { needed: true, received: false } } })
  })

  test('50 claims on one policy approved at once for more than its cover: the cap holds to the fen', async () => {
    await at('2026-12-12T02:00:00Z')
    const left = (await policyOf()).capLeftFen
    const N = 50
    const each = Math.floor(left / (N - 2)) + 1 // 48 of them would already pass the cap
    const ids: string[] = []
    for (let i = 0; i < N; i++) {
      const c = await okData<ApplicationView>(report('cs-driver', { schemeKey: 'changshu-commercial', occurredAt: '2026-12-12T01:00:00Z', place: spot, what: `第 ${i + 1} 次`, bodyPart: 'hand' }))
      await review(c.id)
      ids.push(c.id)
    }
    const staff = (await findUserByOpenid(s.runtime.db, 'cs-staff'))!
    const results = await Promise.allSettled(ids.map((id) => approveDirect(s.runtime, staff, { id, version: 2, details: { benefit: 'medical', amountFen: each } })))
    const approved = results.filter((r) => r.status === 'fulfilled').length
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    expect(approved).toBe(Math.floor(left / each))
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'INVALID_INPUT', fields: { 'details.amountFen': expect.stringContaining('剩余的保额') } })
    expect((await policyOf()).capLeftFen).toBe(left - approved * each)
    expect((await policyOf()).capLeftFen).toBeGreaterThanOrEqual(0)
  }, 60_000)
})
