import type { CoverageView, SchemeInput, SchemeView } from '~types/insurance.schema'
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
const WHO = ['demo-ridehail', 'demo-courier', 'demo-admin', 'demo-staff-nantong', 'cs-driver', 'cs-rider']

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
