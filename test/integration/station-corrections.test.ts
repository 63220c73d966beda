import type { CorrectionView } from '~types/station-correction.schema'
import type { StationDetail, StationInput } from '~types/station.schema'
import { okData } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/**
 * 信息有误 on the real server and engine: a signed-in worker reports once per station a day; the report waits in its
 * district's queue only; accepting applies the change through the same code as 编辑 and 暂停 (audited), dismissing
 * needs a note; the reporter is thanked in 消息 either way; another district's staff do not find it.
 */
// Wednesday 2026-12-02 10:00 in Jiangsu.
let clock = new Date('2026-12-02T10:00:00+08:00')
let s: TestServer
let staff: string
let rider: string
let courier: string
beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  staff = await s.login('demo-staff-nantong')
  rider = await s.login('demo-rider')
  courier = await s.login('demo-courier')
})
afterAll(() => s.close())

const base: StationInput = {
  name: '纠错-南大街驿站', type: 'heart', district: '320613', address: '崇川区南大街 50 号', longitude: 120.8651, latitude: 32.0111,
  hours: Array(7).fill('08:00-20:00') as StationInput['hours'], services: ['rest', 'water'],
}
const report = (stationId: string, kind: string, note: string, token = rider, requestId?: string) =>
  s.call<{ id: string; state: string }>('station', 'correct', { stationId, kind, note }, { token, ...(requestId ? { requestId } : {}) })
const queue = (state?: string, token = staff, district = '320613') => okData<CorrectionView[]>(s.call('station', 'corrections', { district, ...(state ? { state } : {}) }, { token }))
const decide = (input: object, token = staff) => s.call<CorrectionView>('station', 'decideCorrection', input, { token })
const inbox = async (token: string) => (await okData<{ items: { title: string; body: string }[] }>(s.call('user', 'listMessages', {}, { token }))).items

test('a worker reports once per station a day; a double tap is the same report; the public cannot', async () => {
  const st = await okData<StationDetail>(s.call('station', 'save', { ...base, name: '纠错-一天一次' }, { token: staff }))
  const first = await okData<{ id: string; state: string }>(report(st.id, 'hours', '晚上八点就关门了，不是写的十点', rider, 'tap-1'))
  expect(first).toEqual({ id: expect.stringMatching(new RegExp(`^${st.id}_\\w+_20261202$`)), state: 'open' })
  // The same tap again (a lost answer): the same report, nothing new.
  expect(await okData(report(st.id, 'hours', '晚上八点就关门了，不是写的十点', rider, 'tap-1'))).toEqual(first)
  // Another report the same day: refused in words; the next day it is fine; another worker may report today.
  expect((await report(st.id, 'closed', '门口贴了装修通知')).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('您今天已经报告过这个驿站了') } })
  expect(await okData(report(st.id, 'other', '热水器坏了', courier))).toMatchObject({ state: 'open' })
  clock = new Date('2026-12-03T09:00:00+08:00')
  expect(await okData(report(st.id, 'closed', '门口贴了装修通知'))).toMatchObject({ id: expect.stringMatching(/_20261203$/) })
  clock = new Date('2026-12-02T10:00:00+08:00')
  expect((await s.call('station', 'correct', { stationId: st.id, kind: 'hours', note: '不对' })).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  expect((await report('st_nope', 'hours', '没有这个驿站')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await report(st.id, 'hours', '')).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { note: '请说一下哪里不对' } } })
})

test('accepting applies the change through 编辑 and 暂停 (audited), the reporter is thanked; dismissing needs a note', async () => {
  const st = await okData<StationDetail>(s.call('station', 'save', base, { token: staff }))
  const hours = await okData<{ id: string }>(report(st.id, 'hours', '周末只开到下午五点'))
  const services = await okData<{ id: string }>(report(st.id, 'serviceMissing', '现在有微波炉了，可以热饭', courier))
  const open = await queue()
  expect(open.filter((c) => c.stationId === st.id).map((c) => [c.kind, c.note, c.stationName])).toEqual([
    ['hours', '周末只开到下午五点', '纠错-南大街驿站'],
    ['serviceMissing', '现在有微波炉了，可以热饭', '纠错-南大街驿站'],
  ])
  // Who reported is not shown to staff.
  expect(JSON.stringify(open)).not.toMatch(/demo-rider|reporter/)

  // A change the form would refuse is refused here too, under the change's field.
  const wrong = await decide({ id: hours.id, accept: true, change: { kind: 'hours', hours: ['08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '9点', '09:00-17:00'] } })
  expect(wrong.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'change.hours.5': expect.stringMatching(/^周六：“9点”看不懂/) } } })

  const weekend = ['08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '09:00-17:00', '09:00-17:00']
  const accepted = await okData<CorrectionView>(decide({ id: hours.id, accept: true, note: '电话核实过', change: { kind: 'hours', hours: weekend } }))
  expect(accepted).toMatchObject({ state: 'accepted', decisionNote: '电话核实过', changeText: '开放时间改为 周一至周五 08:00-20:00；周六、周日 09:00-17:00' })
  expect((await okData<StationDetail>(s.call('station', 'manage', { id: st.id }, { token: staff }))).hours).toEqual(weekend)
  await okData(decide({ id: services.id, accept: true, change: { kind: 'services', services: ['rest', 'water', 'meal'] } }))
  expect((await okData<StationDetail>(s.call('station', 'detail', { id: st.id }))).services).toEqual(['rest', 'water', 'meal'])
  // Decided once: a second decision is refused.
  expect((await decide({ id: hours.id, accept: false, note: '重复' })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

  const { data: audit } = await s.runtime.db.collection('audit').where({ targetId: s.runtime.db.command.in([st.id, hours.id, services.id]) }).get()
  expect((audit as { action: string; note?: string }[]).map((a) => `${a.action}${a.note?.startsWith('信息有误反馈') ? ' ←反馈' : ''}`).sort()).toEqual([
    'station.correctionAccepted', 'station.correctionAccepted', 'station.create', 'station.save ←反馈', 'station.save ←反馈',
  ])
  expect((await inbox(rider))[0]).toMatchObject({ title: '谢谢您：“纠错-南大街驿站”的信息已更正', body: expect.stringContaining('开放时间改为 周一至周五 08:00-20:00；周六、周日 09:00-17:00') })
  expect((await inbox(courier))[0]).toMatchObject({ title: '谢谢您：“纠错-南大街驿站”的信息已更正', body: expect.stringContaining('服务改为 休息、饮水、热饭') })

  // 已经关了: accepted as a pause until a day, through the same rules as 暂停 (a day in the past is refused).
  clock = new Date('2026-12-03T10:00:00+08:00')
  const closed = await okData<{ id: string }>(report(st.id, 'closed', '在装修，门口贴了通知'))
  const past = await decide({ id: closed.id, accept: true, change: { kind: 'status', status: 'paused', until: '2026-12-01', reason: '装修' } })
  expect(past.body).toMatchObject({ ok: false, error: { fields: { until: '恢复开放的日期要在今天以后' } } })
  await okData(decide({ id: closed.id, accept: true, change: { kind: 'status', status: 'paused', until: '2026-12-20', reason: '装修' } }))
  expect((await okData<StationDetail>(s.call('station', 'detail', { id: st.id }))).open).toMatchObject({ now: false, text: '暂停开放' })

  // Dismissing: a note is needed (the reporter reads it), and the station is left as it is.
  const other = await okData<{ id: string }>(report(st.id, 'location', '位置好像偏了', courier))
  expect((await decide({ id: other.id, accept: false })).body).toMatchObject({ ok: false, error: { fields: { note: '不采纳时请写一句原因，反馈的人会看到' } } })
  expect(await okData(decide({ id: other.id, accept: false, note: '到现场看过，位置是对的' }))).toMatchObject({ state: 'dismissed', decisionNote: '到现场看过，位置是对的' })
  expect((await inbox(courier))[0]).toMatchObject({ title: '谢谢您反馈“纠错-南大街驿站”的信息', body: expect.stringContaining('工作人员核实后没有改动：到现场看过，位置是对的') })
  expect((await queue('dismissed')).map((c) => c.id)).toContain(other.id)
  expect((await queue()).some((c) => c.stationId === st.id)).toBe(false)
  clock = new Date('2026-12-02T10:00:00+08:00')
})

test('another district’s staff do not see or decide the corrections; a closed station takes no reports', async () => {
  const st = await okData<StationDetail>(s.call('station', 'save', { ...base, name: '纠错-别区看不到' }, { token: staff }))
  const c = await okData<{ id: string }>(report(st.id, 'other', '厕所没有纸了'))
  const wuxi = await s.login('demo-staff-wuxi')
  expect((await s.call('station', 'corrections', { district: '320613' }, { token: wuxi })).body).toMatchObject({ ok: false, error: { fields: { district: '您只能管理自己负责的区县的驿站' } } })
  expect((await queue(undefined, wuxi, '320213')).some((x) => x.id === c.id)).toBe(false)
  expect((await decide({ id: c.id, accept: false, note: '不归我管' }, wuxi)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await s.call('station', 'corrections', { district: '320613' }, { token: rider })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  await okData(s.call('station', 'setStatus', { id: st.id, status: 'closed', reason: '场地收回' }, { token: staff }))
  expect((await report(st.id, 'other', '还是关着', courier)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})
