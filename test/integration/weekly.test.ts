import type { WeeklyFigures } from '~types/application.contract'
import type { ApplicationView, ReviewView } from '~types/application.schema'
import { APPLICATION_KINDS, KINDS } from '~types/kinds'
import { okData, WAGES_REQUEST } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/**
 * `application.weekly` over HTTP on the real server, with the server's clock moved by the test: applications filed
 * and decided on both sides of week boundaries (Monday 00:00 Asia/Shanghai = Sunday 16:00 UTC), counted for the
 * caller's districts and services only. "Now" is Wednesday 2026-12-02 12:00 Shanghai: the current week starts
 * Monday 11-30, the twelfth week back Monday 09-14.
 */
let clock = new Date('2026-09-13T02:00:00Z')
let s: TestServer
const t: Record<string, string> = {}
const PEOPLE = ['demo-rider', 'demo-other', 'demo-courier', 'demo-staff-nantong', 'demo-staff-wuxi', 'demo-trucker', 'demo-ridehail', 'demo-admin']

/** Moves the server's clock; local sign-ins last a week, so everyone signs in again at the new time. */
async function at(iso: string) {
  clock = new Date(iso)
  for (const who of PEOPLE) t[who] = await s.login(who)
}

const file = (who: string) => okData<ApplicationView>(s.call('legalAid', 'submit', WAGES_REQUEST, { token: t[who] }))
const step = <T>(who: string, action: string, data: unknown) => okData<T>(s.call('application', action, data, { token: t[who] }))
const weekly = (who: string) => step<WeeklyFigures>(who, 'weekly', {})
async function decide(id: string, how: 'approve' | 'reject') {
  const started = await step<ReviewView>('demo-staff-nantong', 'startReview', { id, version: 1 })
  const details = how === 'approve' ? { details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } } : { reason: '不属于法律援助的事项范围' }
  await step<ReviewView>('demo-staff-nantong', how, { id, version: started.version, ...details })
}
/** Twelve zeros with `counts` ({ week index: n }) set. */
const weeks = (counts: Record<number, number>) => Array.from({ length: 12 }, (_, i) => counts[i] ?? 0)
/** Every kind of the registry whose service is among `services`, in registry order, with nothing counted but `legalAid`. */
const expected = (services: string[], legalAid: { received: number[]; decided: number[] }) =>
  APPLICATION_KINDS.filter((k) => services.includes(KINDS[k].service)).map((kind) => (kind === 'legalAid' ? { kind, ...legalAid } : { kind, received: weeks({}), decided: weeks({}) }))
const ALL_SERVICES = ['academy', 'insurance', 'legalAid', 'volunteer', 'station']

beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  await at(clock.toISOString())
  // 王建国: legal aid in 崇川, but only stations in 玄武. 陈浩: only stations (a service with no applications), in 崇川.
  const admin = t['demo-admin']
  const idOf = async (name: string) => (await okData<{ id: string }[]>(s.call('user', 'findUsers', { query: name }, { token: admin })))[0].id
  const grant = async (userId: string, districtCode: string, services: string[]) => okData(s.call('user', 'grantStaff', { userId, districtCode, services }, { token: admin, requestId: `grant-${userId}-${districtCode}` }))
  const trucker = await idOf('王建国')
  await grant(trucker, '320613', ['legalAid'])
  await grant(trucker, '320102', ['station'])
  await grant(await idOf('陈浩'), '320613', ['station'])

  await at('2026-09-13T15:59:00Z') // Sunday 09-13 23:59 Shanghai: the day before the window opens
  const a = await file('demo-rider')
  await at('2026-09-13T16:01:00Z') // Monday 09-14 00:01: the first week of the window
  await file('demo-rider')
  await at('2026-09-15T02:00:00Z')
  await decide(a.id, 'reject') // filed before the window, decided in its first week

  await at('2026-11-29T15:59:30Z') // Sunday 11-29 23:59:30: last week
  const c = await file('demo-rider')
  await at('2026-11-29T16:00:30Z') // Monday 11-30 00:00:30: this week
  const d = await file('demo-rider')
  const g = await file('demo-rider')
  await file('demo-other') // 无锡梁溪
  await file('demo-courier') // 南京玄武
  await at('2026-11-30T01:00:00Z')
  await decide(c.id, 'approve')
  await step('demo-rider', 'withdraw', { id: g.id, reason: '已和站点协商解决' }) // ended, but not decided
  await at('2026-12-01T02:00:00Z')
  await decide(d.id, 'reject')
  await at('2026-12-02T04:00:00Z')
})
afterAll(() => s.close())

test('the last 12 weeks, Monday to Sunday in Shanghai, oldest first; the current one up to today', async () => {
  const f = await weekly('demo-staff-nantong')
  expect(f.weeks).toHaveLength(12)
  expect(f.weeks[0]).toBe('2026-09-14')
  expect(f.weeks[10]).toBe('2026-11-23')
  expect(f.weeks[11]).toBe('2026-11-30')
  expect(f.today).toBe('2026-12-02')
})

test('received and decided are counted in the week of each date, across the week boundaries', async () => {
  const f = await weekly('demo-staff-nantong')
  // Every kind 顾敏 reviews (all services), in the registry's order; only legal aid has requests here.
  expect(f.kinds).toEqual(
    expected(ALL_SERVICES, {
      // 09-14 00:01 → week 0 (09-13 23:59 is before the window); 11-29 23:59:30 → week 10; two on 11-30 00:00:30.
      received: weeks({ 0: 1, 10: 1, 11: 2 }),
      // the rejection of 09-15 (of a request filed before the window); this week an approval and a rejection.
      // The withdrawn request was not decided.
      decided: weeks({ 0: 1, 11: 2 }),
    }),
  )
})

test("another district's applications are counted for its own staff only", async () => {
  expect((await weekly('demo-staff-wuxi')).kinds).toEqual(expected(['legalAid', 'volunteer', 'station'], { received: weeks({ 11: 1 }), decided: weeks({}) }))
})

test("a district where the caller reviews another service adds nothing; a caller whose services have no kind gets none", async () => {
  // 王建国 reviews legal aid in 崇川 (the same numbers as 顾敏) but not in 玄武, where 李娟 filed one.
  const nantong = (await weekly('demo-staff-nantong')).kinds.find((k) => k.kind === 'legalAid')!
  expect((await weekly('demo-trucker')).kinds).toEqual([nantong])
  expect((await weekly('demo-ridehail')).kinds).toEqual([])
})

test('a worker gets FORBIDDEN and nothing else', async () => {
  const res = await s.call('application', 'weekly', {}, { token: t['demo-rider'] })
  expect(res.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(JSON.stringify(res.body)).not.toContain('legalAid')
})
