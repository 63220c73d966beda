import { createCipheriv, createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { WechatPayParams } from '~types/insurance.schema'
import {
  authorization, checkWechatpaySignature, decryptResource, outTradeNoOf, OUT_TRADE_NO, parseMerchantEnv, readPaymentNotification, requestPaymentParams,
  wechatPayMerchant, type WechatPayMerchant,
} from './wechat-pay'

/** Keys made here: the merchant's API key pair and WeChat Pay's platform pair. */
const merchantPair = generateKeyPairSync('rsa', { modulusLength: 2048 })
const platformPair = generateKeyPairSync('rsa', { modulusLength: 2048 })
const APIV3_KEY = 'n1a2n3x4i5n6w7e8c9h0a1t2p3a4y5v6' // 32 bytes
const pem = (k: KeyObject) => k.export({ type: k.type === 'private' ? 'pkcs8' : 'spki', format: 'pem' }).toString()

const ENV = {
  WECHATPAY_MCHID: '1900009191',
  WECHATPAY_APPID: 'wxd678efh567hg6787',
  WECHATPAY_SERIAL: '5D1E3AA427034E38F36A7D75B81F4EDE420E65B9',
  WECHATPAY_PRIVATE_KEY: pem(merchantPair.privateKey),
  WECHATPAY_APIV3_KEY: APIV3_KEY,
  WECHATPAY_PLATFORM_PUBLIC_KEY: pem(platformPair.publicKey),
  WECHATPAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0119000091912025100100000000',
  WECHATPAY_NOTIFY_URL: 'https://nuanxin.example.cn/insurance/pay-notify',
}

function merchant(): WechatPayMerchant {
  const c = parseMerchantEnv(ENV)
  if (!c.merchant) throw new Error(`merchant not parsed: ${c.invalid.join(',')}`)
  return c.merchant
}

const NOW = new Date('2026-12-01T02:00:00Z')
const ts = (d: Date) => String(Math.floor(d.getTime() / 1000))
const rsaSign = (key: KeyObject, message: string) => createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64')
const rsaVerify = (key: KeyObject, message: string, sig: string) => createVerify('RSA-SHA256').update(message, 'utf8').verify(key, sig, 'base64')

/** WeChat's signature headers over a body, made with the platform key (or another, to forge). */
function wechatSigned(body: string, opts: { at?: Date; serial?: string; key?: KeyObject } = {}) {
  const t = ts(opts.at ?? NOW)
  const nonce = 'c5ac7061fccab6bf3e254dcf98995b8c'
  return {
    'wechatpay-timestamp': t,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': opts.serial ?? ENV.WECHATPAY_PLATFORM_SERIAL,
    'wechatpay-signature': rsaSign(opts.key ?? platformPair.privateKey, `${t}\n${nonce}\n${body}\n`),
  }
}

function encrypt(key: string, nonce: string, aad: string, plaintext: string): string {
  const c = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'))
  c.setAAD(Buffer.from(aad, 'utf8'))
  return Buffer.concat([c.update(plaintext, 'utf8'), c.final(), c.getAuthTag()]).toString('base64')
}

describe('merchant configuration from the environment', () => {
  it('none set: no merchant, nothing to complain about; all set: the merchant, PEM with escaped newlines too', () => {
    expect(parseMerchantEnv({})).toEqual({ merchant: null, invalid: [] })
    expect(parseMerchantEnv({ WECHATPAY_BASE_URL: 'https://api2.mch.weixin.qq.com' })).toEqual({ merchant: null, invalid: [] })
    const m = merchant()
    expect(m).toMatchObject({ mchid: '1900009191', appid: 'wxd678efh567hg6787', platformSerial: ENV.WECHATPAY_PLATFORM_SERIAL, baseUrl: 'https://api.mch.weixin.qq.com', notifyUrl: ENV.WECHATPAY_NOTIFY_URL })
    expect(m.apiV3Key).toHaveLength(32)
    const oneLine = parseMerchantEnv({ ...ENV, WECHATPAY_PRIVATE_KEY: ENV.WECHATPAY_PRIVATE_KEY.replace(/\n/g, '\\n') })
    expect(oneLine.merchant?.privateKey.asymmetricKeyType).toBe('rsa')
  })

  it('set but wrong: no merchant, and the variables at fault by name', () => {
    const { WECHATPAY_NOTIFY_URL: _unset, ...withoutNotify } = ENV
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const cases: [Record<string, string>, string[]][] = [
      [{ ...ENV, WECHATPAY_APIV3_KEY: APIV3_KEY.slice(1) }, ['WECHATPAY_APIV3_KEY']],
      [{ ...ENV, WECHATPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' }, ['WECHATPAY_PRIVATE_KEY']],
      [{ ...ENV, WECHATPAY_PRIVATE_KEY: pem(weak.privateKey) }, ['WECHATPAY_PRIVATE_KEY']],
      [{ ...ENV, WECHATPAY_PLATFORM_PUBLIC_KEY: pem(platformPair.privateKey) }, ['WECHATPAY_PLATFORM_PUBLIC_KEY']],
      [withoutNotify, ['WECHATPAY_NOTIFY_URL']],
      [{ ...ENV, WECHATPAY_NOTIFY_URL: 'https://nuanxin.example.cn/notify?order=1' }, ['WECHATPAY_NOTIFY_URL']],
      [{ ...ENV, WECHATPAY_NOTIFY_URL: 'http://nuanxin.example.cn/notify' }, ['WECHATPAY_NOTIFY_URL']],
      [{ ...ENV, WECHATPAY_BASE_URL: 'http://api.mch.weixin.qq.com' }, ['WECHATPAY_BASE_URL']],
      [{ ...ENV, WECHATPAY_MCHID: 'mch-1', WECHATPAY_APPID: 'wx1' }, ['WECHATPAY_MCHID', 'WECHATPAY_APPID']],
    ]
    for (const [env, invalid] of cases) expect(parseMerchantEnv(env)).toEqual({ merchant: null, invalid })
  })

  it('wechatPayMerchant: parsed once per set of values; a wrong one logged once, by name and never its value', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      const bad = { ...ENV, WECHATPAY_APIV3_KEY: 'short-secret-value' }
      expect(wechatPayMerchant(bad)).toBeNull()
      expect(wechatPayMerchant(bad)).toBeNull()
      expect(stderr).toHaveBeenCalledTimes(1)
      const line = String(stderr.mock.calls[0][0])
      expect(JSON.parse(line)).toMatchObject({ level: 'error', where: 'config', message: expect.stringContaining('WECHATPAY_APIV3_KEY') })
      expect(line).not.toContain('short-secret-value')
      const m = wechatPayMerchant(ENV)
      expect(m?.mchid).toBe('1900009191')
      expect(wechatPayMerchant(ENV)).toBe(m)
      expect(wechatPayMerchant({})).toBeNull()
      expect(stderr).toHaveBeenCalledTimes(1)
    } finally {
      stderr.mockRestore()
    }
  })
})

describe('signatures', () => {
  it('a request: the Authorization header, signed over METHOD\\nURL\\nTIMESTAMP\\nNONCE\\nBODY\\n with the merchant key', () => {
    const m = merchant()
    const body = JSON.stringify({ appid: m.appid, mchid: m.mchid })
    const header = authorization(m, 'POST', '/v3/pay/transactions/jsapi', body, NOW, '593BEC0C930BF1AFEB40B4A08C8FB242')
    const fields = /^WECHATPAY2-SHA256-RSA2048 mchid="(\d+)",nonce_str="(\w+)",signature="([^"]+)",timestamp="(\d+)",serial_no="(\w+)"$/.exec(header)
    expect(fields?.slice(1, 3)).toEqual(['1900009191', '593BEC0C930BF1AFEB40B4A08C8FB242'])
    expect(fields?.[4]).toBe(ts(NOW))
    expect(fields?.[5]).toBe(ENV.WECHATPAY_SERIAL)
    const message = `POST\n/v3/pay/transactions/jsapi\n${ts(NOW)}\n593BEC0C930BF1AFEB40B4A08C8FB242\n${body}\n`
    expect(rsaVerify(merchantPair.publicKey, message, fields![3])).toBe(true)
    expect(rsaVerify(merchantPair.publicKey, message.replace('POST', 'GET'), fields![3])).toBe(false)
    // A GET signs its query and an empty body.
    const get = authorization(m, 'GET', '/v3/pay/transactions/out-trade-no/abc123?mchid=1900009191', '', NOW, 'N1')
    const sig = /signature="([^"]+)"/.exec(get)![1]
    expect(rsaVerify(merchantPair.publicKey, `GET\n/v3/pay/transactions/out-trade-no/abc123?mchid=1900009191\n${ts(NOW)}\nN1\n\n`, sig)).toBe(true)
  })

  it("WeChat's answer or notification: genuine passes; tampered body, wrong key, wrong serial, old or missing headers do not", () => {
    const m = merchant()
    const body = '{"prepay_id":"wx201410272009395522657a690389285100"}'
    expect(checkWechatpaySignature(m, wechatSigned(body), body, NOW)).toBeNull()
    // Header names as a fetch Response or CloudBase gives them, in either case.
    const mixed = Object.fromEntries(Object.entries(wechatSigned(body)).map(([k, v]) => [k.replace(/(^|-)\w/g, (c) => c.toUpperCase()), v]))
    expect(checkWechatpaySignature(m, mixed, body, NOW)).toBeNull()
    expect(checkWechatpaySignature(m, wechatSigned(body), body.replace('5100', '5101'), NOW)).toBe('signature')
    expect(checkWechatpaySignature(m, wechatSigned(body), `${body} `, NOW)).toBe('signature')
    expect(checkWechatpaySignature(m, wechatSigned(body, { key: merchantPair.privateKey }), body, NOW)).toBe('signature')
    expect(checkWechatpaySignature(m, wechatSigned(body, { serial: 'PUB_KEY_ID_0000' }), body, NOW)).toBe('serial')
    expect(checkWechatpaySignature(m, wechatSigned(body, { at: new Date(NOW.getTime() - 301_000) }), body, NOW)).toBe('expired')
    expect(checkWechatpaySignature(m, wechatSigned(body, { at: new Date(NOW.getTime() + 301_000) }), body, NOW)).toBe('expired')
    expect(checkWechatpaySignature(m, wechatSigned(body, { at: new Date(NOW.getTime() - 299_000) }), body, NOW)).toBeNull()
    const { 'wechatpay-signature': _gone, ...unsigned } = wechatSigned(body)
    expect(checkWechatpaySignature(m, unsigned, body, NOW)).toBe('unsigned')
    // WeChat's probe signatures (WECHATPAY/SIGNTEST/…) must fail.
    expect(checkWechatpaySignature(m, { ...wechatSigned(body), 'wechatpay-signature': 'WECHATPAY/SIGNTEST/abc' }, body, NOW)).toBe('signature')
  })

  it('wx.requestPayment: timeStamp, nonceStr, package prepay_id=…, RSA, paySign over APPID\\nTIME\\nNONCE\\nPACKAGE\\n', () => {
    const m = merchant()
    const p = requestPaymentParams(m, 'wx201410272009395522657a690389285100', NOW, '5K8264ILTKCH16CQ2502SI8ZNMTM67VS')
    expect(p).toMatchObject({ timeStamp: ts(NOW), nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' })
    expect(WechatPayParams.safeParse(p).success).toBe(true)
    expect(rsaVerify(merchantPair.publicKey, `${m.appid}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, p.paySign)).toBe(true)
    expect(rsaVerify(merchantPair.publicKey, `wx0000000000000000\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, p.paySign)).toBe(false)
  })
})

describe('the payment notification', () => {
  it('AEAD_AES_256_GCM: a vector made here decrypts; a changed byte, tag or associated data does not', () => {
    const plaintext = '{"out_trade_no":"1217752501201407033233368018","trade_state":"SUCCESS"}'
    const ciphertext = encrypt(APIV3_KEY, 'fdasflkja484', 'transaction', plaintext)
    const key = Buffer.from(APIV3_KEY, 'utf8')
    expect(decryptResource(key, { ciphertext, nonce: 'fdasflkja484', associated_data: 'transaction' })).toBe(plaintext)
    expect(() => decryptResource(key, { ciphertext, nonce: 'fdasflkja484', associated_data: 'certificate' })).toThrow()
    expect(() => decryptResource(key, { ciphertext, nonce: 'fdasflkja485', associated_data: 'transaction' })).toThrow()
    const bytes = Buffer.from(ciphertext, 'base64')
    bytes[3] ^= 1
    expect(() => decryptResource(key, { ciphertext: bytes.toString('base64'), nonce: 'fdasflkja484', associated_data: 'transaction' })).toThrow()
    expect(() => decryptResource(Buffer.from(APIV3_KEY.replace('n', 'm'), 'utf8'), { ciphertext, nonce: 'fdasflkja484', associated_data: 'transaction' })).toThrow()
    // Without associated data both sides use the empty string.
    expect(decryptResource(key, { ciphertext: encrypt(APIV3_KEY, 'abcdefabcdef', '', plaintext), nonce: 'abcdefabcdef' })).toBe(plaintext)
  })

  const transaction = (patch: object = {}) => ({
    appid: ENV.WECHATPAY_APPID, mchid: ENV.WECHATPAY_MCHID, out_trade_no: 'a'.repeat(32), transaction_id: '4200001234202612011234567890',
    trade_type: 'JSAPI', trade_state: 'SUCCESS', attach: 'a'.repeat(32), success_time: '2026-12-01T10:00:00+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' }, amount: { total: 36_000, payer_total: 36_000, currency: 'CNY', payer_currency: 'CNY' }, ...patch,
  })
  const notification = (tx: object, opts: { eventType?: string; key?: string } = {}) =>
    JSON.stringify({
      id: 'EV-2018022511223320873', create_time: '2026-12-01T10:00:00+08:00', resource_type: 'encrypt-resource', event_type: opts.eventType ?? 'TRANSACTION.SUCCESS', summary: '支付成功',
      resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext: encrypt(opts.key ?? APIV3_KEY, 'fdasflkja484', 'transaction', JSON.stringify(tx)), associated_data: 'transaction', nonce: 'fdasflkja484' },
    })

  it('paid only for TRANSACTION.SUCCESS with trade_state SUCCESS, for our merchant and app', () => {
    const m = merchant()
    const read = (body: string, headers: Record<string, string> = wechatSigned(body)) => readPaymentNotification(m, headers, body, NOW)
    const ok = notification(transaction())
    expect(read(ok)).toEqual({ kind: 'paid', transaction: expect.objectContaining({ out_trade_no: 'a'.repeat(32), transaction_id: '4200001234202612011234567890', amount: expect.objectContaining({ total: 36_000 }) }) })

    expect(read(notification(transaction(), { eventType: 'REFUND.SUCCESS' }))).toEqual({ kind: 'ignored', eventType: 'REFUND.SUCCESS' })
    expect(read(notification(transaction({ trade_state: 'NOTPAY' })))).toMatchObject({ kind: 'ignored' })
    expect(read(notification(transaction({ mchid: '1900000109' })))).toEqual({ kind: 'refused', status: 400, reason: 'merchant' })
    expect(read(notification(transaction({ appid: 'wx0000000000000000' })))).toEqual({ kind: 'refused', status: 400, reason: 'merchant' })
    expect(read(notification(transaction(), { key: 'x'.repeat(32) }))).toEqual({ kind: 'refused', status: 400, reason: 'decrypt' })
    expect(read(ok, wechatSigned(ok, { key: merchantPair.privateKey }))).toEqual({ kind: 'refused', status: 401, reason: 'signature' })
    expect(read(ok, wechatSigned(ok, { at: new Date(NOW.getTime() - 6 * 60_000) }))).toEqual({ kind: 'refused', status: 401, reason: 'expired' })
    expect(read(ok, wechatSigned(ok, { serial: '1F81026B4B0000000000000000000000000000AA' }))).toEqual({ kind: 'refused', status: 401, reason: 'serial' })
    expect(read(ok, {})).toEqual({ kind: 'refused', status: 401, reason: 'unsigned' })
    expect(read('not json')).toEqual({ kind: 'refused', status: 400, reason: 'body' })
    expect(read('{"id":"EV-1"}')).toEqual({ kind: 'refused', status: 400, reason: 'body' })
    // The amount says what WeChat charged; the service compares it with the premium (payment.service.ts).
    const tamperedAmount = ok.replace(/"ciphertext":"[^"]+"/, `"ciphertext":"${encrypt(APIV3_KEY, 'fdasflkja484', 'transaction', JSON.stringify(transaction({ amount: { total: 1 } })))}"`)
    expect(read(tamperedAmount, wechatSigned(ok))).toEqual({ kind: 'refused', status: 401, reason: 'signature' })
  })
})

test('out_trade_no: our 32-hex order id as it is the first time; otherwise a stable digest within 6–32 of [A-Za-z0-9_-|*]', () => {
  const id = '0123456789abcdef0123456789abcdef'
  expect(outTradeNoOf(id)).toBe(id)
  const second = outTradeNoOf(id, 2)
  expect(second).toMatch(/^NX[0-9a-f]{30}$/)
  expect(outTradeNoOf(id, 2)).toBe(second)
  expect(outTradeNoOf(id, 3)).not.toBe(second)
  for (const odd of ['短号', 'abc', 'x'.repeat(40), 'id with spaces/and#signs']) {
    expect(outTradeNoOf(odd)).toMatch(OUT_TRADE_NO)
    expect(outTradeNoOf(odd)).toHaveLength(32)
  }
})
