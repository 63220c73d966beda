import { createVerify, generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { Envelope } from '~types/errors'
import type { PaymentView } from '~types/insurance.schema'
import type { Runtime } from '../../cloudfunctions/shared/core/context'
import type { CallLogLine } from '../../cloudfunctions/shared/core/log'
import { insuranceFunction } from '../../cloudfunctions/shared/insurance/insurance.function'
import type { OrderDoc } from '../../cloudfunctions/shared/insurance/policy.doc'
import { outTradeNoOf } from '../../cloudfunctions/shared/insurance/wechat-pay'
import { startCloudBaseStub, type CloudBaseStub } from '../../cloudfunctions/shared/platform/cloudbase-stub'
import { createCloudMain } from '../../cloudfunctions/shared/platform/cloud-main'
import { buildApp } from '../../server/app'
import { openLocalRuntime } from '../../server/local-runtime'
import { seedDemoData } from '../../server/seed'
import { issueToken } from '../../server/session'
import { validProfile } from '../support/profiles'
import { okData } from '../support/requests'
import { merchantEnv, signedNotification, startWechatPayStub, successfulTransaction, wechatPayKeys, type WechatPayStub } from '../support/wechat-pay-stub'

/**
 * The production path of the premium: WeChat Pay API v3 (JSAPI) against a local stand-in of its API
 * (test/support/wechat-pay-stub.ts — WeChat Pay cannot be reached offline), a runtime in the production stage with a
 * merchant configured, the real local server and the embedded database. enrol → approve → pay answers signed
 * requestPayment parameters for one prepay → WeChat's signed notification over real HTTP issues one policy;
 * everything forged, stale or not ours is refused and issues nothing.
 */
const keys = wechatPayKeys()
let clock = new Date()
let stub: WechatPayStub
let rt: Runtime
let app: FastifyInstance
let url = ''
let closeDb: () => void
const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-wechatpay-'))
const logs: CallLogLine[] = []
const savedEnv = { ...process.env }

beforeAll(async () => {
  stub = await startWechatPayStub(keys, () => clock)
  Object.assign(process.env, merchantEnv(keys, stub.url))
  const local = openLocalRuntime({ dataDir, log: (l) => logs.push(l), now: () => clock })
  closeDb = local.close
  // Built as the integration tests build theirs, in the stage CloudBase runs: no dev sign-in, no sandbox.
  rt = { ...local.runtime, stage: 'production' }
  await seedDemoData(rt)
  app = await buildApp({ runtime: rt })
  await app.listen({ host: '127.0.0.1', port: 0 })
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}, 60_000)

afterAll(async () => {
  await app.close()
  closeDb()
  await stub.stop()
  rmSync(dataDir, { recursive: true, force: true })
  process.env = savedEnv
})

async function call<T>(openid: string, fn: string, action: string, data: unknown = {}, requestId?: string): Promise<{ status: number; body: Envelope<T> }> {
  const res = await fetch(`${url}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${issueToken(rt.vault, openid, clock)}` },
    body: JSON.stringify({ action, data, ...(requestId ? { requestId } : {}) }),
  })
  return { status: res.status, body: (await res.json()) as Envelope<T> }
}

const pay = (openid: string, id: string) => call<PaymentView>(openid, 'insurance', 'pay', { applicationId: id })

/** A ride-hailing driver of 常熟 whose enrolment 沈丽 (the seed's staff there) has approved: the order to pay. */
async function approvedEnrolment(openid: string, seq: number): Promise<string> {
  await okData(call(openid, 'user', 'login'))
  await okData(call(openid, 'user', 'saveProfile', validProfile(seq, { realName: '陆付款', occupation: '网约车司机', platform: '曹操出行', districtCode: '320581', mobile: `137000${seq}00` })))
  const filed = await okData<ApplicationView>(call(openid, 'insurance', 'enrol', { schemeKey: 'changshu-commercial', declaration: { noWorkInjuryInsurance: true, registeredHere: true }, beneficiary: { name: '陆小梅', relation: 'spouse', mobile: '13700009009' } }, `enrol-${openid}`))
  const seen = await okData<ReviewView>(call('demo-staff-changshu', 'application', 'startReview', { id: filed.id, version: 1 }, `start-${filed.id}`))
  await okData(call('demo-staff-changshu', 'application', 'approve', { id: filed.id, version: seen.version, details: {} }, `approve-${filed.id}`))
  return filed.id
}

const orderOf = async (id: string) => (await rt.db.collection('insurance_orders').doc(id).get()).data[0] as OrderDoc
const policyCount = async (id: string) => (await rt.db.collection('insurance_policies').where({ _id: id }).count()).total
const jsapiCalls = () => stub.requests.filter((r) => r.method === 'POST' && r.url === '/v3/pay/transactions/jsapi')

function postNotification(n: { body: string; headers: Record<string, string> }): Promise<{ status: number; body: string }> {
  return fetch(`${url}/api/http/insurance/pay-notify`, { method: 'POST', headers: n.headers, body: n.body }).then(async (r) => ({ status: r.status, body: await r.text() }))
}

let orderId = ''

test('pay answers signed requestPayment parameters for one prepay; a double tap and a second visit reuse it; renewed after 2 h, a new out_trade_no after 7 days', async () => {
  orderId = await approvedEnrolment('wp-driver', 930)
  expect(orderId).toMatch(/^[0-9a-f]{32}$/)
  const first = await okData<PaymentView>(pay('wp-driver', orderId))
  expect(first).toMatchObject({ orderId, amountFen: 36_000, state: 'unpaid', sandbox: false, policyId: null, wechatPay: { signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx/) } })
  const p = first.wechatPay!
  // The phone's wx.requestPayment checks paySign with the merchant's public key: over appId, timeStamp, nonceStr, package.
  expect(createVerify('RSA-SHA256').update(`${keys.appid}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`).verify(keys.merchant.publicKey, p.paySign, 'base64')).toBe(true)
  expect(Math.abs(Number(p.timeStamp) - clock.getTime() / 1000)).toBeLessThan(2)

  // What WeChat received: our signature checked by the stand-in, the order id as out_trade_no, the premium in fen.
  expect(jsapiCalls()).toHaveLength(1)
  expect(stub.requests.every((r) => r.signed)).toBe(true)
  expect(JSON.parse(jsapiCalls()[0].body)).toEqual({
    appid: keys.appid, mchid: keys.mchid, description: '职业伤害保险保费（一年）', out_trade_no: orderId, attach: orderId,
    notify_url: 'https://nuanxin.example.cn/insurance/pay-notify', amount: { total: 36_000, currency: 'CNY' }, payer: { openid: 'wp-driver' },
  })
  expect((await orderOf(orderId)).wechatPay).toMatchObject({ outTradeNo: orderId, attempt: 1, prepayId: p.package.slice('prepay_id='.length) })

  // A double tap, and a second visit: the same prepay, no second WeChat order (only queries, which say NOTPAY).
  const [a, b] = await Promise.all([okData<PaymentView>(pay('wp-driver', orderId)), okData<PaymentView>(pay('wp-driver', orderId))])
  const again = await okData<PaymentView>(pay('wp-driver', orderId))
  for (const x of [a, b, again]) expect(x.wechatPay?.package).toBe(p.package)
  expect(jsapiCalls()).toHaveLength(1)
  // The sandbox is no way round a merchant.
  expect((await call('wp-driver', 'insurance', 'sandboxPaid', { orderId }, 'sb-1')).body).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } })
  // Someone else's order stays invisible.
  expect((await pay('demo-ridehail', orderId)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  // Two hours on, the prepay_id has lapsed: renewed on the same out_trade_no with the same fields.
  clock = new Date(clock.getTime() + 2 * 3600_000)
  const renewed = await okData<PaymentView>(pay('wp-driver', orderId))
  expect(renewed.wechatPay?.package).not.toBe(p.package)
  expect(jsapiCalls()).toHaveLength(2)
  expect(JSON.parse(jsapiCalls()[1].body)).toEqual(JSON.parse(jsapiCalls()[0].body))
  expect(stub.orders.get(orderId)?.prepayIds).toHaveLength(2)

  // A week on, WeChat no longer lets that order be paid (no time_expire: 7 days): the next out_trade_no.
  clock = new Date(clock.getTime() + 7 * 86_400_000)
  await okData<PaymentView>(pay('wp-driver', orderId))
  expect(jsapiCalls()).toHaveLength(3)
  expect(JSON.parse(jsapiCalls()[2].body)).toMatchObject({ out_trade_no: outTradeNoOf(orderId, 2), attach: orderId })
  expect((await orderOf(orderId)).wechatPay).toMatchObject({ attempt: 2, outTradeNo: outTradeNoOf(orderId, 2) })
  expect(await policyCount(orderId)).toBe(0)
})

test('notifications: forged, tampered, stale, wrong serial, amount, merchant or app → refused, no policy; genuine → one policy, 10 at once too', async () => {
  const tx = successfulTransaction(keys, { outTradeNo: orderId, attach: orderId, totalFen: 36_000, openid: 'wp-driver' })
  const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
  const genuine = signedNotification(keys, tx, { at: clock })
  const refused: [string, { body: string; headers: Record<string, string> }, number][] = [
    ['signed with another key', signedNotification(keys, tx, { at: clock, key: impostor }), 401],
    ['unsigned', { body: genuine.body, headers: { 'content-type': 'application/json' } }, 401],
    ['body changed after signing', { body: genuine.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" '), headers: genuine.headers }, 401],
    ['another serial', signedNotification(keys, tx, { at: clock, serial: '1F81026B4B000000000000000000000000000000' }), 401],
    ['six minutes old', signedNotification(keys, tx, { at: new Date(clock.getTime() - 6 * 60_000) }), 401],
    ['encrypted with another APIv3 key', signedNotification(keys, tx, { at: clock, apiV3Key: randomBytes(16).toString('hex') }), 400],
    ['another merchant', signedNotification(keys, { ...tx, mchid: '1900000109' }, { at: clock }), 400],
    ['another app', signedNotification(keys, { ...tx, appid: 'wx0000000000000000' }, { at: clock }), 400],
    ['one fen', signedNotification(keys, { ...tx, amount: { ...tx.amount, total: 1, payer_total: 1 } }, { at: clock }), 409],
    ['another order number for this order', signedNotification(keys, { ...tx, out_trade_no: 'NX0000000000000000000000000000' }, { at: clock }), 409],
    ['an order we do not have', signedNotification(keys, { ...tx, out_trade_no: 'f'.repeat(32), attach: 'f'.repeat(32) }, { at: clock }), 404],
  ]
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    for (const [what, n, status] of refused) {
      const res = await postNotification(n)
      expect({ what, status: res.status }).toEqual({ what, status })
      expect(JSON.parse(res.body)).toMatchObject({ code: 'FAIL', message: expect.any(String) })
    }
  } finally {
    stderr.mockRestore()
  }
  // Genuine, but not a payment that succeeded: acknowledged (no retry would change it), nothing issued.
  expect((await postNotification(signedNotification(keys, { ...tx, trade_state: 'NOTPAY' }, { at: clock }))).status).toBe(204)
  expect((await postNotification(signedNotification(keys, tx, { at: clock, eventType: 'REFUND.SUCCESS' }))).status).toBe(204)
  expect(await policyCount(orderId)).toBe(0)
  expect((await orderOf(orderId)).state).toBe('unpaid')

  // The genuine one, ten times at once (WeChat repeats until it hears 2xx): one policy.
  const answers = await Promise.all(Array.from({ length: 10 }, () => postNotification(genuine)))
  expect(answers.map((r) => r.status)).toEqual(Array(10).fill(204))
  expect(answers.every((r) => r.body === '')).toBe(true)
  expect(await policyCount(orderId)).toBe(1)
  const order = await orderOf(orderId)
  expect(order).toMatchObject({ state: 'paid', transactionId: tx.transaction_id })
  const userId = order.userId
  expect((await rt.db.collection('insurance_policies').where({ userId }).count()).total).toBe(1)

  // The same bytes replayed later: refused by age; a fresh repeat is acknowledged and changes nothing.
  clock = new Date(clock.getTime() + 6 * 60_000)
  expect((await postNotification(genuine)).status).toBe(401)
  expect((await postNotification(signedNotification(keys, tx, { at: clock }))).status).toBe(204)
  expect((await rt.db.collection('insurance_policies').where({ userId }).count()).total).toBe(1)

  const paid = await okData<PaymentView>(pay('wp-driver', orderId))
  expect(paid).toMatchObject({ state: 'paid', policyId: orderId, wechatPay: null, sandbox: false })
  const [policy] = await okData<{ number: string }[]>(call('wp-driver', 'insurance', 'policies'))
  expect(policy.number).toMatch(/^ZS-\d{4}-\d{6}$/)
  // Each notification is one call line, by route name and outcome only.
  expect(logs.filter((l) => l.action === 'http:pay-notify').map((l) => l.outcome)).toEqual(expect.arrayContaining(['ok', 'HTTP_401', 'HTTP_409']))
})

test('a lost notification: the next pay asks WeChat and issues the policy; a closed order gets a new out_trade_no; a forged answer is refused', async () => {
  const id = await approvedEnrolment('wp-driver2', 931)
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    // Someone between us and WeChat answering: not signed by the platform key → refused, nothing stored.
    stub.forgeAnswers = true
    expect((await pay('wp-driver2', id)).body).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE', message: expect.stringContaining('钱没有扣') } })
    expect((await orderOf(id)).wechatPay).toBeUndefined()
  } finally {
    stub.forgeAnswers = false
    stderr.mockRestore()
  }
  const first = await okData<PaymentView>(pay('wp-driver2', id))
  expect(first.wechatPay).not.toBeNull()

  // WeChat closed the order: the next one is placed under a new out_trade_no, stable for this order and attempt.
  stub.close(id)
  const second = await okData<PaymentView>(pay('wp-driver2', id))
  const no2 = outTradeNoOf(id, 2)
  expect(no2).toMatch(/^NX[0-9a-f]{30}$/)
  expect(JSON.parse(jsapiCalls().at(-1)!.body)).toMatchObject({ out_trade_no: no2, attach: id })
  expect(second.wechatPay?.package).not.toBe(first.wechatPay?.package)
  expect((await orderOf(id)).wechatPay).toMatchObject({ outTradeNo: no2, attempt: 2 })

  // Paid at WeChat, notification never arrives: the page's next pay asks and the policy is issued.
  const tx = stub.markPaid(no2)
  expect(await policyCount(id)).toBe(0)
  expect(await okData<PaymentView>(pay('wp-driver2', id))).toMatchObject({ state: 'paid', policyId: id, wechatPay: null })
  expect(await orderOf(id)).toMatchObject({ state: 'paid', transactionId: tx.transaction_id })
  // The notification arriving late changes nothing.
  expect((await postNotification(signedNotification(keys, tx, { at: clock }))).status).toBe(204)
  expect(await policyCount(id)).toBe(1)
})

describe('on CloudBase: HTTP access reaches pay-notify only without a mini-program identity', () => {
  let cloud: CloudBaseStub
  const main = createCloudMain(insuranceFunction) as (event: unknown, context: unknown) => Promise<unknown>
  const miniProgram = (openid: string) => ({ environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: keys.appid }) })
  const httpEvent = (n: { body: string; headers: Record<string, string> }, patch: object = {}) => ({
    path: '/insurance/pay-notify', httpMethod: 'POST', headers: n.headers, queryStringParameters: {}, requestContext: { envId: 'nuanxin-stub-1a2b3c' },
    body: Buffer.from(n.body).toString('base64'), isBase64Encoded: true, ...patch,
  })
  let stdout: jest.SpyInstance

  beforeAll(async () => {
    cloud = await startCloudBaseStub()
    Object.assign(process.env, cloud.env, { NUANXIN_MASTER_KEY: randomBytes(32).toString('base64') })
  })
  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterEach(() => stdout.mockRestore())
  afterAll(() => cloud.close())

  it('a call from the mini-program shaped like a notification is an action call, never the route', async () => {
    const n = signedNotification(keys, successfulTransaction(keys, { outTradeNo: orderId, attach: orderId, totalFen: 36_000, openid: 'o-x' }), { at: new Date() })
    const answer = await main(httpEvent(n), miniProgram('o-attacker'))
    expect(answer).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST' } })
    expect(answer).not.toHaveProperty('statusCode')
  })

  it('without an identity: forged → 401, wrong method → 405, another path → 404, genuine → the database is asked', async () => {
    const now = new Date()
    const tx = successfulTransaction(keys, { outTradeNo: 'e'.repeat(32), attach: 'e'.repeat(32), totalFen: 36_000, openid: 'o-x' })
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      const forged = signedNotification(keys, tx, { at: now, key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey })
      expect(await main(httpEvent(forged), {})).toMatchObject({ statusCode: 401, body: expect.stringContaining('"code":"FAIL"') })
      const genuine = signedNotification(keys, tx, { at: now })
      expect(await main(httpEvent(genuine, { httpMethod: 'GET' }), {})).toMatchObject({ statusCode: 405 })
      expect(await main(httpEvent(genuine, { path: '/insurance/other' }), {})).toMatchObject({ statusCode: 404 })
      // Through to the order lookup in CloudBase's database (the stub's, empty): no such order → WeChat will retry.
      const before = cloud.requests.length
      expect(await main(httpEvent(genuine), {})).toMatchObject({ statusCode: 404, body: expect.stringContaining('没有这笔订单') })
      expect(cloud.requests.length).toBeGreaterThan(before)
      // Plain-text body (not base64) reads the same.
      expect(await main(httpEvent(genuine, { body: genuine.body, isBase64Encoded: false }), {})).toMatchObject({ statusCode: 404 })
    } finally {
      stderr.mockRestore()
    }
  })
})
