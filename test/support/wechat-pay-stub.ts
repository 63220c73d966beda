import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A STAND-IN for WeChat Pay's API v3 (api.mch.weixin.qq.com), which cannot be reached offline: a tiny node HTTP
 * server on a loopback port, for tests only. It does what the real one is documented to do with the parts we use —
 * checks the merchant's Authorization signature, places JSAPI orders (the same out_trade_no with the same fields
 * answers its latest prepay_id, other fields are refused), answers the order query, and signs every answer with
 * the platform key. Tests play WeChat's side of the notification with `signedNotification`.
 */

export interface WechatPayKeys {
  mchid: string
  appid: string
  serial: string
  apiV3Key: string
  platformSerial: string
  merchant: { publicKey: KeyObject; privateKey: KeyObject }
  platform: { publicKey: KeyObject; privateKey: KeyObject }
}

const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 })
const pemOf = (k: KeyObject) => k.export({ type: k.type === 'private' ? 'pkcs8' : 'spki', format: 'pem' }).toString()

/** Keys made for this run: the merchant's API key pair and WeChat Pay's platform pair (微信支付公钥 mode). */
export function wechatPayKeys(): WechatPayKeys {
  return {
    mchid: '1900009191',
    appid: 'wxd678efh567hg6787',
    serial: '5D1E3AA427034E38F36A7D75B81F4EDE420E65B9',
    apiV3Key: randomBytes(16).toString('hex'),
    platformSerial: 'PUB_KEY_ID_0119000091912025100100000000',
    merchant: pair(),
    platform: pair(),
  }
}

/** The environment a function instance would be given for this merchant. */
export function merchantEnv(keys: WechatPayKeys, baseUrl: string, notifyUrl = 'https://nuanxin.example.cn/insurance/pay-notify'): Record<string, string> {
  return {
    WECHATPAY_MCHID: keys.mchid,
    WECHATPAY_APPID: keys.appid,
    WECHATPAY_SERIAL: keys.serial,
    // As a console's one-line field keeps it: newlines escaped.
    WECHATPAY_PRIVATE_KEY: pemOf(keys.merchant.privateKey).replace(/\n/g, '\\n'),
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    WECHATPAY_PLATFORM_PUBLIC_KEY: pemOf(keys.platform.publicKey),
    WECHATPAY_PLATFORM_SERIAL: keys.platformSerial,
    WECHATPAY_NOTIFY_URL: notifyUrl,
    WECHATPAY_BASE_URL: baseUrl,
  }
}

const sign = (key: KeyObject, message: string) => createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64')
const nonce = () => randomBytes(16).toString('hex')
const seconds = (d: Date) => String(Math.floor(d.getTime() / 1000))

/** WeChat's signature headers over a body, as its answers and notifications carry them. */
export function wechatpayHeaders(keys: WechatPayKeys, body: string, opts: { at?: Date; serial?: string; key?: KeyObject } = {}): Record<string, string> {
  const timestamp = seconds(opts.at ?? new Date())
  const n = nonce()
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': n,
    'wechatpay-serial': opts.serial ?? keys.platformSerial,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    'wechatpay-signature': sign(opts.key ?? keys.platform.privateKey, `${timestamp}\n${n}\n${body}\n`),
  }
}

/** AEAD_AES_256_GCM as WeChat encrypts a notification resource: base64(ciphertext ‖ 16-byte tag). */
export function encryptResource(apiV3Key: string, plaintext: string, associatedData = 'transaction', n = randomBytes(6).toString('hex')) {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(n, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64')
  return { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce: n }
}

/** A transaction as WeChat reports a successful JSAPI payment (decrypted resource / order query). */
export function successfulTransaction(keys: WechatPayKeys, o: { outTradeNo: string; attach: string; totalFen: number; openid: string }, patch: Record<string, unknown> = {}) {
  return {
    appid: keys.appid, mchid: keys.mchid, out_trade_no: o.outTradeNo, transaction_id: `4200${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 28),
    trade_type: 'JSAPI', trade_state: 'SUCCESS', trade_state_desc: '支付成功', bank_type: 'OTHERS', attach: o.attach,
    success_time: new Date().toISOString().replace(/\.\d+Z$/, '+00:00'), payer: { openid: o.openid },
    amount: { total: o.totalFen, payer_total: o.totalFen, currency: 'CNY', payer_currency: 'CNY' },
    ...patch,
  }
}

/** WeChat's payment notification for a transaction: the JSON body, signed as WeChat signs it (options to forge). */
export function signedNotification(keys: WechatPayKeys, transaction: object, opts: { eventType?: string; at?: Date; serial?: string; key?: KeyObject; apiV3Key?: string } = {}) {
  const body = JSON.stringify({
    id: `EV-${randomBytes(8).toString('hex')}`,
    create_time: new Date().toISOString(),
    resource_type: 'encrypt-resource',
    event_type: opts.eventType ?? 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: encryptResource(opts.apiV3Key ?? keys.apiV3Key, JSON.stringify(transaction)),
  })
  return { body, headers: { 'content-type': 'application/json', ...wechatpayHeaders(keys, body, opts) } }
}

export interface StubOrder {
  outTradeNo: string
  request: Record<string, unknown>
  prepayIds: string[]
  tradeState: 'NOTPAY' | 'SUCCESS' | 'CLOSED'
  transaction?: ReturnType<typeof successfulTransaction>
}

export interface StubRequest {
  method: string
  url: string
  body: string
  /** The Authorization header verified against the merchant's public key, serial and clock. */
  signed: boolean
}

export interface WechatPayStub {
  url: string
  requests: StubRequest[]
  orders: Map<string, StubOrder>
  /** The payer paid this order (WeChat's side); its notification is for the test to send, or not. */
  markPaid(outTradeNo: string): ReturnType<typeof successfulTransaction>
  close(outTradeNo: string): void
  /** Sign answers with a key that is not the platform's (an impostor between us and WeChat). */
  forgeAnswers: boolean
  stop(): Promise<void>
}

/** `WECHATPAY2-SHA256-RSA2048 k="v",…` → its fields, or null. */
export function parseAuthorization(header: string | undefined): Record<string, string> | null {
  const m = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(header ?? '')
  if (!m) return null
  return Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]))
}

export async function startWechatPayStub(keys: WechatPayKeys, now: () => Date = () => new Date()): Promise<WechatPayStub> {
  const impostor = pair()
  const orders = new Map<string, StubOrder>()
  const requests: StubRequest[] = []
  let serial = 0

  const authorized = (req: IncomingMessage, body: string): boolean => {
    const a = parseAuthorization(req.headers.authorization)
    if (!a || a.mchid !== keys.mchid || a.serial_no !== keys.serial || !a.nonce_str || !a.signature) return false
    if (Math.abs(now().getTime() / 1000 - Number(a.timestamp)) > 300) return false
    return createVerify('RSA-SHA256').update(`${req.method}\n${req.url}\n${a.timestamp}\n${a.nonce_str}\n${body}\n`, 'utf8').verify(keys.merchant.publicKey, a.signature, 'base64')
  }

  const answer = (res: ServerResponse, status: number, payload: object | null) => {
    const body = payload ? JSON.stringify(payload) : ''
    res.writeHead(status, { 'content-type': 'application/json', ...wechatpayHeaders(keys, body, { at: now(), ...(stub.forgeAnswers ? { key: impostor.privateKey } : {}) }) })
    res.end(body)
  }

  const jsapi = (res: ServerResponse, body: Record<string, unknown>) => {
    const amount = body.amount as { total?: unknown; currency?: unknown } | undefined
    const payer = body.payer as { openid?: unknown } | undefined
    const valid =
      body.appid === keys.appid && body.mchid === keys.mchid && typeof body.out_trade_no === 'string' && /^[A-Za-z0-9_\-|*]{6,32}$/.test(body.out_trade_no) &&
      typeof body.description === 'string' && [...body.description].length >= 1 && [...body.description].length <= 127 &&
      typeof body.notify_url === 'string' && body.notify_url.startsWith('https://') && !body.notify_url.includes('?') &&
      Number.isInteger(amount?.total) && (amount!.total as number) > 0 && amount?.currency === 'CNY' && typeof payer?.openid === 'string'
    if (!valid) return answer(res, 400, { code: 'PARAM_ERROR', message: '参数错误' })
    const no = body.out_trade_no as string
    const known = orders.get(no)
    if (known) {
      if (known.tradeState === 'SUCCESS') return answer(res, 403, { code: 'ORDERPAID', message: '该订单已支付' })
      if (known.tradeState === 'CLOSED') return answer(res, 400, { code: 'ORDER_CLOSED', message: '订单已关闭' })
      if (JSON.stringify(known.request) !== JSON.stringify(body)) return answer(res, 400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' })
    }
    const order = known ?? { outTradeNo: no, request: body, prepayIds: [], tradeState: 'NOTPAY' as const }
    const prepayId = `wx${String(++serial).padStart(6, '0')}${randomBytes(12).toString('hex')}`
    order.prepayIds.push(prepayId)
    orders.set(no, order)
    answer(res, 200, { prepay_id: prepayId })
  }

  const query = (res: ServerResponse, no: string, mchid: string | null) => {
    const order = orders.get(no)
    if (mchid !== keys.mchid) return answer(res, 400, { code: 'PARAM_ERROR', message: '商户号不对' })
    if (!order) return answer(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' })
    const r = order.request as { attach?: string; amount: { total: number }; payer: { openid: string } }
    if (order.transaction) return answer(res, 200, order.transaction)
    answer(res, 200, { appid: keys.appid, mchid: keys.mchid, out_trade_no: no, trade_state: order.tradeState, trade_state_desc: order.tradeState === 'NOTPAY' ? '未支付' : '订单已关闭', attach: r.attach, amount: { total: r.amount.total, currency: 'CNY' }, payer: { openid: r.payer.openid } })
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const signed = authorized(req, body)
      requests.push({ method: req.method ?? '', url: req.url ?? '', body, signed })
      if (!signed) return answer(res, 401, { code: 'SIGN_ERROR', message: '签名错误' })
      const url = new URL(req.url ?? '/', 'http://stub')
      const q = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname)
      if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') {
        try {
          return jsapi(res, JSON.parse(body) as Record<string, unknown>)
        } catch {
          return answer(res, 400, { code: 'PARAM_ERROR', message: '报文不是 JSON' })
        }
      }
      if (req.method === 'GET' && q) return query(res, decodeURIComponent(q[1]), url.searchParams.get('mchid'))
      answer(res, 404, { code: 'NOT_FOUND', message: '没有这个接口' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  const stub: WechatPayStub = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    orders,
    forgeAnswers: false,
    markPaid(no) {
      const order = orders.get(no)!
      const r = order.request as { attach: string; amount: { total: number }; payer: { openid: string } }
      order.tradeState = 'SUCCESS'
      order.transaction = successfulTransaction(keys, { outTradeNo: no, attach: r.attach, totalFen: r.amount.total, openid: r.payer.openid })
      return order.transaction
    },
    close(no) {
      orders.get(no)!.tradeState = 'CLOSED'
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return stub
}
