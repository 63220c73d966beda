export const ORDERS = 'insurance_orders'
export const POLICIES = 'insurance_policies'

/** One premium to pay: `_id` is the approved enrolment's application id, so an enrolment can be charged once. */
export interface OrderDoc {
  _id: string
  userId: string
  openid: string
  applicationId: string
  schemeId: string
  amountFen: number
  state: 'unpaid' | 'paid'
  /** The payment platform's transaction id, once paid. */
  transactionId: string | null
  paidAt: Date | null
  createdAt: Date
  /**
   * WeChat Pay's order for this premium (production), once the worker first tapped 微信支付: which out_trade_no
   * (the `attempt`-th, wechat-pay.ts outTradeNoOf), when it was placed (payable 7 days), and the latest prepay_id
   * (valid 2 hours; reused until then, so a double tap never places a second order).
   */
  wechatPay?: { outTradeNo: string; attempt: number; orderedAt: Date; prepayId: string; prepaidAt: Date }
}

/**
 * A policy: `_id` is its order's id — one payment, one policy, whatever the number of callbacks. `capLeftFen` is the
 * cover left of the year, the one counter claims race on (changed only inside the transaction that approves one).
 */
export interface PolicyDoc {
  _id: string
  number: string
  userId: string
  openid: string
  district: string
  service: 'insurance'
  schemeId: string
  schemeKey: string
  schemeName: string
  insurer: string
  startsAt: Date
  endsAt: Date
  premiumFen: number
  annualCapFen: number
  capLeftFen: number
  renewalNotified: boolean
  createdAt: Date
}
