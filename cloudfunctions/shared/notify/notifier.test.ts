import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalRuntime, type LocalRuntime } from '../../../server/local-runtime'
import type { Runtime, Transaction } from '../core/context'
import { MESSAGES } from '../inbox/inbox.service'
import { NOTICES, deliver, deliverPending, noticesAbout, notify, type Notice } from './notifier'
import type { PushService } from './push'

let local: LocalRuntime
let rt: Runtime
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nx-notify-'))
  local = openLocalRuntime({ dataDir: dir, log: () => undefined, now: () => new Date('2026-12-01T02:00:00Z') })
  rt = local.runtime
})
afterEach(() => {
  local.close()
  rmSync(dir, { recursive: true, force: true })
})

const notice: Notice = {
  openid: 'o_rider',
  title: '法律援助申请已批准',
  body: '您的申请（FY-20261201-0001）已批准，由崇川区法律援助中心承办。',
  target: { kind: 'application', id: 'app1' },
  progress: { matter: '法律援助 FY-20261201-0001 (a long matter that WeChat would refuse)', status: '已批准', hint: '点开查看办理进度' },
}

async function notifyInTx(n: Notice = notice) {
  let doc: Awaited<ReturnType<typeof notify>> | undefined
  await rt.db.runTransaction(async (tx: Transaction) => {
    doc = await notify(rt, tx, n)
  })
  return doc!
}

test('one transaction writes the inbox message and the notice; locally the notice is the labelled sandbox', async () => {
  const doc = await notifyInTx()
  expect((await rt.db.collection(MESSAGES).where({ openid: 'o_rider' }).get()).data).toEqual([expect.objectContaining({ title: notice.title, target: notice.target })])
  // WeChat's keyword limits: thing ≤ 20 characters, phrase ≤ 5.
  expect([...doc.fields.thing1].length).toBeLessThanOrEqual(20)
  expect(doc.fields).toMatchObject({ phrase2: '已批准', time3: '2026-12-01 10:00', thing4: '点开查看办理进度' })
  expect(doc.page).toBe('packages/applications/pages/detail/index?id=app1')
  await deliver(rt, [doc])
  expect(await noticesAbout(rt.db, 'o_rider', 'app1')).toEqual([expect.objectContaining({ state: 'sandbox' })])
  expect(await noticesAbout(rt.db, 'o_other', 'app1')).toEqual([])
})

test('a refused transaction leaves neither message nor notice', async () => {
  await expect(
    rt.db.runTransaction(async (tx: Transaction) => {
      await notify(rt, tx, notice)
      throw new Error('the step was refused')
    }),
  ).rejects.toThrow('refused')
  expect((await rt.db.collection(MESSAGES).count()).total).toBe(0)
  expect((await rt.db.collection(NOTICES).count()).total).toBe(0)
})

test('a push that fails stays pending for the hourly retry, and gives up after five tries; a refusal is final', async () => {
  let calls = 0
  const flaky: PushService = { send: async () => (++calls === 1 ? Promise.reject(new Error('network')) : 'failed') }
  rt.push = flaky
  const doc = await notifyInTx()
  await deliver(rt, [doc])
  expect((await noticesAbout(rt.db, 'o_rider', 'app1'))[0].state).toBe('pending')
  for (let i = 0; i < 5; i++) await deliverPending(rt)
  expect((await noticesAbout(rt.db, 'o_rider', 'app1'))[0].state).toBe('failed')
  expect(calls).toBe(5)

  rt.push = { send: async () => 'refused' }
  await deliver(rt, [await notifyInTx({ ...notice, target: { kind: 'application', id: 'app2' } })])
  expect((await noticesAbout(rt.db, 'o_rider', 'app2'))[0].state).toBe('refused')
  expect(await deliverPending(rt)).toBe(0)
})
