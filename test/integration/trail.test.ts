import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { MessageView } from '~types/inbox.schema'
import { installRoundTripCounter, resetRoundTrips, takeRoundTrips } from '../../bench/lib/round-trip-counter'
import type { ApplicationDoc } from '../../cloudfunctions/shared/workflow/application.doc'
import { okData, WAGES_REQUEST } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'
import { tinyPng } from '../support/files'
import { validProfile } from '../support/profiles'

/**
 * Each application keeps its own trail (`timeline`), appended in the transaction that takes each step — the same
 * transaction that adds the audit line — so 我的申请 and the workbench read the steps without querying the audit
 * collection; applications filed before the trail existed read the audit lines as before. Writes record their
 * requestId inside their own transaction, and answer from what they wrote.
 */
let s: TestServer
const t: Record<string, string> = {}
const RIDER = 'demo-rider'
const STAFF = 'demo-staff-nantong'

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  for (const who of [RIDER, STAFF, 'demo-courier']) t[who] = await s.login(who)
  installRoundTripCounter()
})
afterAll(() => s.close())

const call = <T>(who: string, fn: string, action: string, data: unknown, requestId?: string) => okData<T>(s.call(fn, action, data, { token: t[who], requestId }))
const raw = (who: string, fn: string, action: string, data: unknown, requestId?: string) => s.call(fn, action, data, { token: t[who], requestId })
const file = (data: unknown = WAGES_REQUEST, requestId?: string) => call<ApplicationView>(RIDER, 'legalAid', 'submit', data, requestId)
const app = async (id: string) => (await s.runtime.db.collection('applications').doc(id).get()).data[0] as ApplicationDoc
const auditOf = async (id: string) =>
  (await s.runtime.db.collection('audit').where({ targetId: id, targetType: 'application' }).orderBy('at', 'asc').get()).data as { action: string }[]
/** Makes an application look as one filed before it kept its own trail. */
const dropTrail = (id: string) => s.runtime.db.collection('applications').doc(id).update({ timeline: s.runtime.db.command.remove() })
async function upload(who: string): Promise<string> {
  const res = await fetch(`${s.url}/api/files`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${t[who]}` }, body: tinyPng() })
  return ((await res.json()) as { data: { fileId: string } }).data.fileId
}
/** The database calls one action makes, as production would send them. */
async function tripsOf(run: () => Promise<unknown>): Promise<string[]> {
  resetRoundTrips()
  await run()
  const { calls } = takeRoundTrips()
  return calls.map((c) => c.label)
}

/** Filed, reviewed, asked for more, answered with a photo, approved: five steps. */
async function decidedCase(): Promise<{ id: string }> {
  const filed = await file()
  let seen = await call<ReviewView>(STAFF, 'application', 'startReview', { id: filed.id, version: 1 })
  seen = await call<ReviewView>(STAFF, 'application', 'requestMore', { id: filed.id, version: seen.version, missing: '请补充工资条' })
  await call<ApplicationView>(RIDER, 'application', 'supplement', { id: filed.id, note: '已补充工资条', attachments: [await upload(RIDER)] })
  await call<ReviewView>(STAFF, 'application', 'approve', { id: filed.id, version: seen.version + 1, details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } })
  return filed
}

test('every step lands on the application and in the audit collection together; a refused step adds to neither', async () => {
  const filed = await file()
  expect(filed.timeline).toEqual([expect.objectContaining({ step: 'submit', actorRole: 'worker', from: null, to: 'submitted' })])
  const started = await call<ReviewView>(STAFF, 'application', 'startReview', { id: filed.id, version: 1 })
  expect((await app(filed.id)).timeline).toEqual([
    expect.objectContaining({ step: 'submit', visibleToApplicant: true }),
    expect.objectContaining({ step: 'startReview', actorRole: 'staff', actorName: '顾敏', from: 'submitted', to: 'inReview' }),
  ])
  expect((await auditOf(filed.id)).map((a) => a.action)).toEqual(['application.submit', 'application.startReview'])

  // Refused (a stale version, a step not legal from here): the trail and the audit collection stay as they were.
  expect((await raw(STAFF, 'application', 'startReview', { id: filed.id, version: 1 })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect((await raw(STAFF, 'application', 'close', { id: filed.id, version: started.version })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect((await app(filed.id)).timeline).toHaveLength(2)
  expect(await auditOf(filed.id)).toHaveLength(2)
  // What the step answered is what was stored: the detail read afterwards says the same.
  expect(await call<ReviewView>(STAFF, 'application', 'detail', { id: filed.id })).toEqual(started)
})

test('an application filed before the trail existed reads its steps from the audit lines, as before — and goes on doing so after new steps', async () => {
  const { id } = await decidedCase()
  const mineBefore = await call<ApplicationView>(RIDER, 'application', 'getMine', { id })
  const detailBefore = await call<ReviewView>(STAFF, 'application', 'detail', { id })
  const listedBefore = (await call<ApplicationView[]>(RIDER, 'application', 'listMine', {})).find((a) => a.id === id)
  expect(mineBefore.timeline.map((e) => e.step)).toEqual(['submit', 'startReview', 'requestMore', 'supplement', 'approve'])
  expect(detailBefore.timeline.filter((e) => e.actorRole === 'staff').map((e) => e.actorName)).toEqual(['顾敏', '顾敏', '顾敏'])

  await dropTrail(id)
  expect((await app(id)).timeline).toBeUndefined()
  expect(await call<ApplicationView>(RIDER, 'application', 'getMine', { id })).toEqual(mineBefore)
  expect(await call<ReviewView>(STAFF, 'application', 'detail', { id })).toEqual(detailBefore)
  expect((await call<ApplicationView[]>(RIDER, 'application', 'listMine', {})).find((a) => a.id === id)).toEqual(listedBefore)

  // A step on it: audited as always, no partial trail started; every view still shows every step.
  const closed = await call<ReviewView>(STAFF, 'application', 'close', { id, version: detailBefore.version, note: '已结案' })
  expect((await app(id)).timeline).toBeUndefined()
  expect(closed.timeline.map((e) => e.step)).toEqual(['submit', 'startReview', 'requestMore', 'supplement', 'approve', 'close'])
  expect((await call<ApplicationView>(RIDER, 'application', 'getMine', { id })).timeline.at(-1)).toMatchObject({ step: 'close', note: '已结案' })
})

test('a trail short of a step (taken by an earlier release during a deploy) is not trusted: the audit lines are read', async () => {
  const { id } = await decidedCase()
  const before = await call<ApplicationView>(RIDER, 'application', 'getMine', { id })
  const doc = await app(id)
  await s.runtime.db.collection('applications').doc(id).update({ timeline: doc.timeline!.slice(0, -1) })
  expect(await call<ApplicationView>(RIDER, 'application', 'getMine', { id })).toEqual(before)
})

test("a revealed ID number is on the reviewers' trail with who looked, in the transaction with its audit line; never on the applicant's", async () => {
  const filed = await file()
  await call(STAFF, 'application', 'revealIdNumber', { id: filed.id })
  const trail = (await call<ReviewView>(STAFF, 'application', 'detail', { id: filed.id })).timeline
  expect(trail.map((e) => [e.step, e.actorName])).toEqual([['submit', undefined], ['revealId', '顾敏']])
  expect((await auditOf(filed.id)).map((a) => a.action)).toEqual(['application.submit', 'application.revealId'])
  const mine = await call<ApplicationView>(RIDER, 'application', 'getMine', { id: filed.id })
  expect(mine.timeline.map((e) => e.step)).toEqual(['submit'])
  // Not a new version: a decision taken on the version seen before the look still goes through.
  expect((await call<ReviewView>(STAFF, 'application', 'startReview', { id: filed.id, version: 1 })).timeline.map((e) => e.step)).toEqual(['submit', 'revealId', 'startReview'])
  // On an application without its own trail, the audit line alone, as before.
  const old = await file()
  await dropTrail(old.id)
  await call(STAFF, 'application', 'revealIdNumber', { id: old.id })
  expect((await call<ReviewView>(STAFF, 'application', 'detail', { id: old.id })).timeline.map((e) => e.step)).toEqual(['submit', 'revealId'])
})

test('a new request for materials replaces the last one whole: the earlier answer is not shown under it', async () => {
  const filed = await file()
  let seen = await call<ReviewView>(STAFF, 'application', 'startReview', { id: filed.id, version: 1 })
  seen = await call<ReviewView>(STAFF, 'application', 'requestMore', { id: filed.id, version: seen.version, missing: '第一次：请补充工资条' })
  const photo = await upload(RIDER)
  await call<ApplicationView>(RIDER, 'application', 'supplement', { id: filed.id, note: '第一次的回答', attachments: [photo] })
  seen = await call<ReviewView>(STAFF, 'application', 'startReview', { id: filed.id, version: seen.version + 1 })
  seen = await call<ReviewView>(STAFF, 'application', 'requestMore', { id: filed.id, version: seen.version, missing: '第二次：请补充排班表' })
  expect(seen.supplement).toEqual({ missing: '第二次：请补充排班表', deadline: expect.any(String) })
  // The earlier answer's photo stays on the application, as one sent with an earlier answer.
  expect(seen.files).toMatchObject({ answer: [], earlierAnswers: [expect.objectContaining({ fileId: photo })] })
  expect((await call<ApplicationView>(RIDER, 'application', 'getMine', { id: filed.id })).supplement).toEqual(seen.supplement)
})

describe('a requestId recorded inside the write\'s own transaction', () => {
  test('three taps on 提交 at once file one application; all three answer it', async () => {
    const before = (await call<ApplicationView[]>(RIDER, 'application', 'listMine', {})).length
    const taps = await Promise.all([1, 2, 3].map(() => raw(RIDER, 'legalAid', 'submit', WAGES_REQUEST, 'tap-submit')))
    const ids = taps.map((r) => (r.body as { ok: boolean; data: ApplicationView }).data.id)
    expect(new Set(ids).size).toBe(1)
    expect(taps.map((r) => r.body.ok)).toEqual([true, true, true])
    expect(await call<ApplicationView[]>(RIDER, 'application', 'listMine', {})).toHaveLength(before + 1)
    const inbox = await call<{ items: MessageView[] }>(RIDER, 'user', 'listMessages', {})
    expect(inbox.items.filter((m) => m.target?.id === ids[0])).toHaveLength(1)
    expect(await auditOf(ids[0])).toHaveLength(1)
  }, 20_000)

  test('three taps on 批准 at once approve once; all three answer the approved application', async () => {
    const filed = await file()
    const seen = await call<ReviewView>(STAFF, 'application', 'startReview', { id: filed.id, version: 1 })
    const input = { id: filed.id, version: seen.version, details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } }
    const taps = await Promise.all([1, 2, 3].map(() => raw(STAFF, 'application', 'approve', input, 'tap-approve')))
    expect(taps.map((r) => r.body)).toEqual(Array(3).fill(expect.objectContaining({ ok: true, data: expect.objectContaining({ status: 'approved', version: seen.version + 1 }) })))
    expect((await auditOf(filed.id)).map((a) => a.action)).toEqual(['application.submit', 'application.startReview', 'application.approve'])
    const inbox = await call<{ items: MessageView[] }>(RIDER, 'user', 'listMessages', {})
    expect(inbox.items.filter((m) => m.target?.id === filed.id && m.title === '法律援助申请已批准')).toHaveLength(1)
    // Later, the same tap answers the same; another content under the same requestId is refused.
    expect(await call<ReviewView>(STAFF, 'application', 'approve', input, 'tap-approve')).toMatchObject({ status: 'approved', version: seen.version + 1 })
    expect((await raw(STAFF, 'application', 'approve', { ...input, note: '另一份' }, 'tap-approve')).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  }, 20_000)

  test('a step refused on its own merits records nothing: the caller may send it again, under the same requestId', async () => {
    const filed = await file()
    expect((await raw(RIDER, 'application', 'supplement', { id: filed.id, note: '还没有被要求补充', attachments: [] }, 'early')).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const seen = await call<ReviewView>(STAFF, 'application', 'startReview', { id: filed.id, version: 1 })
    await call<ReviewView>(STAFF, 'application', 'requestMore', { id: filed.id, version: seen.version, missing: '请补充工资条' })
    expect(await call<ApplicationView>(RIDER, 'application', 'supplement', { id: filed.id, note: '还没有被要求补充', attachments: [] }, 'early')).toMatchObject({ status: 'resubmitted' })
  })

  test("someone else's application is not found, whatever the requestId", async () => {
    const filed = await file()
    expect((await raw('demo-courier', 'application', 'withdraw', { id: filed.id }, 'w-1')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await raw('demo-courier', 'application', 'withdraw', { id: filed.id }, 'w-1')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await app(filed.id)).status).toBe('submitted')
  })
})

describe('what a worker\'s reads cost (database round trips, identity included)', () => {
  test('我的申请 costs the same with one application or many, and no audit query', async () => {
    t['trips-worker'] = await s.login('trips-worker')
    await call('trips-worker', 'user', 'saveProfile', validProfile(401))
    const one = await call<ApplicationView>('trips-worker', 'legalAid', 'submit', WAGES_REQUEST)
    const list = () => call<ApplicationView[]>('trips-worker', 'application', 'listMine', {})
    const single = await tripsOf(list)
    expect(single).toEqual(['get users', 'get applications'])
    for (let i = 0; i < 4; i++) await call('trips-worker', 'legalAid', 'submit', { ...WAGES_REQUEST, attachments: i ? [] : [await upload('trips-worker')] })
    expect(await tripsOf(list)).toEqual(['get users', 'get applications', 'get files'])
    expect(await tripsOf(() => call('trips-worker', 'application', 'getMine', { id: one.id }))).toEqual(['get users', 'get applications'])

    // Applications filed before the trail existed: one audit query for all of them, not one each.
    for (const a of await list()) await dropTrail(a.id)
    expect(await tripsOf(list)).toEqual(['get users', 'get applications', 'get files', 'get audit'])
  }, 30_000)

  test('a submission and a review step read nothing back after their commit', async () => {
    const submit = await tripsOf(() => call(RIDER, 'legalAid', 'submit', WAGES_REQUEST, 'trips-submit'))
    expect(submit.filter((c) => !c.startsWith('tx') && c !== 'get users' && c !== 'update notices')).toEqual([])
    expect(submit).not.toContain('add idempotency')
    const filed = await file()
    const start = await tripsOf(() => call(STAFF, 'application', 'startReview', { id: filed.id, version: 1 }, 'trips-start'))
    // The identity, the transaction (its own read of the application and the requestId's record included), then the
    // applicant for the answer.
    expect(start).toEqual(['get users', 'tx.start', 'tx·get applications', 'tx·update applications', 'tx·add audit', 'tx·add idempotency', 'tx.commit', 'get users'])
  })
})
