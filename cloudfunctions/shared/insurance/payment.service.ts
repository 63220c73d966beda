import type { PaymentView, PolicyState, PolicyView, WechatPayParams } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { dayjs, inZone, ZONE } from '~types/time'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { logFailure } from '../core/error-log'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import type { UserDoc } from '../user/user.doc'
import { nextInCounter } from '../workflow/case-number'
import { APPLICATIONS, type ApplicationDoc } from '../workflow/application.doc'
import type { InsuranceEnrolmentPayload } from '~types/insurance.schema'
import { ENROL_LOCKS, lockIdOf, RENEWAL_DAYS } from './enrolment.submit'
import { ORDERS, POLICIES, type OrderDoc, type PolicyDoc } from './policy.doc'
import {
  createJsapiPrepay, ORDER_PAYABLE_MS, outTradeNoOf, PREPAY_REUSE_MS, queryTransaction, requestPaymentParams, wechatPayMerchant, WechatPayError,
  type Transaction as WechatTransaction, type WechatPayMerchant,
} from './wechat-pay'

async function ownOrder(rt: Runtime, user: UserDoc, id: string): Promise<OrderDoc> {
  const { data } = await rt.db.collection(ORDERS).doc(id).get()
  const order = data[0] as OrderDoc | undefined
  if (!order || order.userId !== user._id) throw new AppError('NOT_FOUND', '没有找到要缴费的保单，参保申请通过后才能缴费')
  return order
}

function paymentView(rt: Runtime, order: OrderDoc, merchant: WechatPayMerchant | null, wechatPay: WechatPayParams | null = null): PaymentView {
  const paid = order.state === 'paid'
  return { orderId: order._id, amountFen: order.amountFen, state: order.state, policyId: paid ? order._id : null, sandbox: rt.stage === 'local' && !merchant, wechatPay: paid ? null : wechatPay }
}

/**
 * What the app needs to pay a premium. With a WeChat Pay merchant configured: the parameters of
 * `wx.requestPayment` for this order's prepay (placed once, reused while valid). Without one, locally (and in
 * tests) a labelled sandbox: no money moves and the app offers “沙箱支付”; in production it refuses, never pretends.
 */
export async function pay(rt: Runtime, user: UserDoc, applicationId: string): Promise<PaymentView> {
  const order = await ownOrder(rt, user, applicationId)
  const merchant = wechatPayMerchant()
  if (order.state === 'paid' || (!merchant && rt.stage === 'local')) return paymentView(rt, order, merchant)
  if (!merchant) throw new AppError('NOT_AVAILABLE', '微信支付还没有开通（商户未配置），暂时不能在线缴费，请联系所在区县人社部门')
  return wechatPayment(rt, merchant, order)
}

/** What the payer reads in WeChat's bill; the same on every renewal of one out_trade_no (WeChat compares them). */
const DESCRIPTION = '职业伤害保险保费（一年）'
/** WeChat orders that can no longer be paid: the next attempt gets a new out_trade_no. */
const FINISHED = new Set(['CLOSED', 'REVOKED', 'REFUND'])

function unavailable(e: unknown): AppError {
  logFailure('wechat-pay', e)
  return new AppError('NOT_AVAILABLE', '微信支付暂时没有响应，钱没有扣，请稍后再试')
}

/**
 * The premium through WeChat Pay. An order that already has a WeChat order is asked about first (the notification
 * may lag or be lost — WeChat's advice is to query): paid there → the policy is issued now. Otherwise its prepay is
 * reused while valid, renewed after 2 hours, and a new out_trade_no placed only once the old one can no longer be
 * paid. Two taps at once place the same out_trade_no, so WeChat keeps one order; the first stored prepay wins.
 */
async function wechatPayment(rt: Runtime, m: WechatPayMerchant, order: OrderDoc): Promise<PaymentView> {
  const now = rt.now()
  const placed = order.wechatPay
  let attempt = placed?.attempt ?? 1
  let reusable = placed
  if (placed) {
    const tx = await queryTransaction(m, placed.outTradeNo, now).catch((e: unknown) => {
      logFailure('wechat-pay', e)
      return undefined
    })
    if (tx?.trade_state === 'SUCCESS') return paymentView(rt, await settled(rt, m, tx, order._id), m)
    if ((tx && FINISHED.has(tx.trade_state)) || now.getTime() - placed.orderedAt.getTime() > ORDER_PAYABLE_MS) {
      attempt = placed.attempt + 1
      reusable = undefined
    } else if (tx === null) reusable = undefined
  }
  if (reusable && now.getTime() - reusable.prepaidAt.getTime() < PREPAY_REUSE_MS) return paymentView(rt, order, m, requestPaymentParams(m, reusable.prepayId, now))
  return placeWechatOrder(rt, m, order, attempt, now, false)
}

async function placeWechatOrder(rt: Runtime, m: WechatPayMerchant, order: OrderDoc, attempt: number, now: Date, retried: boolean): Promise<PaymentView> {
  const outTradeNo = outTradeNoOf(order._id, attempt)
  let prepayId: string
  try {
    prepayId = await createJsapiPrepay(m, { outTradeNo, description: DESCRIPTION, amountFen: order.amountFen, openid: order.openid, attach: order._id }, now)
  } catch (e) {
    if (e instanceof WechatPayError && e.code === 'ORDERPAID') {
      const tx = await queryTransaction(m, outTradeNo, now).catch((q: unknown) => Promise.reject(unavailable(q)))
      if (tx?.trade_state === 'SUCCESS') return paymentView(rt, await settled(rt, m, tx, order._id), m)
    }
    if (e instanceof WechatPayError && (e.code === 'ORDER_CLOSED' || e.code === 'OUT_TRADE_NO_USED') && !retried) return placeWechatOrder(rt, m, order, attempt + 1, now, true)
    throw unavailable(e)
  }
  const stored = await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(ORDERS).doc(order._id).get()
    const fresh = data as OrderDoc
    const cur = fresh.wechatPay
    if (fresh.state === 'paid') return fresh
    // A simultaneous tap stored its prepay first: answer that one (the same WeChat order either way).
    if (cur && cur.attempt >= attempt && now.getTime() - cur.prepaidAt.getTime() < PREPAY_REUSE_MS) return fresh
    const wechatPay = { outTradeNo, attempt, orderedAt: cur?.attempt === attempt ? cur.orderedAt : now, prepayId, prepaidAt: now }
    await tx.collection(ORDERS).doc(order._id).update({ wechatPay })
    return { ...fresh, wechatPay }
  })
  return paymentView(rt, stored, m, stored.wechatPay ? requestPaymentParams(m, stored.wechatPay.prepayId, now) : null)
}

async function settled(rt: Runtime, m: WechatPayMerchant, tx: WechatTransaction, orderId: string): Promise<OrderDoc> {
  await settleWechatPayment(rt, m, tx)
  const { data } = await rt.db.collection(ORDERS).doc(orderId).get()
  return data[0] as OrderDoc
}

/**
 * A WeChat Pay transaction that WeChat signed (a notification, or our query's answer) and says SUCCESS: ours only
 * if merchant and app are ours, and its out_trade_no is one this order was placed under (`attach` names the order).
 * The amount is the order's `total` — the premium; `payer_total` can be less when a coupon paid part of it.
 * Then paymentSucceeded: one transaction, one policy, the wrong amount refused.
 */
export async function settleWechatPayment(rt: Runtime, m: WechatPayMerchant, tx: WechatTransaction): Promise<string> {
  if (tx.mchid !== m.mchid || tx.appid !== m.appid) throw new AppError('FORBIDDEN', '不是本商户的支付')
  if (tx.trade_state !== 'SUCCESS' || !tx.transaction_id || !tx.amount) throw new AppError('CONFLICT', '这笔支付没有成功')
  if (tx.amount.currency !== undefined && tx.amount.currency !== 'CNY') throw new AppError('CONFLICT', '币种不对')
  const orderId = tx.attach ?? tx.out_trade_no
  if (!/^[\w-]{1,64}$/.test(orderId)) throw new AppError('NOT_FOUND', '没有这笔订单')
  const { data } = await rt.db.collection(ORDERS).doc(orderId).get()
  const order = data[0] as OrderDoc | undefined
  if (!order) throw new AppError('NOT_FOUND', '没有这笔订单')
  const attempts = Array.from({ length: Math.max(1, order.wechatPay?.attempt ?? 1) }, (_, i) => outTradeNoOf(order._id, i + 1))
  if (!attempts.includes(tx.out_trade_no)) throw new AppError('CONFLICT', '订单号和订单不符')
  if (order.state === 'paid' && order.transactionId !== tx.transaction_id) {
    // Money arrived twice for one premium (a second WeChat order paid): one policy still; the operator refunds.
    logFailure('wechat-pay', new Error('a second WeChat Pay transaction for an order already paid: refund it by hand'))
  }
  return paymentSucceeded(rt, { orderId: order._id, transactionId: tx.transaction_id, amountFen: tx.amount.total })
}

/** The local stand-in for WeChat Pay's success callback: refused outside the local stage, and once a merchant is set. */
export async function sandboxPaid(rt: Runtime, user: UserDoc, orderId: string): Promise<PaymentView> {
  if (rt.stage !== 'local' || wechatPayMerchant()) throw new AppError('NOT_AVAILABLE', '沙箱支付只在本地演示环境可用')
  const order = await ownOrder(rt, user, orderId)
  await paymentSucceeded(rt, { orderId, transactionId: `SANDBOX-${order._id}`, amountFen: order.amountFen })
  return pay(rt, user, orderId)
}

/** When the worker's policy of the order's scheme that is still running ends (null: none runs). */
async function runningPolicyEnd(rt: Runtime, order: OrderDoc, now: Date): Promise<Date | null> {
  const { data: a } = await rt.db.collection(APPLICATIONS).doc(order.applicationId).get()
  const app = a[0] as ApplicationDoc | undefined
  const schemeKey = (app?.payload as unknown as InsuranceEnrolmentPayload | undefined)?.schemeKey
  if (!schemeKey) return null
  const { data } = await rt.db.collection(POLICIES).where({ userId: order.userId, schemeKey, endsAt: rt.db.command.gt(now) }).orderBy('endsAt', 'desc').limit(1).get()
  return (data[0] as PolicyDoc | undefined)?.endsAt ?? null
}

/** Policy numbers a person can read out: `ZS-2026-000123`, from a counter per year. */
async function nextPolicyNumber(tx: Transaction, now: Date): Promise<string> {
  const year = inZone(now).format('YYYY')
  const n = await nextInCounter(tx, `policy:${year}`)
  return `ZS-${year}-${String(n).padStart(6, '0')}`
}

/**
 * A payment has succeeded (WeChat Pay's callback, or the sandbox): in one transaction the order is paid and the
 * policy issued with the order's id as its own — a repeated callback finds the order paid and answers the same
 * policy; an amount that is not the premium is refused. The policy runs from the next day 00:00 for a year.
 */
export async function paymentSucceeded(rt: Runtime, paid: { orderId: string; transactionId: string; amountFen: number }): Promise<string> {
  const now = rt.now()
  // A renewal paid before the running policy ends starts when it ends — the year bought is a whole year, not one
  // overlapping the old policy. Read before the transaction (CloudBase allows no query in one); the enrolment lock
  // keeps a second policy of this scheme from being bought meanwhile.
  const { data: pre } = await rt.db.collection(ORDERS).doc(paid.orderId).get()
  const preOrder = pre[0] as OrderDoc | undefined
  const running = preOrder ? await runningPolicyEnd(rt, preOrder, now) : null
  let notice: Awaited<ReturnType<typeof notify>> | undefined
  const policyId = await inTransaction(rt.db, async (tx: Transaction) => {
    notice = undefined
    const { data } = await tx.collection(ORDERS).doc(paid.orderId).get()
    const order = data as OrderDoc | null
    if (!order) throw new AppError('NOT_FOUND', '没有这笔订单')
    if (order.state === 'paid') return order._id
    if (paid.amountFen !== order.amountFen) throw new AppError('CONFLICT', `支付金额 ${formatFen(paid.amountFen)} 和保费 ${formatFen(order.amountFen)} 不一致`)
    const { data: a } = await tx.collection(APPLICATIONS).doc(order.applicationId).get()
    const app = a as ApplicationDoc
    const p = app.payload as unknown as InsuranceEnrolmentPayload
    const tomorrow = dayjs.tz(inZone(now).format('YYYY-MM-DD'), ZONE).add(1, 'day')
    const startsAt = running && running > tomorrow.toDate() ? dayjs(running) : tomorrow
    const policy: Omit<PolicyDoc, '_id'> = {
      number: await nextPolicyNumber(tx, now),
      userId: order.userId, openid: order.openid, district: app.district, service: 'insurance',
      schemeId: p.schemeId, schemeKey: p.schemeKey, schemeName: p.schemeName, insurer: p.insurer,
      startsAt: startsAt.toDate(), endsAt: startsAt.add(1, 'year').toDate(),
      premiumFen: order.amountFen, annualCapFen: p.annualCapFen, capLeftFen: p.annualCapFen, renewalNotified: false, createdAt: now,
    }
    await tx.collection(ORDERS).doc(order._id).update({ state: 'paid', transactionId: paid.transactionId, paidAt: now })
    await tx.collection(POLICIES).doc(order._id).set(policy)
    await tx.collection(ENROL_LOCKS).doc(lockIdOf(order.userId, p.schemeKey)).remove()
    await tx.collection(AUDIT).add({ actorId: 'payment', actorRole: 'system', action: 'insurance.paid', targetType: 'policy', targetId: order._id, to: { number: policy.number, amountFen: order.amountFen }, at: now })
    notice = await notify(rt, tx, {
      openid: order.openid,
      title: `保单已出：${policy.number}`,
      body: `已收到保费 ${formatFen(order.amountFen)}。“${p.schemeName}”从 ${startsAt.format('YYYY年M月D日')} 零点起保障一年，每年最高赔付 ${formatFen(p.annualCapFen)}。保单随时可以在“我的保障”里查看。`,
      target: { kind: 'application', id: app._id },
      progress: { matter: `保单${policy.number}`, status: '已出单', hint: '明天零点起生效' },
    })
    return order._id
  })
  if (notice) await deliver(rt, [notice])
  return policyId
}

function policyState(p: PolicyDoc, now: Date): PolicyState {
  if (now < p.startsAt) return 'upcoming'
  return now < p.endsAt ? 'active' : 'expired'
}

export function policyView(p: PolicyDoc, now: Date): PolicyView {
  const state = policyState(p, now)
  return {
    id: p._id, number: p.number, schemeKey: p.schemeKey, schemeName: p.schemeName, insurer: p.insurer,
    startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString(),
    premiumFen: p.premiumFen, annualCapFen: p.annualCapFen, capLeftFen: p.capLeftFen, state,
    daysLeft: state === 'expired' ? null : Math.ceil((p.endsAt.getTime() - now.getTime()) / 86_400_000),
  }
}

/** The worker's own policies, newest first — on the phone, not kept at a station. */
export async function myPolicies(rt: Runtime, user: UserDoc): Promise<PolicyView[]> {
  const { data } = await rt.db.collection(POLICIES).where({ userId: user._id }).orderBy('startsAt', 'desc').limit(50).get()
  const now = rt.now()
  return (data as PolicyDoc[]).map((p) => policyView(p, now))
}

/** Daily: a policy ending within RENEWAL_DAYS gets one reminder (flag set in the same transaction as its message). */
export async function remindRenewals(rt: Runtime): Promise<number> {
  const _ = rt.db.command
  const now = rt.now()
  const { data } = await rt.db.collection(POLICIES).where({ renewalNotified: false, endsAt: _.gt(now).and(_.lte(new Date(now.getTime() + RENEWAL_DAYS * 86_400_000))) }).limit(200).get()
  let sent = 0
  for (const p of data as PolicyDoc[]) {
    let notice: Awaited<ReturnType<typeof notify>> | undefined
    await inTransaction(rt.db, async (tx: Transaction) => {
      notice = undefined
      const { data: fresh } = await tx.collection(POLICIES).doc(p._id).get()
      if ((fresh as PolicyDoc).renewalNotified) return
      await tx.collection(POLICIES).doc(p._id).update({ renewalNotified: true })
      notice = await notify(rt, tx, {
        openid: p.openid,
        title: `保单快到期了：${p.number}`,
        body: `“${p.schemeName}”保障到 ${inZone(p.endsAt).subtract(1, 'ms').format('YYYY年M月D日')} 为止。现在就可以在“我的保障”里续保，不断保。`,
        target: { kind: 'application', id: p._id },
        progress: { matter: `保单${p.number}`, status: '即将到期', hint: '可以续保了' },
      })
    })
    if (notice) {
      await deliver(rt, [notice])
      sent++
    }
  }
  return sent
}
