import type { ApplicationView, QueueFigures, QueuePage, QueueRow, ReviewView } from '~types/application.schema'
import type { FileLink } from '~types/file.schema'
import type { MessageView } from '~types/inbox.schema'
import { runScheduledOnce } from '../../server/scheduler'
import { okData, WAGES_REQUEST } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'
import { TINY_PDF } from '../support/files'

/**
 * The whole loop over HTTP against the real server: a rider files, staff of that district review, ask for more,
 * the rider supplements, staff approve, the rider sees the decision — and everyone else sees nothing.
 * The clock is the server's own, moved by the test: 2026-09-29 is the Tuesday before National Day.
 */
let clock = new Date('2026-09-29T02:00:00Z')
let s: TestServer
const t: Record<string, string> = {}

/** Moves the server's clock; local sign-ins last a week, so everyone signs in again at the new time. */
async function at(iso: string) {
  clock = new Date(iso)
  for (const who of ['demo-rider', 'demo-courier', 'demo-staff-nantong', 'demo-staff-wuxi']) t[who] = await s.login(who)
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  await at(clock.toISOString())
})
afterAll(() => s.close())

const wages = WAGES_REQUEST

const ok = okData
const call = <T>(who: string, action: string, data: unknown, requestId?: string) => ok<T>(s.call('application', action, data, { token: t[who], requestId }))
const raw = (who: string, action: string, data: unknown) => s.call('application', action, data, { token: t[who] })
/** The rider files through the legalAid function; everything after is the application function's. */
const file = (data: unknown, requestId?: string) => ok<ApplicationView>(s.call('legalAid', 'submit', data, { token: t['demo-rider'], requestId }))
const rawFile = (data: unknown) => s.call('legalAid', 'submit', data, { token: t['demo-rider'] })

test('file → review → ask for more → supplement → approve, with the deadline across National Day and its make-up Saturday', async () => {
  const filed = await file(wages, 'file-1')
  expect(filed).toMatchObject({ status: 'submitted', version: 1, caseNo: expect.stringMatching(/^FY-20260929-\d{4}$/), urgent: false })
  // Sep 30 · (Oct 1–7 off) · Oct 8 · 9 · 10 (调休 Saturday) · 12 · 13 · 14 → 7 working days.
  expect(filed.clock).toEqual({ dueAt: '2026-10-14T15:59:59.999Z', pausedWithWorkingDays: null, extended: false, provisional: false })
  expect(filed.payload).toMatchObject({ hardshipExempt: true })
  // A retry of the same submission returns the same application.
  expect((await file(wages, 'file-1')).id).toBe(filed.id)

  const inbox = await ok<{ items: MessageView[] }>(s.call('user', 'listMessages', {}, { token: t['demo-rider'] }))
  expect(inbox.items[0]).toMatchObject({ title: '已收到您的法律援助申请', target: { kind: 'application', id: filed.id } })

  const q = await call<{ rows: QueueRow[]; total: number }>('demo-staff-nantong', 'queue', {})
  expect(q.rows.map((r) => r.id)).toContain(filed.id)
  const row = q.rows.find((r) => r.id === filed.id)!
  expect(row).toMatchObject({ applicantName: '周小勇', regionLabel: '南通市 崇川区', status: 'submitted', overdue: false })

  let seen = await call<ReviewView>('demo-staff-nantong', 'detail', { id: filed.id })
  expect(seen.applicant).toMatchObject({ name: '周小勇', idNumberMasked: expect.stringMatching(/^320\*{11}/) })
  seen = await call<ReviewView>('demo-staff-nantong', 'startReview', { id: filed.id, version: seen.version })
  expect(seen.status).toBe('inReview')

  await at('2026-10-09T02:00:00Z') // Friday Oct 9: 4 working days left — Sat 10 (调休), 12, 13, 14
  seen = await call<ReviewView>('demo-staff-nantong', 'requestMore', { id: filed.id, version: seen.version, missing: '请补充跑单记录截图和站点排班表', workingDays: 5 })
  expect(seen.status).toBe('needsMore')
  expect(seen.clock).toMatchObject({ dueAt: null, pausedWithWorkingDays: 4 })

  const mine = await call<ApplicationView>('demo-rider', 'getMine', { id: filed.id })
  expect(mine.supplement).toMatchObject({ missing: '请补充跑单记录截图和站点排班表' })

  await at('2026-10-12T02:00:00Z') // Monday: the clock restarts with 4 working days → Friday Oct 16.
  const answered = await call<ApplicationView>('demo-rider', 'supplement', { id: filed.id, note: '已上传 8 月跑单记录截图', attachments: [] })
  expect(answered).toMatchObject({ status: 'resubmitted', clock: { dueAt: '2026-10-16T15:59:59.999Z', pausedWithWorkingDays: null } })

  seen = await call<ReviewView>('demo-staff-nantong', 'detail', { id: filed.id })
  seen = await call<ReviewView>('demo-staff-nantong', 'approve', { id: filed.id, version: seen.version, details: { agency: '崇川区法律援助中心 王律师', contact: '0513-85000000' } })
  expect(seen).toMatchObject({ status: 'approved', decision: { result: 'approved', details: { agency: '崇川区法律援助中心 王律师' } } })

  const final = await call<ApplicationView>('demo-rider', 'getMine', { id: filed.id })
  expect(final.timeline.map((e) => e.step)).toEqual(['submit', 'startReview', 'requestMore', 'supplement', 'approve'])
  const after = await ok<{ items: MessageView[] }>(s.call('user', 'listMessages', {}, { token: t['demo-rider'] }))
  expect(after.items[0]).toMatchObject({ title: '法律援助申请已批准', body: expect.stringContaining('0513-85000000'), target: { kind: 'application', id: filed.id } })

  // Decided: no more steps.
  expect((await raw('demo-rider', 'withdraw', { id: filed.id })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})

test('nobody outside sees it: another district, another worker', async () => {
  await at('2026-11-02T02:00:00Z')
  const filed = await file(wages)
  const wuxi = await call<{ rows: QueueRow[] }>('demo-staff-wuxi', 'queue', {})
  expect(wuxi.rows.map((r) => r.id)).not.toContain(filed.id)
  for (const [who, action, data] of [
    ['demo-staff-wuxi', 'detail', { id: filed.id }],
    ['demo-staff-wuxi', 'startReview', { id: filed.id, version: 1 }],
    ['demo-courier', 'getMine', { id: filed.id }],
    ['demo-courier', 'withdraw', { id: filed.id }],
  ] as const) {
    expect((await raw(who, action, data)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  }
  // A worker is not staff at all.
  expect((await raw('demo-rider', 'queue', {})).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('two reviewers at once: one wins, the other gets a clear conflict', async () => {
  await at('2026-11-03T02:00:00Z')
  const filed = await file(wages)
  const both = await Promise.all([
    raw('demo-staff-nantong', 'startReview', { id: filed.id, version: 1 }),
    raw('demo-staff-nantong', 'reject', { id: filed.id, version: 1, reason: '不属于法律援助范围' }),
  ])
  const wins = both.filter((r) => r.body.ok)
  expect(wins.length).toBeLessThanOrEqual(1)
  for (const r of both.filter((x) => !x.body.ok)) expect(r.body).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  const racing = await call<ReviewView>('demo-staff-nantong', 'detail', { id: filed.id })
  const [a, b] = await Promise.all([
    raw('demo-staff-nantong', 'requestMore', { id: filed.id, version: racing.version, missing: '请补充工资流水' }),
    raw('demo-staff-nantong', 'requestMore', { id: filed.id, version: racing.version, missing: '请补充劳动合同' }),
  ])
  expect([a, b].filter((r) => r.body.ok)).toHaveLength(racing.status === 'inReview' ? 1 : 0)
})

test('a request for materials left unanswered past its deadline turns into withdrawn, by the scheduler', async () => {
  await at('2026-11-09T02:00:00Z') // Monday
  const filed = await file(wages)
  let seen = await call<ReviewView>('demo-staff-nantong', 'startReview', { id: filed.id, version: 1 })
  seen = await call<ReviewView>('demo-staff-nantong', 'requestMore', { id: filed.id, version: seen.version, missing: '请补充身份证明', workingDays: 1 })
  await at('2026-11-10T10:00:00Z') // Tuesday evening: still in time
  await runScheduledOnce(s.runtime)
  expect((await call<ApplicationView>('demo-rider', 'getMine', { id: filed.id })).status).toBe('needsMore')
  await at('2026-11-11T01:00:00Z') // Wednesday morning: past the end of Tuesday
  await runScheduledOnce(s.runtime)
  const gone = await call<ApplicationView>('demo-rider', 'getMine', { id: filed.id })
  expect(gone.status).toBe('withdrawn')
  expect(gone.timeline.at(-1)).toMatchObject({ step: 'expire', actorRole: 'system' })
  const inbox = await ok<{ items: MessageView[] }>(s.call('user', 'listMessages', {}, { token: t['demo-rider'] }))
  expect(inbox.items[0].title).toBe('法律援助申请已视为撤回')
})

test('extend once, with a reason; hardship is asked for only where the law asks', async () => {
  await at('2026-11-16T02:00:00Z') // Monday → due Tuesday Nov 25
  const filed = await file(wages)
  expect(filed.clock.dueAt).toBe('2026-11-25T15:59:59.999Z')
  const once = await call<ReviewView>('demo-staff-nantong', 'extend', { id: filed.id, version: 1, reason: '需要向平台核实用工关系' })
  expect(once.clock).toMatchObject({ dueAt: '2026-11-30T15:59:59.999Z', extended: true })
  expect((await raw('demo-staff-nantong', 'extend', { id: filed.id, version: once.version, reason: '再延长一次' })).body).toMatchObject({ error: { code: 'CONFLICT' } })

  const traffic = { ...wages, caseType: 'trafficAccident' as const }
  expect((await rawFile(traffic)).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { hardship: expect.any(String) } } })
  const withHardship = await file({ ...traffic, hardship: '一家四口靠我一个人跑单，月收入约四千元', urgent: { limitationEndsSoon: true, preservationNeeded: false } })
  expect(withHardship).toMatchObject({ urgent: true, payload: { hardshipExempt: false } })

  const review = await call<ReviewView>('demo-staff-nantong', 'startReview', { id: withHardship.id, version: 1 })
  await call<ReviewView>('demo-staff-nantong', 'approve', { id: withHardship.id, version: review.version, details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } })
  const figures = await call<QueueFigures>('demo-staff-nantong', 'figures', {})
  expect(figures.open).toBeGreaterThanOrEqual(2)
  expect(figures.decidedThisMonth).toBeGreaterThanOrEqual(1)
  expect(figures.medianWorkingDaysToDecide).toEqual(expect.any(Number))
})

test('the full ID number is a separate, audited step, for staff in scope only; the applicant does not see the look', async () => {
  await at('2026-11-17T02:00:00Z')
  const filed = await file(wages)
  const shown = await call<{ idNumber: string }>('demo-staff-nantong', 'revealIdNumber', { id: filed.id })
  expect(shown.idNumber).toMatch(/^320613\d{11}[\dX]$/)
  expect((await raw('demo-staff-wuxi', 'revealIdNumber', { id: filed.id })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const { data } = await s.runtime.db.collection('audit').where({ targetId: filed.id, action: 'application.revealId' }).get()
  expect(data).toHaveLength(1)
  const mine = await call<ApplicationView>('demo-rider', 'getMine', { id: filed.id })
  expect(mine.timeline.map((e) => e.step)).toEqual(['submit'])
})

test('attachments: only your own files attach; reviewing staff of that district can read them, others cannot', async () => {
  await at('2026-11-18T02:00:00Z')
  const pdf = TINY_PDF
  const upload = async (who: string) => {
    const res = await fetch(`${s.url}/api/files`, { method: 'POST', headers: { 'content-type': 'application/pdf', authorization: `Bearer ${t[who]}`, 'x-file-name': encodeURIComponent('工资条.pdf') }, body: pdf })
    return ((await res.json()) as { data: { fileId: string } }).data.fileId
  }
  const mine = await upload('demo-rider')
  const theirs = await upload('demo-courier')
  expect((await rawFile({ ...wages, attachments: [theirs] })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { attachments: expect.any(String) } } })
  const filed = await file({ ...wages, attachments: [mine] })
  expect(filed.attachments).toEqual([{ fileId: mine, name: '工资条.pdf', size: pdf.length, contentType: 'application/pdf' }])
  /** What a client does to open it: ask for a link (the access check), then fetch the link with no identity. */
  const read = async (who: string) => {
    const link = await raw(who, 'fileLink', { fileId: mine })
    if (!link.body.ok) return link.body.error?.code
    const res = await fetch(`${s.url}${(link.body.data as FileLink).url}`)
    return res.status === 200 ? Buffer.from(await res.arrayBuffer()) : res.status
  }
  expect(await read('demo-staff-nantong')).toEqual(pdf)
  expect(await read('demo-staff-wuxi')).toBe('NOT_FOUND')
  expect(await read('demo-courier')).toBe('NOT_FOUND')
  expect(await read('demo-rider')).toEqual(pdf)
  // Staff see it on the application they review, as the applicant does.
  expect((await call<ReviewView>('demo-staff-nantong', 'detail', { id: filed.id })).attachments.map((f) => f.name)).toEqual(['工资条.pdf'])

  // Two rounds of "please add …": every file sent stays on the application, readable by its reviewers.
  let seen = await call<ReviewView>('demo-staff-nantong', 'detail', { id: filed.id })
  const sent = [mine]
  for (const round of [1, 2]) {
    await at(`2026-11-18T0${2 + round}:00:00Z`) // each answer comes later than the application
    seen = await call<ReviewView>('demo-staff-nantong', 'startReview', { id: filed.id, version: seen.version })
    seen = await call<ReviewView>('demo-staff-nantong', 'requestMore', { id: filed.id, version: seen.version, missing: `第 ${round} 次：请补充站点排班表` })
    const more = await upload('demo-rider')
    sent.push(more)
    // The second answer is a photo alone: no note needed when files come with it.
    await call<ApplicationView>('demo-rider', 'supplement', { id: filed.id, note: round === 1 ? '第 1 次补充' : '', attachments: [more] })
    seen = await call<ReviewView>('demo-staff-nantong', 'detail', { id: filed.id })
  }
  expect(seen.attachments.map((f) => f.fileId)).toEqual(sent)
  // The reviewer reads where each came from, each file once: as filed, with this answer, with the earlier one.
  expect(seen.files).toEqual({
    filed: [expect.objectContaining({ fileId: sent[0] })],
    answer: [expect.objectContaining({ fileId: sent[2] })],
    earlierAnswers: [expect.objectContaining({ fileId: sent[1] })],
    answerAlsoFiled: 0,
  })
  const listed = (await call<ApplicationView[]>('demo-rider', 'listMine', {})).find((a) => a.id === filed.id)
  expect(listed?.attachments.map((f) => f.fileId)).toEqual(sent)
  for (const id of sent) {
    const link = await raw('demo-staff-nantong', 'fileLink', { fileId: id })
    expect(link.body.ok).toBe(true)
    expect((await raw('demo-staff-wuxi', 'fileLink', { fileId: id })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  }
  // Someone else's upload cannot ride in on a supplement either.
  seen = await call<ReviewView>('demo-staff-nantong', 'startReview', { id: filed.id, version: seen.version })
  seen = await call<ReviewView>('demo-staff-nantong', 'requestMore', { id: filed.id, version: seen.version, missing: '请补充银行流水' })
  expect((await raw('demo-rider', 'supplement', { id: filed.id, note: '银行流水', attachments: [theirs] })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { attachments: expect.any(String) } } })
  expect((await call<ApplicationView>('demo-rider', 'getMine', { id: filed.id })).status).toBe('needsMore')
})

test('a case number finds its case whatever the filters: decided, lowercase, a bare serial; a name search says what the filters hide', async () => {
  await at('2026-11-19T02:00:00Z')
  const decided = await file(wages)
  const open = await file(wages)
  let seen = await call<ReviewView>('demo-staff-nantong', 'startReview', { id: decided.id, version: 1 })
  await call<ReviewView>('demo-staff-nantong', 'reject', { id: decided.id, version: seen.version, reason: '不属于法律援助范围' })
  const q = (data: object) => call<QueuePage>('demo-staff-nantong', 'queue', data)
  const ids = (page: QueuePage) => page.rows.map((r) => r.id)

  // The default filter (every open one) would hide it; a case number is looked up anyway, and the answer says so.
  const exact = await q({ q: decided.caseNo })
  expect(ids(exact)).toEqual([decided.id])
  expect(exact.search).toEqual({ byCaseNo: true, hidden: 0 })
  // Filters that contradict it do not hide it either.
  expect(ids(await q({ q: decided.caseNo, status: 'needsMore', due: 'overdue' }))).toEqual([decided.id])
  // Typed as heard: lowercase, spaces, a full-width dash, the start, or the serial alone.
  expect(ids(await q({ q: decided.caseNo.toLowerCase() }))).toEqual([decided.id])
  expect(ids(await q({ q: ` ${decided.caseNo.replace(/-/g, '－')} ` }))).toEqual([decided.id])
  const day = decided.caseNo.slice(0, 11) // FY-20261119
  expect(ids(await q({ q: day.toLowerCase() }))).toEqual(expect.arrayContaining([decided.id, open.id]))
  const serial = decided.caseNo.slice(-4)
  const bySerial = await q({ q: String(Number(serial)) })
  expect(ids(bySerial)).toContain(decided.id)
  for (const r of bySerial.rows) expect(r.caseNo.endsWith(`-${serial}`)).toBe(true)
  expect(ids(await q({ q: serial }))).toContain(decided.id)
  // Within the reviewer's scope only.
  expect((await call<QueuePage>('demo-staff-wuxi', 'queue', { q: decided.caseNo })).total).toBe(0)
  expect((await call<QueuePage>('demo-staff-wuxi', 'queue', { q: serial })).rows.filter((r) => r.id === decided.id)).toEqual([])

  // A name keeps the filters, and says how many they leave out: here the decided one (and earlier tests' cases).
  const byName = await q({ q: '周小勇' })
  expect(byName.search?.byCaseNo).toBe(false)
  expect(ids(byName)).toContain(open.id)
  expect(ids(byName)).not.toContain(decided.id)
  expect(byName.search?.hidden).toBeGreaterThanOrEqual(1)
  const everything = await q({ q: '周小勇', status: 'any' })
  expect(ids(everything)).toEqual(expect.arrayContaining([decided.id, open.id]))
  expect(everything.search?.hidden).toBe(0)
  expect(everything.total).toBe(byName.total + byName.search!.hidden)
  // No search, no search notes.
  expect((await q({})).search).toBeUndefined()
  expect((await raw('demo-staff-nantong', 'queue', { status: 'nonsense' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test('办结: an approved application is closed by staff in scope (not before, not twice), the applicant is told, and 已办结 lists it', async () => {
  await at('2026-11-20T02:00:00Z')
  const filed = await file(wages)
  let seen = await call<ReviewView>('demo-staff-nantong', 'startReview', { id: filed.id, version: 1 })
  // Not decided yet: nothing to close.
  expect((await raw('demo-staff-nantong', 'close', { id: filed.id, version: seen.version })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('不能办结') } })
  seen = await call<ReviewView>('demo-staff-nantong', 'approve', { id: filed.id, version: seen.version, details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } })
  expect((await raw('demo-staff-wuxi', 'close', { id: filed.id, version: seen.version })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await raw('demo-rider', 'close', { id: filed.id, version: seen.version })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // A retry of the same tap answers the same view; the step is taken once.
  const closed = await call<ReviewView>('demo-staff-nantong', 'close', { id: filed.id, version: seen.version, note: '已由援助律师代理，劳动仲裁调解结案' }, 'close-1')
  expect(await call<ReviewView>('demo-staff-nantong', 'close', { id: filed.id, version: seen.version, note: '已由援助律师代理，劳动仲裁调解结案' }, 'close-1')).toMatchObject({ status: 'done', version: closed.version })
  expect(closed).toMatchObject({ status: 'done', decision: { result: 'approved' } })
  expect(closed.timeline.at(-1)).toMatchObject({ step: 'close', from: 'approved', to: 'done', actorRole: 'staff', note: '已由援助律师代理，劳动仲裁调解结案' })
  expect((await raw('demo-staff-nantong', 'close', { id: filed.id, version: closed.version })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

  const mine = await call<ApplicationView>('demo-rider', 'getMine', { id: filed.id })
  expect(mine.status).toBe('done')
  expect(mine.timeline.map((e) => e.step)).toEqual(['submit', 'startReview', 'approve', 'close'])
  const inbox = await ok<{ items: MessageView[] }>(s.call('user', 'listMessages', {}, { token: t['demo-rider'] }))
  expect(inbox.items[0]).toMatchObject({ title: '法律援助申请已办结', body: expect.stringContaining(filed.caseNo), target: { kind: 'application', id: filed.id } })
  const done = await call<QueuePage>('demo-staff-nantong', 'queue', { status: 'done' })
  expect(done.rows.map((r) => r.id)).toContain(filed.id)
})

test('the reviewers\' trail names who took each step; the applicant\'s says 工作人员', async () => {
  await at('2026-11-23T02:00:00Z')
  const filed = await file(wages)
  const seen = await call<ReviewView>('demo-staff-nantong', 'startReview', { id: filed.id, version: 1 })
  await call<ReviewView>('demo-staff-nantong', 'requestMore', { id: filed.id, version: seen.version, missing: '请补充站点排班表' })
  const trail = (await call<ReviewView>('demo-staff-nantong', 'detail', { id: filed.id })).timeline
  expect(trail.map((e) => [e.step, e.actorRole, e.actorName])).toEqual([
    ['submit', 'worker', undefined],
    ['startReview', 'staff', '顾敏'],
    ['requestMore', 'staff', '顾敏'],
  ])
  const mine = await call<ApplicationView>('demo-rider', 'getMine', { id: filed.id })
  expect(mine.timeline.map((e) => e.actorName)).toEqual([undefined, undefined, undefined])
  expect(JSON.stringify(mine)).not.toContain('顾敏')
})

test('全部标为已读: every unread message of the caller at once, nobody else\'s', async () => {
  const before = await ok<{ unread: number }>(s.call('user', 'listMessages', {}, { token: t['demo-rider'] }))
  expect(before.unread).toBeGreaterThan(1)
  const courier = await ok<{ unread: number }>(s.call('user', 'listMessages', {}, { token: t['demo-courier'] }))
  expect(await ok(s.call('user', 'markAllRead', {}, { token: t['demo-rider'], requestId: 'all-read-1' }))).toEqual({ unread: 0 })
  const after = await ok<{ items: MessageView[]; unread: number }>(s.call('user', 'listMessages', {}, { token: t['demo-rider'] }))
  expect(after.unread).toBe(0)
  expect(after.items.every((m) => m.read)).toBe(true)
  expect((await ok<{ unread: number }>(s.call('user', 'listMessages', {}, { token: t['demo-courier'] }))).unread).toBe(courier.unread)
  // Nothing left to mark: still fine.
  expect(await ok(s.call('user', 'markAllRead', {}, { token: t['demo-rider'] }))).toEqual({ unread: 0 })
})
