import type { NearbyView, StationDetail, StationInput } from '~types/station.schema'
import { distanceM } from '../../cloudfunctions/shared/db/embedded/geo'
import { okData } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/**
 * 暖心驿站 over HTTP on the real server and engine: nearest first by true (spherical) distance, open now across
 * midnight and on public holidays, filters combined, staff only of their district, every change audited.
 */
// Wednesday 2026-12-02 23:30 in Jiangsu.
let clock = new Date('2026-12-02T23:30:00+08:00')
let s: TestServer
let staff: string
beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  staff = await s.login('demo-staff-nantong')
})
afterAll(() => s.close())

// The rider stands in 东台 (120.3201, 32.8677), more than 100 km from every district the demo seed fills with
// stations (server/seed-station.ts), so the nearest stations within the widest search (50 km) are this file's own.
// They stay on 崇川's books: 顾敏 is the demo's station staff, and a station's district is not checked against
// its point. Each point keeps its offset from the rider (T近 0.001° east, about 93 m).
const HERE = { longitude: 120.3201, latitude: 32.8677 }
const day = (t: string) => Array(7).fill(t) as StationInput['hours']
const base = (over: Partial<StationInput>): StationInput => ({
  name: '测试驿站', type: 'heart', district: '320613', address: '崇川区测试路 1 号', longitude: 120.3256, latitude: 32.8671,
  hours: day('08:00-20:00'), services: ['rest', 'water'], ...over,
})
const save = (input: StationInput, token = staff) => okData<StationDetail>(s.call('station', 'save', input, { token }))
const nearby = (input: object) => okData<NearbyView>(s.call('station', 'nearby', input))

let ids: Record<string, string> = {}
beforeAll(async () => {
  const made = await Promise.all([
    save(base({ name: 'T近-白天', longitude: 120.3211, latitude: 32.8677, services: ['rest', 'water', 'meal'] })),
    save(base({ name: 'T中-夜班', longitude: 120.3201, latitude: 32.8767, hours: day('18:00-02:00'), services: ['rest', 'meal', 'charge'] })),
    save(base({ name: 'T远-全天', longitude: 120.3601, latitude: 32.8677, hours: day('24小时'), services: ['rest', 'water', 'meal', 'charge', 'toilet'], type: 'bee' })),
    save(base({ name: 'T很远-司机之家', longitude: 120.5201, latitude: 32.8677, hours: day('24小时'), services: ['truckParking', 'shower'], type: 'driver' })),
  ])
  ids = Object.fromEntries(made.map((m) => [m.name, m.id]))
})

test('nearest first by true distance, each with its metres; open now across midnight', async () => {
  const view = await nearby({ ...HERE, types: ['heart', 'bee', 'driver'] })
  const mine = view.stations.filter((st) => st.name.startsWith('T'))
  expect(mine.map((st) => st.name)).toEqual(['T近-白天', 'T中-夜班', 'T远-全天', 'T很远-司机之家'])
  for (const st of mine) expect(st.distanceM).toBe(Math.round(distanceM([HERE.longitude, HERE.latitude], [st.longitude, st.latitude])))
  expect(mine[0].distanceM).toBeGreaterThan(80)
  expect(mine[0].distanceM).toBeLessThan(100)
  const byName = Object.fromEntries(mine.map((st) => [st.name, st.open]))
  expect(byName['T近-白天']).toEqual({ now: false, allDay: false, text: '已关门 · 明天 08:00 开门' })
  expect(byName['T中-夜班']).toEqual({ now: true, allDay: false, text: '营业中 · 明天 02:00 关门' })
  expect(byName['T远-全天']).toEqual({ now: true, allDay: true, text: '24 小时营业' })

  // 01:30 the next morning: the night station is still open (yesterday's hours), closing at 02:00.
  clock = new Date('2026-12-03T01:30:00+08:00')
  const late = await nearby({ ...HERE, openNow: true })
  expect(late.stations.filter((st) => st.name.startsWith('T')).map((st) => [st.name, st.open.text])).toEqual([
    ['T中-夜班', '营业中 · 02:00 关门'],
    ['T远-全天', '24 小时营业'],
    ['T很远-司机之家', '24 小时营业'],
  ])
  clock = new Date('2026-12-02T23:30:00+08:00')
})

test('filters combine: open now + a microwave (热饭) + charging; 24 h; type', async () => {
  const hot = await nearby({ ...HERE, openNow: true, services: ['meal', 'charge'] })
  expect(hot.stations.filter((st) => st.name.startsWith('T')).map((st) => st.name)).toEqual(['T中-夜班', 'T远-全天'])
  const allDay = await nearby({ ...HERE, allDay: true, types: ['driver'] })
  expect(allDay.stations.map((st) => st.name)).toContain('T很远-司机之家')
  expect(allDay.stations.every((st) => st.type === 'driver' && st.open.allDay)).toBe(true)
})

test('public holidays use the holiday hours', async () => {
  const h = await save(base({ name: 'T节假日休息', longitude: 120.3202, latitude: 32.8678, hours: day('00:00-24:00'), holidayHours: '休息' }))
  expect(h.open.allDay).toBe(false)
  // 2026-10-01 国庆 is a public holiday on the official calendar (a Thursday).
  clock = new Date('2026-10-01T10:00:00+08:00')
  const holiday = await okData<StationDetail>(s.call('station', 'detail', { id: h.id }))
  expect(holiday.open.now).toBe(false)
  clock = new Date('2026-10-09T10:00:00+08:00')
  expect((await okData<StationDetail>(s.call('station', 'detail', { id: h.id }))).open.now).toBe(true)
  clock = new Date('2026-12-02T23:30:00+08:00')
})

test('open-now in the query: a holiday and the morning after are left to the hours in code; a station saved before the week spans is still judged', async () => {
  // Closed every weekday, open on public holidays 20:00–02:00: the weekly spans say closed, the holiday hours open.
  await save(base({ name: 'T只节假日', longitude: 120.3204, latitude: 32.8679, hours: day('休息'), holidayHours: '20:00-02:00' }))
  const names = async (at: string) => {
    clock = new Date(at)
    return (await nearby({ ...HERE, openNow: true })).stations.map((st) => st.name)
  }
  expect(await names('2026-10-07T21:00:00+08:00')).toContain('T只节假日') // 国庆's last day, in the holiday hours
  expect(await names('2026-10-08T01:00:00+08:00')).toContain('T只节假日') // an ordinary Thursday morning: last night's holiday hours
  expect(await names('2026-10-12T21:00:00+08:00')).not.toContain('T只节假日') // an ordinary Monday
  // A record written before stations had spans (none in the document): the query lets it through, the hours decide.
  const old = await save(base({ name: 'T旧记录-全天', longitude: 120.3203, latitude: 32.8679, hours: day('24小时') }))
  await s.runtime.db.collection('stations').doc(old.id).update({ openSpans: s.runtime.db.command.remove() })
  expect(await names('2026-12-02T23:30:00+08:00')).toContain('T旧记录-全天')
})

test('without a position: a district by name, open ones first; neither → the field named', async () => {
  const view = await nearby({ district: '320613' })
  expect(view.radiusM).toBeNull()
  expect(view.stations.every((st) => st.distanceM === null && st.district === '320613')).toBe(true)
  const firstClosed = view.stations.findIndex((st) => !st.open.now)
  if (firstClosed >= 0) expect(view.stations.slice(firstClosed).every((st) => !st.open.now)).toBe(true)
  const none = await s.call('station', 'nearby', {})
  expect(none.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { district: '请允许定位，或者选择一个区县' } } })
})

test('bad input names the field in plain Chinese; another district’s staff cannot edit; changes are audited', async () => {
  staff = await s.login('demo-staff-nantong')
  const bad = await s.call('station', 'save', base({ hours: ['08:00-20:00', '8点到晚上', '', '', '', '', ''] }), { token: staff })
  expect(bad.body).toMatchObject({ ok: false, error: { fields: { 'hours.1': expect.stringMatching(/^周二：“8点到晚上”看不懂/) } } })
  const wuxi = await s.login('demo-staff-wuxi')
  const other = await s.call('station', 'save', { ...base({ name: 'T改名' }), id: ids['T近-白天'] }, { token: wuxi })
  expect(other.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const moved = await s.call('station', 'save', base({ district: '320213', name: 'T别区' }), { token: staff })
  expect(moved.body).toMatchObject({ ok: false, error: { fields: { district: '您只能管理自己负责的区县的驿站' } } })
  const rider = await s.login('demo-rider')
  expect((await s.call('station', 'save', base({}), { token: rider })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  await okData(s.call('station', 'setStatus', { id: ids['T近-白天'], status: 'paused', until: '2026-12-10', reason: '装修' }, { token: staff }))
  const paused = (await nearby(HERE)).stations.find((st) => st.id === ids['T近-白天'])!
  expect(paused.open).toEqual({ now: false, allDay: false, text: '暂停开放' })
  await okData(s.call('station', 'setStatus', { id: ids['T近-白天'], status: 'closed', reason: '场地收回' }, { token: staff }))
  expect((await nearby(HERE)).stations.find((st) => st.id === ids['T近-白天'])).toBeUndefined()
  expect((await s.call('station', 'detail', { id: ids['T近-白天'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const { data } = await s.runtime.db.collection('audit').where({ targetId: ids['T近-白天'] }).get()
  expect((data as { action: string }[]).map((a) => a.action).sort()).toEqual(['station.create', 'station.status', 'station.status'])
})
