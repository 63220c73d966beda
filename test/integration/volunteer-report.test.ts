import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { LedgerCheck, LedgerPage, VolunteerAccountView } from '~types/volunteer.schema'
import type { DuplicatesView, ReportFigures } from '~types/volunteer-report.schema'
import { VOLUNTEER_DEFAULTS } from '../../config/volunteer'
import { tinyPng } from '../support/files'
import { okData } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/**
 * 随手拍 (issue #10): report → the district's volunteer staff accept, hand it to a department, mark it handled with
 * a reply → the points the district's rules give that grade, credited in the decision's transaction; duplicates by
 * category, distance and time; the desk's figures.
 */
let clock = new Date('2026-12-14T01:00:00Z') // 09:00 in 南通
let s: TestServer
const t: Record<string, string> = {}
const WHO = ['demo-rider', 'demo-other', 'demo-staff-nantong', 'demo-staff-wuxi']

async function at(iso: string) {
  clock = new Date(iso)
  for (const who of WHO) t[who] = await s.login(who)
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  await at(clock.toISOString())
})
afterAll(() => s.close())

async function upload(who: string): Promise<string> {
  const res = await fetch(`${s.url}/api/files`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${t[who]}`, 'x-file-name': encodeURIComponent('现场.png') }, body: tinyPng() })
  const body = (await res.json()) as { ok: boolean; data: { fileId: string } }
  return body.data.fileId
}

// 狼山 area of 崇川, away from the demo's own reports. 0.001° of latitude ≈ 111 m; of longitude here ≈ 94 m.
const HERE = { longitude: 120.9, latitude: 31.95 }
const north = (m: number) => ({ longitude: HERE.longitude, latitude: HERE.latitude + m / 111_320 })

const report = (who: string, data: object, requestId?: string) => s.call<ApplicationView>('volunteer', 'report', data, { token: t[who], requestId })
const staff = <T>(who: string, fn: string, action: string, data: object, requestId?: string) => okData<T>(s.call(fn, action, data, { token: t[who], requestId }))
const inbox = async (who: string) => (await okData<{ items: { title: string; body: string }[] }>(s.call('user', 'listMessages', {}, { token: t[who] }))).items
const figures = (who: string) => okData<ReportFigures>(s.call('volunteer', 'reportFigures', {}, { token: t[who] }))

test("the demo: 周小勇's reports in 崇川 — one handled with its points and department, one in review, one waiting", async () => {
  const reports = (await okData<ApplicationView[]>(s.call('application', 'listMine', {}, { token: t['demo-rider'] }))).filter((a) => a.kind === 'volunteerReport')
  expect(reports.map((r) => r.status).sort()).toEqual(['approved', 'inReview', 'submitted'])
  const handled = reports.find((r) => r.status === 'approved')!
  expect(handled.payload).toMatchObject({ category: 'hazard', grade: 'hazard', points: 50, forwarded: [{ department: '崇川区市政设施管理处' }] })
  const ledger = await okData<LedgerPage>(s.call('volunteer', 'ledger', {}, { token: t['demo-rider'] }))
  expect(ledger.entries).toContainEqual(expect.objectContaining({ amount: 50, source: { type: 'report', id: handled.id } }))
})

test('report → accept → forward → handled as a hazard: +50 points from the report, the reply and the points told', async () => {
  const before = (await figures('demo-staff-nantong')).rows[0]
  const photo = await upload('demo-rider')
  const input = { category: 'hazard', photos: [photo], place: { text: '狼山路和星湖大道路口', ...HERE }, note: '井盖缺了一块，夜里看不见' }
  const filed = await okData<ApplicationView>(report('demo-rider', input, 'sp-1'))
  expect(filed).toMatchObject({
    kind: 'volunteerReport', caseNo: expect.stringMatching(/^SP-20261214-\d{4}$/), status: 'submitted', urgent: true,
    summary: '安全隐患 · 狼山路和星湖大道路口',
    payload: { category: 'hazard', place: { text: '狼山路和星湖大道路口', ...HERE }, note: '井盖缺了一块，夜里看不见', forwarded: [], grade: null, points: null, reply: null },
    attachments: [expect.objectContaining({ fileId: photo, contentType: 'image/png' })],
  })
  // A double tap or a retry with the same request id: the same report, once.
  const again = await okData<ApplicationView>(report('demo-rider', input, 'sp-1'))
  expect(again.id).toBe(filed.id)
  // Five taps at once with another request id: one more report, not five.
  const taps = await Promise.all(Array.from({ length: 5 }, () => okData<ApplicationView>(report('demo-rider', { ...input, note: '再拍一次' }, 'sp-2'))))
  expect(new Set(taps.map((x) => x.id)).size).toBe(1)
  const mine = (await okData<ApplicationView[]>(s.call('application', 'listMine', {}, { token: t['demo-rider'] }))).filter((a) => a.summary === filed.summary)
  expect(mine.map((a) => a.id).sort()).toEqual([filed.id, taps[0].id].sort())
  expect((await inbox('demo-rider')).map((m) => m.body)).toContainEqual(expect.stringContaining(`（${filed.caseNo}）已送到所在区县`))

  // Another worker cannot read it; 无锡's volunteer staff do not find it.
  expect((await s.call('application', 'getMine', { id: filed.id }, { token: t['demo-other'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  for (const [fn, action, data] of [['application', 'detail', { id: filed.id }], ['volunteer', 'duplicates', { id: filed.id }], ['volunteer', 'forward', { id: filed.id, department: '梁溪区城管局' }], ['application', 'startReview', { id: filed.id, version: 1 }]] as const) {
    expect({ action, body: (await s.call(fn, action, data, { token: t['demo-staff-wuxi'] })).body }).toMatchObject({ action, body: { ok: false, error: { code: 'NOT_FOUND' } } })
  }

  // Handing it on needs it accepted first.
  expect((await s.call('volunteer', 'forward', { id: filed.id, department: '崇川区市政处' }, { token: t['demo-staff-nantong'] })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('请先受理') } })
  clock = new Date(clock.getTime() + 12 * 60_000)
  let seen = await staff<ReviewView>('demo-staff-nantong', 'application', 'startReview', { id: filed.id, version: 1 })
  expect(seen.status).toBe('inReview')
  expect((await inbox('demo-rider'))[0]).toMatchObject({ title: '随手拍已受理' })

  const fwd = await staff<{ forwarded: unknown[] }>('demo-staff-nantong', 'volunteer', 'forward', { id: filed.id, department: '崇川区市政处', note: '井盖属市政设施' }, 'fwd-1')
  expect(fwd.forwarded).toEqual([expect.objectContaining({ department: '崇川区市政处', note: '井盖属市政设施', at: clock.toISOString() })])
  // A retry of the same tap records it once.
  await staff('demo-staff-nantong', 'volunteer', 'forward', { id: filed.id, department: '崇川区市政处', note: '井盖属市政设施' }, 'fwd-1')
  seen = await staff<ReviewView>('demo-staff-nantong', 'application', 'detail', { id: filed.id })
  expect((seen.payload as { forwarded: unknown[] }).forwarded).toHaveLength(1)
  expect((await inbox('demo-rider'))[0]).toMatchObject({ title: '随手拍已转交崇川区市政处处理', body: expect.stringContaining('井盖属市政设施') })
  const { data: audit } = await s.runtime.db.collection('audit').where({ targetId: filed.id, action: 'volunteer.forward' }).get()
  expect(audit).toEqual([expect.objectContaining({ actorRole: 'staff', to: { department: '崇川区市政处', note: '井盖属市政设施' } })])
  // Both sides read the department.
  const theirs = await okData<ApplicationView>(s.call('application', 'getMine', { id: filed.id }, { token: t['demo-rider'] }))
  expect(theirs.payload).toMatchObject({ forwarded: [{ department: '崇川区市政处' }] })

  const balance = (await okData<VolunteerAccountView>(s.call('volunteer', 'account', {}, { token: t['demo-rider'] }))).balance
  clock = new Date(clock.getTime() + 3 * 3600_000)
  seen = await staff<ReviewView>('demo-staff-nantong', 'application', 'approve', { id: filed.id, version: seen.version, details: { grade: 'hazard', reply: '市政处已补好井盖，谢谢您' } })
  expect(seen).toMatchObject({ status: 'approved', payload: { grade: 'hazard', points: 50, reply: '市政处已补好井盖，谢谢您' } })
  const ledger = await okData<LedgerPage>(s.call('volunteer', 'ledger', {}, { token: t['demo-rider'] }))
  expect(ledger.entries[0]).toMatchObject({ amount: 50, source: { type: 'report', id: filed.id }, balanceAfter: balance + 50, reason: expect.stringContaining('狼山路和星湖大道路口') })
  expect(await okData<LedgerCheck>(s.call('volunteer', 'checkLedger', {}, { token: t['demo-rider'] }))).toMatchObject({ ok: true, balance: balance + 50 })
  const told = (await inbox('demo-rider'))[0]
  expect(told.title).toBe('随手拍已处理，积分 +50')
  expect(told.body).toContain('市政处已补好井盖，谢谢您')
  expect(told.body).toContain('记 50 分')

  // The desk's month: two more received (the five taps' one too), this one accepted, handled, 50 points.
  const after = (await figures('demo-staff-nantong')).rows[0]
  expect(after).toMatchObject({ district: '320613', regionLabel: '南通市 崇川区', received: before.received + 2, accepted: before.accepted + 1, handled: before.handled + 1, pointsThisMonth: before.pointsThisMonth + 50 })
  expect(after.responseMinutes).not.toBeNull()
  // 钱伟 sees only 梁溪.
  expect((await figures('demo-staff-wuxi')).rows.map((r) => r.district)).toEqual(['320213'])
})

test("the district's rules decide the points: 南通崇川 sets a hazard to 80, the next handled hazard gets 80", async () => {
  const rules = await okData<typeof VOLUNTEER_DEFAULTS>(s.call('volunteer', 'rules', { district: '320613' }, { token: t['demo-rider'] }))
  await staff('demo-staff-nantong', 'volunteer', 'setRules', { district: '320613', ...rules, reportPoints: { ...rules.reportPoints, hazard: 80 } }, 'rules-80')
  try {
    const filed = await okData<ApplicationView>(report('demo-rider', { category: 'traffic', photos: [await upload('demo-rider')], place: { text: '崇川路红绿灯', ...north(2000) } }))
    expect(filed.urgent).toBe(false)
    let seen = await staff<ReviewView>('demo-staff-nantong', 'application', 'startReview', { id: filed.id, version: 1 })
    // Staff grade it: a broken signal turned out to be a hazard.
    seen = await staff<ReviewView>('demo-staff-nantong', 'application', 'approve', { id: filed.id, version: seen.version, details: { grade: 'hazard', reply: '信号灯已修复' } })
    expect(seen.payload).toMatchObject({ grade: 'hazard', points: 80 })
    const ledger = await okData<LedgerPage>(s.call('volunteer', 'ledger', {}, { token: t['demo-rider'] }))
    expect(ledger.entries[0]).toMatchObject({ amount: 80, source: { type: 'report', id: filed.id } })
  } finally {
    await staff('demo-staff-nantong', 'volunteer', 'setRules', { district: '320613', ...rules }, 'rules-back')
  }
})

test('possible duplicates: same category within 100 m and 24 h, not 150 m away, not 25 h earlier, not another category', async () => {
  const photo = async () => [await upload('demo-rider')]
  const file = async (category: string, where: { longitude: number; latitude: number }, text: string) =>
    okData<ApplicationView>(report('demo-rider', { category, photos: await photo(), place: { text, ...where } }))
  const t0 = new Date('2026-12-15T02:00:00Z')
  await at(new Date(t0.getTime() - 25 * 3600_000).toISOString())
  const old = await file('cityscape', north(10), '星湖大道垃圾堆（昨天）')
  await at(t0.toISOString())
  const first = await file('cityscape', HERE, '星湖大道垃圾堆')
  await at(new Date(t0.getTime() + 3600_000).toISOString())
  const far = await file('cityscape', north(210), '星湖大道北段垃圾') // 150 m from the second
  const otherKind = await file('traffic', north(20), '星湖大道护栏倒了')
  const second = await file('cityscape', north(60), '星湖大道路边垃圾没人清')

  const dup = await staff<DuplicatesView>('demo-staff-nantong', 'volunteer', 'duplicates', { id: second.id })
  expect(dup).toMatchObject({ radiusM: 100, hours: 24, located: true })
  expect(dup.items).toEqual([expect.objectContaining({ id: first.id, caseNo: first.caseNo, status: 'submitted', earlier: true, distanceM: 60, category: 'cityscape', placeText: '星湖大道垃圾堆' })])
  const ids = dup.items.map((i) => i.id)
  for (const x of [old, far, otherKind]) expect(ids).not.toContain(x.id)
  // Seen from the first: the later one, not itself.
  const fromFirst = await staff<DuplicatesView>('demo-staff-nantong', 'volunteer', 'duplicates', { id: first.id })
  expect(fromFirst.items.map((i) => [i.id, i.earlier])).toEqual([[second.id, false]])

  // Rejected as a duplicate, naming the earlier case; the reporter reads why.
  const seen = await staff<ReviewView>('demo-staff-nantong', 'application', 'startReview', { id: second.id, version: 1 })
  await staff('demo-staff-nantong', 'application', 'reject', { id: second.id, version: seen.version, reason: `与 ${first.caseNo} 重复，已在处理` })
  const told = (await inbox('demo-rider'))[0]
  expect(told).toMatchObject({ title: '随手拍未被采纳', body: expect.stringContaining(first.caseNo) })
  const mine = await okData<ApplicationView>(s.call('application', 'getMine', { id: second.id }, { token: t['demo-rider'] }))
  expect(mine).toMatchObject({ status: 'rejected', decision: { reason: expect.stringContaining(first.caseNo) } })
  expect((await figures('demo-staff-nantong')).rows[0].rejected).toBeGreaterThanOrEqual(1)
})

test('a typed place without coordinates files too, and is compared by its words in its district', async () => {
  await at('2026-12-16T03:00:00Z')
  const a = await okData<ApplicationView>(report('demo-rider', { category: 'opinion', photos: [await upload('demo-rider')], place: { text: '学田新村 3 号楼' } }))
  await at('2026-12-16T03:20:00Z')
  const b = await okData<ApplicationView>(report('demo-rider', { category: 'opinion', photos: [await upload('demo-rider')], place: { text: '学田新村3号楼' }, note: '楼道灯坏了' }))
  const dup = await staff<DuplicatesView>('demo-staff-nantong', 'volunteer', 'duplicates', { id: b.id })
  expect(dup).toMatchObject({ located: false, items: [expect.objectContaining({ id: a.id, distanceM: null, earlier: true })] })
})

test('a report goes to the district where it was taken: 梁溪 staff see one 周小勇 took in 无锡', async () => {
  const filed = await okData<ApplicationView>(report('demo-rider', { category: 'cityscape', photos: [await upload('demo-rider')], place: { text: '中山路崇安寺', longitude: 120.305, latitude: 31.577 }, district: '320213' }))
  expect((await staff<ReviewView>('demo-staff-wuxi', 'application', 'detail', { id: filed.id })).applicant.regionLabel).toBe('无锡市 梁溪区')
  expect((await s.call('application', 'detail', { id: filed.id }, { token: t['demo-staff-nantong'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})

test('bad input: every error names its field in plain Chinese; nobody else’s photos', async () => {
  const photo = await upload('demo-rider')
  const cases: [object, Record<string, RegExp>][] = [
    [{ category: 'noise', photos: [photo], place: { text: '路口', ...HERE } }, { category: /请选择类别/ }],
    [{ category: 'hazard', photos: [], place: { text: '路口', ...HERE } }, { photos: /请至少拍一张照片/ }],
    [{ category: 'hazard', photos: [photo], place: { text: '路', ...HERE } }, { 'place.text': /请写明地点/ }],
    [{ category: 'hazard', photos: [photo], place: { text: '路口', longitude: 120.9 } }, { 'place.longitude': /位置不完整/ }],
    [{ category: 'hazard', photos: [photo], place: { text: '路口', longitude: 2.35, latitude: 48.85 } }, { 'place.longitude': /不在国内/ }],
    [{ category: 'hazard', photos: [photo], place: { text: '路口', ...HERE }, district: '110101' }, { district: /江苏省内/ }],
    [{ category: 'hazard', photos: [photo], place: { text: '路口', ...HERE }, district: '329999' }, { district: /没有这个区县/ }],
    [{ category: 'hazard', photos: [photo], place: { text: '路口', ...HERE }, note: '很'.repeat(201) }, { note: /最多 200 个字/ }],
    [{ category: 'hazard', photos: [await upload('demo-other')], place: { text: '路口', ...HERE } }, { photos: /./ }],
  ]
  for (const [data, fields] of cases) {
    const { body } = await report('demo-rider', data)
    expect({ data, body }).toMatchObject({ data, body: { ok: false, error: { code: 'INVALID_INPUT', fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, expect.stringMatching(v)])) } } })
  }
  const fwd = (data: object) => s.call('volunteer', 'forward', data, { token: t['demo-staff-nantong'] })
  expect((await fwd({ id: 'x', department: '城' })).body).toMatchObject({ ok: false, error: { fields: { department: expect.stringContaining('部门') } } })
  expect((await fwd({ id: 'nope', department: '崇川区城管局' })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  // Workers cannot forward, see duplicates or the desk's figures.
  for (const action of ['forward', 'duplicates', 'reportFigures']) {
    expect((await s.call('volunteer', action, {}, { token: t['demo-rider'] })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
})
