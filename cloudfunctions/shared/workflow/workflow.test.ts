import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KINDS } from '~types/kinds'
import { openLocalRuntime, type LocalRuntime } from '../../../server/local-runtime'
import { seedDemoData } from '../../../server/seed'
import { WAGES_REQUEST } from '../../../test/support/requests'
import { AUDIT } from '../audit/audit'
import type { Runtime, Transaction } from '../core/context'
import { KIND_DEFINITIONS } from '../kinds'
import { MESSAGES } from '../inbox/inbox.service'
import { submitLegalAid } from '../legal-aid/legal-aid.submit'
import { findUserByOpenid } from '../user/user.repository'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { figures, queue } from './queue.service'
import { approve, extend, reject, requestMore, startReview } from './review.service'
import { transition } from './transition'

/**
 * The workflow's services on the real embedded database, without HTTP: opening an application, the state machine,
 * the kind's messages and its in-transaction hook, and the queue's per-kind "due soon".
 * 2026-11-17 (a Tuesday) 10:00 Shanghai.
 */
let local: LocalRuntime
let rt: Runtime
let dir: string
let rider: UserDoc
let staff: UserDoc
let clock = new Date('2026-11-17T02:00:00Z')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nx-workflow-'))
  local = openLocalRuntime({ dataDir: dir, log: () => undefined, now: () => clock })
  rt = local.runtime
  await seedDemoData(rt)
  rider = (await findUserByOpenid(rt.db, 'demo-rider'))!
  staff = (await findUserByOpenid(rt.db, 'demo-staff-nantong'))!
})
afterAll(() => {
  local.close()
  rmSync(dir, { recursive: true, force: true })
})

const load = async (id: string) => (await rt.db.collection(APPLICATIONS).doc(id).get()).data[0] as ApplicationDoc
const messagesTo = async (openid: string) => (await rt.db.collection(MESSAGES).where({ openid }).orderBy('createdAt', 'desc').get()).data as { title: string; body: string }[]

test('openApplication: case number of the kind, the decision clock from its rules, the audit line and the received message', async () => {
  const view = await submitLegalAid(rt, rider, WAGES_REQUEST)
  expect(view.caseNo).toMatch(new RegExp(`^${KINDS.legalAid.casePrefix}-20261117-\\d{4}$`))
  // 7 working days from Tue 17 Nov: 18 19 20 23 24 25 26 → end of Thu 26 Nov, Shanghai.
  expect(view.clock.dueAt).toBe('2026-11-26T15:59:59.999Z')
  const doc = await load(view.id)
  expect(doc).toMatchObject({ kind: 'legalAid', service: 'legalAid', district: '320613', status: 'submitted', open: true, version: 1 })
  const { data: trail } = await rt.db.collection(AUDIT).where({ targetId: view.id }).get()
  expect(trail).toEqual([expect.objectContaining({ action: 'application.submit', actorId: rider._id, to: 'submitted' })])
  expect((await messagesTo(rider.openid))[0]).toMatchObject({ title: '已收到您的法律援助申请', body: expect.stringContaining(view.caseNo) })
})

test('a step on a stale version or from the wrong state is a CONFLICT in words; nothing is written', async () => {
  const view = await submitLegalAid(rt, rider, WAGES_REQUEST)
  await expect(startReview(rt, staff, { id: view.id, version: 9 })).rejects.toMatchObject({ code: 'CONFLICT' })
  await expect(transition(rt, await load(view.id), 'approve', { id: staff._id, role: 'staff' })).rejects.toMatchObject({ code: 'CONFLICT', message: '这份申请现在是“已提交”，不能批准' })
  expect(await load(view.id)).toMatchObject({ status: 'submitted', version: 1 })
})

test("approve checks the kind's details, naming details.<field>; the approval message is the kind's", async () => {
  const view = await submitLegalAid(rt, rider, WAGES_REQUEST)
  const started = await startReview(rt, staff, { id: view.id, version: 1 })
  await expect(approve(rt, staff, { id: view.id, version: started.version, details: { agency: '中心' } })).rejects.toMatchObject({
    code: 'INVALID_INPUT',
    fields: { 'details.contact': expect.any(String) },
  })
  const done = await approve(rt, staff, { id: view.id, version: started.version, details: { agency: '崇川区法律援助中心', contact: '0513 8500 0000' } })
  expect(done.decision).toMatchObject({ result: 'approved', details: { agency: '崇川区法律援助中心', contact: '051385000000' } })
  expect((await messagesTo(rider.openid))[0]).toMatchObject({ title: '法律援助申请已批准', body: expect.stringContaining('由崇川区法律援助中心承办') })
})

test("a rejection names the kind's appeal route; an extension tells the applicant the new date", async () => {
  const view = await submitLegalAid(rt, rider, WAGES_REQUEST)
  const extended = await extend(rt, staff, { id: view.id, version: 1, reason: '需要向平台核实' })
  expect(extended.clock.dueAt).toBe('2026-12-01T15:59:59.999Z')
  expect((await messagesTo(rider.openid))[0]).toMatchObject({ title: '法律援助申请的审查期限已延长', body: expect.stringContaining('2026-12-01 23:59') })
  const started = await startReview(rt, staff, { id: view.id, version: extended.version })
  await reject(rt, staff, { id: view.id, version: started.version, reason: '不属于法律援助范围。' })
  expect((await messagesTo(rider.openid))[0].body).toMatch(/理由：不属于法律援助范围。如对这个决定有异议，可以向所在区县的司法局提出（法律援助法第四十九条）。$/)
})

test("the kind's hook runs inside the step's transaction: its write lands with the step, and its refusal undoes everything", async () => {
  const view = await submitLegalAid(rt, rider, WAGES_REQUEST)
  const def = KIND_DEFINITIONS.legalAid
  const before = def.onTransition
  // A seat-like counter the hook takes on approval — the shape the academy will register.
  await rt.db.collection('counters').add({ _id: 'test-seats', left: 1 })
  def.onTransition = async ({ tx, step }: { tx: Transaction; step: string }) => {
    if (step !== 'approve') return
    const { data } = await tx.collection('counters').doc('test-seats').get()
    const left = (data as { left: number }).left
    if (left < 1) throw Object.assign(new Error('full'), { code: 'CONFLICT' })
    await tx.collection('counters').doc('test-seats').update({ left: left - 1 })
    return { summary: 'seat taken' }
  }
  try {
    const started = await startReview(rt, staff, { id: view.id, version: 1 })
    const approved = await approve(rt, staff, { id: view.id, version: started.version, details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } })
    expect(approved).toMatchObject({ status: 'approved', summary: 'seat taken' })
    expect((await rt.db.collection('counters').doc('test-seats').get()).data[0]).toMatchObject({ left: 0 })

    const second = await submitLegalAid(rt, rider, WAGES_REQUEST)
    const s2 = await startReview(rt, staff, { id: second.id, version: 1 })
    await expect(approve(rt, staff, { id: second.id, version: s2.version, details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } })).rejects.toThrow('full')
    expect(await load(second.id)).toMatchObject({ status: 'inReview', version: s2.version, decision: null })
    const { data: trail } = await rt.db.collection(AUDIT).where({ targetId: second.id, action: 'application.approve' }).get()
    expect(trail).toEqual([])
    // Nor on the application's own trail: its entry is written with the audit line, or not at all.
    expect((await load(second.id)).timeline?.map((e) => e.step)).toEqual(['submit', 'startReview'])
    // The approved one has both, and its answer was what was stored.
    expect((await load(view.id)).timeline?.map((e) => e.step)).toEqual(['submit', 'startReview', 'approve'])
  } finally {
    def.onTransition = before
  }
})

test("the queue's due-soon filter and figure use each kind's own window", async () => {
  clock = new Date('2026-11-24T02:00:00Z')
  const view = await submitLegalAid(rt, rider, WAGES_REQUEST)
  const more = await requestMore(rt, staff, { id: view.id, version: (await startReview(rt, staff, { id: view.id, version: 1 })).version, missing: '请补充排班表', workingDays: 2 })
  expect(more.status).toBe('needsMore')
  // Due within legal aid's 2 working days: the supplement deadline (2 working days) is; a 7-day decision is not.
  const soon = await queue(rt, staff, { due: 'soon' })
  expect(soon.rows.map((r) => r.id)).toContain(view.id)
  const fresh = await submitLegalAid(rt, rider, WAGES_REQUEST)
  expect((await queue(rt, staff, { due: 'soon' })).rows.map((r) => r.id)).not.toContain(fresh.id)
  expect((await figures(rt, staff)).dueSoon).toBe(soon.total)
})
