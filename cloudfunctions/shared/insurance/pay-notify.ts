import { HTTP_STATUS } from '~types/errors'
import { isAppError } from '../core/app-error'
import type { HttpHandler } from '../core/define-function'
import { logFailure } from '../core/error-log'
import { httpFail, httpNoContent } from '../core/http-route'
import { settleWechatPayment } from './payment.service'
import { readPaymentNotification, wechatPayMerchant } from './wechat-pay'

const REFUSED: Record<string, string> = {
  unsigned: '缺少签名', serial: '证书序列号不符', expired: '时间戳过期', signature: '签名错误',
  body: '报文格式错误', algorithm: '加密算法不支持', decrypt: '解密失败', resource: '报文内容错误', merchant: '商户号不符',
}

/**
 * WeChat Pay's payment notification (`notify_url`, through CloudBase's HTTP access): a successful payment that
 * WeChat signed issues the policy (payment.service.ts settleWechatPayment → paymentSucceeded, once whatever the
 * repeats). Answers 204 once handled — also for a genuine event that is not a successful payment, which no retry
 * would change — and 4xx/5xx `{ code: 'FAIL', message }` otherwise, so WeChat sends it again. Anything unsigned,
 * wrongly signed, older than 5 minutes, for another merchant or app, or of another amount is refused.
 */
export const payNotify: HttpHandler = async (req, rt) => {
  if (req.method !== 'POST') return httpFail(405, '只接受 POST')
  const merchant = wechatPayMerchant()
  if (!merchant) return httpFail(503, '商户未配置')
  const read = readPaymentNotification(merchant, req.headers, req.body, rt.now())
  if (read.kind === 'refused') return httpFail(read.status, REFUSED[read.reason] ?? '拒绝')
  if (read.kind === 'ignored') return httpNoContent()
  try {
    await settleWechatPayment(rt, merchant, read.transaction)
    return httpNoContent()
  } catch (e) {
    if (!isAppError(e)) throw e
    // Signed by WeChat yet not ours to settle (another amount, an order we do not have): the operator must look.
    logFailure('wechat-pay-notify', new Error(`notification refused: ${e.code}`))
    return httpFail(HTTP_STATUS[e.code], e.message.slice(0, 64))
  }
}
