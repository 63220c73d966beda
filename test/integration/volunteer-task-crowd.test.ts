import type { StaffTaskView, TaskDetail } from '~types/volunteer-task.schema'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { SIGNUPS, TASKS, type SignupDoc, type TaskDoc } from '../../cloudfunctions/shared/volunteer/task.doc'
import { cancelSignup, signUp } from '../../cloudfunctions/shared/volunteer/task.signup'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Slots under a crowd, with the engine refusing conflicting writes as CloudBase does (single-document operations in
 * each transaction, conflicts retried): 100 workers sign up at once for a task of 20 slots → exactly 20 signed up,
 * nobody twice, the counter on the task 20; then 10 cancel while 30 more try → never more than 20.
 */
const clock = new Date('2026-12-01T02:00:00Z')
let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ seed: false, now: () => clock })
})
afterAll(() => s.close())

const N = 100
const SLOTS = 20

async function taskNow(id: string): Promise<TaskDoc> {
  const { data } = await s.runtime.db.collection(TASKS).doc(id).get()
  return data[0] as TaskDoc
}

async function signedUp(taskId: string): Promise<SignupDoc[]> {
  const { data } = await s.runtime.db.collection(SIGNUPS).where({ taskId, state: 'signedUp' }).limit(1000).get()
  return data as SignupDoc[]
}

test('100 sign-ups at once for 20 slots → exactly 20, nobody twice, counter 20; cancellations and a second wave hold it', async () => {
  const staffToken = await s.login('crowd-staff')
  await okData(s.call('user', 'saveProfile', validProfile(700, { realName: '崇川志愿', mobile: '13500000700' }), { token: staffToken }))
  const staffUser = (await findUserByOpenid(s.runtime.db, 'crowd-staff'))!
  await s.runtime.db.collection('users').doc(staffUser._id).update({ 'roles.staff': [{ districtCode: '320613', services: ['volunteer'], grantedAt: clock, grantedBy: 'test' }] })
  const task = await okData<StaffTaskView>(s.call('volunteer', 'publishTask', {
    title: '濠河马拉松补给站', description: '', place: { text: '濠河北入口', longitude: 120.8745, latitude: 32.0131 }, district: '320613', cityWide: false,
    date: '2026-12-06', start: '07:00', end: '11:00', slots: SLOTS, minutes: 240,
  }, { token: staffToken }))

  for (let i = 0; i < N + 30; i++) {
    const token = await s.login(`crowd-${i}`)
    await okData(s.call('user', 'saveProfile', validProfile(710 + i, { mobile: `135${String(1000 + i).padStart(8, '0')}` }), { token }))
  }
  const users = (await Promise.all(Array.from({ length: N + 30 }, (_, i) => findUserByOpenid(s.runtime.db, `crowd-${i}`)))).map((u) => u!)

  const started = Date.now()
  // Ten of them tap twice.
  const calls = [...users.slice(0, N), ...users.slice(0, 10)].map((u) => signUp(s.runtime, u, task.id))
  const results = await Promise.allSettled(calls)
  const ms = Date.now() - started
  const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<TaskDetail>[]
  const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
  expect(won).toHaveLength(SLOTS)
  for (const r of lost) expect(r.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/名额已满|已经报名/) })
  const rows = await signedUp(task.id)
  expect(rows).toHaveLength(SLOTS)
  expect(new Set(rows.map((r) => r.userId)).size).toBe(SLOTS)
  expect((await taskNow(task.id)).slotsTaken).toBe(SLOTS)
  // Each answer's slots left is what its own commit left: 19, 18 … 0, each once.
  expect(won.map((r) => r.value.slotsLeft).sort((a, b) => a - b)).toEqual(Array.from({ length: SLOTS }, (_, i) => i))
  console.log(`volunteer crowd: ${calls.length} simultaneous sign-ups for ${SLOTS} slots in ${ms} ms`)

  // 10 of those in cancel while the 30 who never tried, and 10 who lost, try at once.
  const byId = new Map(users.map((u) => [u._id, u]))
  const leaving = rows.slice(0, 10).map((r) => byId.get(r.userId)!)
  const losers = users.slice(0, N).filter((u) => !rows.some((r) => r.userId === u._id)).slice(0, 10)
  const wave = await Promise.allSettled([
    ...leaving.map((u) => cancelSignup(s.runtime, u, task.id)),
    ...[...users.slice(N), ...losers].map((u) => signUp(s.runtime, u, task.id)),
  ])
  const cancelled = wave.slice(0, 10).filter((r) => r.status === 'fulfilled').length
  expect(cancelled).toBe(10)
  const after = await signedUp(task.id)
  const t = await taskNow(task.id)
  expect(t.slotsTaken).toBe(after.length)
  expect(after.length).toBeLessThanOrEqual(SLOTS)
  expect(new Set(after.map((r) => r.userId)).size).toBe(after.length)
  // A freed slot is really free: those still outside take them one by one until the task is full again.
  for (const u of [...users.slice(N), ...losers]) {
    if ((await taskNow(task.id)).slotsTaken >= SLOTS) break
    await signUp(s.runtime, u, task.id).catch(() => undefined)
  }
  expect((await signedUp(task.id)).length).toBe(SLOTS)
  expect((await taskNow(task.id)).slotsTaken).toBe(SLOTS)
}, 180_000)
