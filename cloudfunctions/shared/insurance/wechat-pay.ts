import { createDecipheriv, createHash, createPrivateKey, createPublicKey, createSign, createVerify, randomBytes, X509Certificate, type KeyObject } from 'node:crypto'
import * as z from 'zod/mini'
import type { WechatPayParams } from '~types/insurance.schema'
import { logFailure } from '../core/error-log'

/**
 * WeChat Pay API v3 for a mini-program (JSAPI), with node's own crypto and fetch: request signing, the JSAPI prepay,
 * the order query, the parameters of `wx.requestPayment`, and the payment notification (signature, age, serial,
 * AEAD_AES_256_GCM resource). Nothing here touches the database: payment.service.ts decides what a payment means.
 *
 * Formats (pay.weixin.qq.com/doc/v3/merchant, 签名认证 / JSAPI下单 / 支付成功回调通知):
 * - request: `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`,
 *   SHA256-RSA over `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n` with the merchant's API certificate key;
 * - answer and notification: `Wechatpay-Signature` over `TIMESTAMP\nNONCE\nBODY\n` with the platform key named by
 *   `Wechatpay-Serial` (a platform certificate's serial, or `PUB_KEY_ID_…` for 微信支付公钥);
 * - `wx.requestPayment`: paySign over `APPID\nTIMESTAMP\nNONCE\nprepay_id=…\n`, signType RSA.
 */

export const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com'
/** WeChat refuses a notification older than this on its side too; a replay after it is refused here. */
export const MAX_SKEW_SECONDS = 300
/** A prepay_id is valid for 2 hours; one older than this is renewed (same order, same parameters). */
export const PREPAY_REUSE_MS = 2 * 3600_000 - 10 * 60_000
/** An order without `time_expire` cannot be paid 7 days after it was placed: then a new out_trade_no is needed. */
export const ORDER_PAYABLE_MS = 7 * 86_400_000 - 3600_000

export interface WechatPayMerchant {
  mchid: string
  appid: string
  /** Serial number of the merchant's API certificate (`serial_no` in Authorization). */
  serial: string
  privateKey: KeyObject
  /** The APIv3 key: 32 bytes, the AES-256-GCM key of notification resources. */
  apiV3Key: Buffer
  /** WeChat Pay's key that signs answers and notifications, and the serial they name it by. */
  platformKey: KeyObject
  platformSerial: string
  notifyUrl: string
  baseUrl: string
}

export const WECHATPAY_ENV = [
  'WECHATPAY_MCHID', 'WECHATPAY_APPID', 'WECHATPAY_SERIAL', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PLATFORM_PUBLIC_KEY', 'WECHATPAY_PLATFORM_SERIAL', 'WECHATPAY_NOTIFY_URL', 'WECHATPAY_BASE_URL',
] as const

function urlOk(s: string, opts: { noQuery: boolean }): boolean {
  try {
    const u = new URL(s)
    // WeChat calls notify URLs over HTTPS only; plain http is for a loopback stand-in.
    const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost'
    return (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) && !(opts.noQuery && (u.search || u.hash))
  } catch {
    return false
  }
}

const MerchantEnv = z.object({
  WECHATPAY_MCHID: z.string().check(z.regex(/^\d{6,32}$/)),
  WECHATPAY_APPID: z.string().check(z.regex(/^wx[0-9a-zA-Z]{16}$/)),
  WECHATPAY_SERIAL: z.string().check(z.regex(/^[0-9A-Fa-f]{8,64}$/)),
  WECHATPAY_PRIVATE_KEY: z.string().check(z.refine((s) => s.includes('PRIVATE KEY'))),
  WECHATPAY_APIV3_KEY: z.string().check(z.refine((s) => Buffer.byteLength(s, 'utf8') === 32)),
  WECHATPAY_PLATFORM_PUBLIC_KEY: z.string().check(z.refine((s) => /PUBLIC KEY|CERTIFICATE/.test(s))),
  WECHATPAY_PLATFORM_SERIAL: z.string().check(z.regex(/^(PUB_KEY_ID_[0-9A-Za-z]{1,64}|[0-9A-Fa-f]{8,64})$/)),
  WECHATPAY_NOTIFY_URL: z.string().check(z.maxLength(255), z.refine((s) => urlOk(s, { noQuery: true }))),
  WECHATPAY_BASE_URL: z.optional(z.string().check(z.refine((s) => urlOk(s, { noQuery: true })))),
})

/** PEM pasted into a console's one-line field often arrives with literal `\n`s. */
const pem = (s: string) => (s.includes('\\n') ? s.replace(/\\n/g, '\n') : s).trim()

function rsaKey(make: () => KeyObject): KeyObject | null {
  try {
    const key = make()
    return key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048 ? key : null
  } catch {
    return null
  }
}

export type MerchantConfig = { merchant: WechatPayMerchant } | { merchant: null; /** names of the variables at fault; empty when none is set */ invalid: string[] }

/** The merchant from the environment, or why not: none set (not configured) or the variables at fault. */
export function parseMerchantEnv(env: NodeJS.ProcessEnv): MerchantConfig {
  const given = Object.fromEntries(WECHATPAY_ENV.filter((k) => env[k]?.trim()).map((k) => [k, env[k]!.trim()]))
  if (!Object.keys(given).some((k) => k !== 'WECHATPAY_BASE_URL')) return { merchant: null, invalid: [] }
  const parsed = MerchantEnv.safeParse(given)
  if (!parsed.success) return { merchant: null, invalid: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] }
  const e = parsed.data
  const privateKey = rsaKey(() => createPrivateKey(pem(e.WECHATPAY_PRIVATE_KEY)))
  const platformPem = pem(e.WECHATPAY_PLATFORM_PUBLIC_KEY)
  const platformKey = rsaKey(() => (platformPem.includes('CERTIFICATE') ? new X509Certificate(platformPem).publicKey : createPublicKey(platformPem)))
  const invalid = [...(privateKey ? [] : ['WECHATPAY_PRIVATE_KEY']), ...(platformKey ? [] : ['WECHATPAY_PLATFORM_PUBLIC_KEY'])]
  if (!privateKey || !platformKey) return { merchant: null, invalid }
  return {
    merchant: {
      mchid: e.WECHATPAY_MCHID, appid: e.WECHATPAY_APPID, serial: e.WECHATPAY_SERIAL.toUpperCase(), privateKey,
      apiV3Key: Buffer.from(e.WECHATPAY_APIV3_KEY, 'utf8'), platformKey, platformSerial: e.WECHATPAY_PLATFORM_SERIAL,
      notifyUrl: e.WECHATPAY_NOTIFY_URL, baseUrl: (e.WECHATPAY_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    },
  }
}

let cached: { key: string; merchant: WechatPayMerchant | null } | undefined

/**
 * The configured merchant, or null: then payment is refused in production and the sandbox answers locally. Parsed
 * once per set of values (a warm instance keeps it); a configuration that is set but wrong is logged once, by the
 * names of the variables at fault, never their values.
 */
export function wechatPayMerchant(env: NodeJS.ProcessEnv = process.env): WechatPayMerchant | null {
  const key = createHash('sha256').update(WECHATPAY_ENV.map((k) => env[k] ?? '').join('\0')).digest('hex')
  if (cached?.key === key) return cached.merchant
  const config = parseMerchantEnv(env)
  if (!config.merchant && config.invalid.length) logFailure('config', new Error(`WeChat Pay merchant not usable: ${config.invalid.join(' ')} invalid`))
  cached = { key, merchant: config.merchant }
  return cached.merchant
}

// ---- signatures ----

export const newNonce = () => randomBytes(16).toString('hex').toUpperCase()
const seconds = (d: Date) => String(Math.floor(d.getTime() / 1000))

export function rsaSign(key: KeyObject, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64')
}

export function rsaVerify(key: KeyObject, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(key, signature, 'base64')
  } catch {
    return false
  }
}

/** The `Authorization` header of a request: `url` is the path with its query, as sent (no host). */
export function authorization(m: WechatPayMerchant, method: string, url: string, body: string, at: Date, nonce = newNonce()): string {
  const timestamp = seconds(at)
  const signature = rsaSign(m.privateKey, `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`)
  return `WECHATPAY2-SHA256-RSA2048 mchid="${m.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${m.serial}"`
}

export type SignatureProblem = 'unsigned' | 'serial' | 'expired' | 'signature'

/**
 * Checks WeChat Pay's signature on an answer or a notification: all four headers present, the serial ours, the
 * timestamp within 5 minutes of now, and the signature over the body exactly as received. Null when genuine.
 */
export function checkWechatpaySignature(m: WechatPayMerchant, headers: Record<string, string | undefined>, body: string, now: Date): SignatureProblem | null {
  const h = (name: string) => headers[name] ?? headers[name.toLowerCase()]
  const timestamp = h('Wechatpay-Timestamp')
  const nonce = h('Wechatpay-Nonce')
  const signature = h('Wechatpay-Signature')
  const serial = h('Wechatpay-Serial')
  if (!timestamp || !nonce || !signature || !serial) return 'unsigned'
  if (serial !== m.platformSerial) return 'serial'
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'expired'
  return rsaVerify(m.platformKey, `${timestamp}\n${nonce}\n${body}\n`, signature) ? null : 'signature'
}

/** What `wx.requestPayment` / `Taro.requestPayment` takes for a prepay (appId is the mini-program's own). */
export function requestPaymentParams(m: WechatPayMerchant, prepayId: string, at: Date, nonce = newNonce()): WechatPayParams {
  const timeStamp = seconds(at)
  const pkg = `prepay_id=${prepayId}`
  return { timeStamp, nonceStr: nonce, package: pkg, signType: 'RSA', paySign: rsaSign(m.privateKey, `${m.appid}\n${timeStamp}\n${nonce}\n${pkg}\n`) }
}

// ---- the API ----

/** A refusal or failure of WeChat Pay's API (its own `code`, e.g. ORDERPAID, ORDER_CLOSED), or of the transport. */
export class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'WechatPayError'
  }
}

const TIMEOUT_MS = 10_000

/** One signed call; a 2xx answer is used only when its signature checks (else it could be anyone's). */
async function call(m: WechatPayMerchant, method: 'GET' | 'POST', url: string, payload: object | null, now: Date): Promise<{ status: number; body: unknown }> {
  const body = payload ? JSON.stringify(payload) : ''
  let res: Response
  try {
    res = await fetch(m.baseUrl + url, {
      method,
      headers: {
        authorization: authorization(m, method, url, body, now),
        accept: 'application/json',
        'user-agent': 'nuanxin-insurance/1 (node)',
        // Asks WeChat to sign the answer with the key we hold (during a switch to 微信支付公钥 it may use either).
        'wechatpay-serial': m.platformSerial,
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload ? { body } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (e) {
    throw new WechatPayError(0, 'NETWORK', `WeChat Pay unreachable: ${(e as Error).name}`)
  }
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (res.status < 200 || res.status >= 300) {
    const err = (json ?? {}) as { code?: unknown; message?: unknown }
    throw new WechatPayError(res.status, typeof err.code === 'string' ? err.code : 'HTTP_ERROR', typeof err.message === 'string' ? err.message : `HTTP ${res.status}`)
  }
  const problem = checkWechatpaySignature(m, Object.fromEntries(res.headers.entries()), text, now)
  if (problem) throw new WechatPayError(res.status, 'ANSWER_NOT_SIGNED', `WeChat Pay answer refused: ${problem}`)
  return { status: res.status, body: json }
}

/** 6–32 characters of digits, letters and `_-|*`, unique per merchant (JSAPI下单, out_trade_no). */
export const OUT_TRADE_NO = /^[A-Za-z0-9_\-|*]{6,32}$/

/**
 * The out_trade_no of an order's n-th WeChat order: the order id itself the first time when it fits (our ids are
 * 32 hex characters), otherwise a stable digest of it. A new one is needed only when the previous one can no longer
 * be paid (closed, or 7 days old); `attach` carries the order id back, and this recomputes the number to check it.
 */
export function outTradeNoOf(orderId: string, attempt = 1): string {
  if (attempt === 1 && OUT_TRADE_NO.test(orderId)) return orderId
  return `NX${createHash('sha256').update(`${orderId}#${attempt}`).digest('hex').slice(0, 30)}`
}

export interface PrepayOrder {
  outTradeNo: string
  /** What the payer sees in WeChat's bill (≤ 127 characters). */
  description: string
  amountFen: number
  openid: string
  /** Returned as is in the query and the notification: our order id. */
  attach: string
}

/** POST /v3/pay/transactions/jsapi → prepay_id. The same out_trade_no with the same fields answers its latest prepay_id. */
export async function createJsapiPrepay(m: WechatPayMerchant, o: PrepayOrder, now: Date): Promise<string> {
  const { body } = await call(m, 'POST', '/v3/pay/transactions/jsapi', {
    appid: m.appid,
    mchid: m.mchid,
    description: [...o.description].slice(0, 127).join(''),
    out_trade_no: o.outTradeNo,
    attach: o.attach,
    notify_url: m.notifyUrl,
    amount: { total: o.amountFen, currency: 'CNY' },
    payer: { openid: o.openid },
  }, now)
  const prepayId = (body as { prepay_id?: unknown } | null)?.prepay_id
  if (typeof prepayId !== 'string' || !/^[\w-]{1,64}$/.test(prepayId)) throw new WechatPayError(200, 'BAD_ANSWER', 'prepay answer without prepay_id')
  return prepayId
}

/** A transaction as the query and the notification describe it (the fields we use). */
export const Transaction = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.optional(z.string()),
  trade_state: z.string(),
  attach: z.optional(z.string()),
  success_time: z.optional(z.string()),
  /** `total` is the order's amount — the premium; `payer_total` is what the payer's own money covered (less with a coupon). */
  amount: z.optional(z.object({ total: z.int(), payer_total: z.optional(z.int()), currency: z.optional(z.string()) })),
  payer: z.optional(z.object({ openid: z.optional(z.string()) })),
})
export type Transaction = z.infer<typeof Transaction>

/** GET /v3/pay/transactions/out-trade-no/{no}?mchid=… → the transaction, or null when WeChat has no such order. */
export async function queryTransaction(m: WechatPayMerchant, outTradeNo: string, now: Date): Promise<Transaction | null> {
  try {
    const { body } = await call(m, 'GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(m.mchid)}`, null, now)
    const tx = Transaction.safeParse(body)
    if (!tx.success) throw new WechatPayError(200, 'BAD_ANSWER', 'query answer is not a transaction')
    return tx.data
  } catch (e) {
    if (e instanceof WechatPayError && e.status === 404) return null
    throw e
  }
}

// ---- the payment notification ----

const Notification = z.object({
  id: z.string(),
  event_type: z.string(),
  resource_type: z.optional(z.string()),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.optional(z.string()),
    original_type: z.optional(z.string()),
  }),
})

/** AEAD_AES_256_GCM with the APIv3 key: ciphertext is base64 of the encrypted bytes followed by the 16-byte tag. */
export function decryptResource(apiV3Key: Buffer, r: { ciphertext: string; nonce: string; associated_data?: string }): string {
  const data = Buffer.from(r.ciphertext, 'base64')
  if (data.length < 17) throw new Error('ciphertext too short')
  const decipher = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(r.nonce, 'utf8'))
  decipher.setAuthTag(data.subarray(-16))
  decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'))
  return Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString('utf8')
}

export type NotificationRead =
  /** A successful payment of ours, signed by WeChat: settle it. */
  | { kind: 'paid'; transaction: Transaction }
  /** Genuine, but not a successful payment (another event or state): acknowledged, nothing to do. */
  | { kind: 'ignored'; eventType: string }
  /** Refused: never acted on; the HTTP status to answer so WeChat retries (and a short reason for the log). */
  | { kind: 'refused'; status: number; reason: string }

/**
 * A payment notification as it reached us (headers and the raw body): signature, age and serial first, then the
 * resource decrypted, then whose payment it is. Only `TRANSACTION.SUCCESS` with `trade_state` SUCCESS for our
 * merchant and app counts as paid.
 */
export function readPaymentNotification(m: WechatPayMerchant, headers: Record<string, string | undefined>, body: string, now: Date): NotificationRead {
  const problem = checkWechatpaySignature(m, headers, body, now)
  if (problem) return { kind: 'refused', status: 401, reason: problem }
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return { kind: 'refused', status: 400, reason: 'body' }
  }
  const note = Notification.safeParse(json)
  if (!note.success) return { kind: 'refused', status: 400, reason: 'body' }
  if (note.data.event_type !== 'TRANSACTION.SUCCESS') return { kind: 'ignored', eventType: note.data.event_type }
  if (note.data.resource.algorithm !== 'AEAD_AES_256_GCM') return { kind: 'refused', status: 400, reason: 'algorithm' }
  let tx: ReturnType<typeof Transaction.safeParse>
  try {
    tx = Transaction.safeParse(JSON.parse(decryptResource(m.apiV3Key, note.data.resource)))
  } catch {
    return { kind: 'refused', status: 400, reason: 'decrypt' }
  }
  if (!tx.success) return { kind: 'refused', status: 400, reason: 'resource' }
  if (tx.data.mchid !== m.mchid || tx.data.appid !== m.appid) return { kind: 'refused', status: 400, reason: 'merchant' }
  if (tx.data.trade_state !== 'SUCCESS') return { kind: 'ignored', eventType: `${note.data.event_type}/${tx.data.trade_state}` }
  return { kind: 'paid', transaction: tx.data }
}
