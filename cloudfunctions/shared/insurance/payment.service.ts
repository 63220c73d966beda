import type { PaymentView, PolicyState, PolicyView } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { dayjs, inZone, ZONE } from '~types/time'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import type { UserDoc } from '../user/user.doc'
import { nextInCounter } from '../workflow/case-number'
import { APPLICATIONS, type ApplicationDoc } from '../workflow/application.doc'
import type { InsuranceEnrolmentPayload } from '~types/insurance.schema'
import { ENROL_LOCKS, lockIdOf, RENEWAL_DAYS } from './enrolment.submit'
import { ORDERS, POLICIES, type OrderDoc, type PolicyDoc } from './policy.doc'

async function ownOrder(rt: Runtime, user: UserDoc, id: string): Promise<OrderDoc> {
  const { data } = await rt.db.collection(ORDERS).doc(id).get()
  const order = data[0] as OrderDoc | undefined
  if (!order || order.userId !== user._id) throw new AppError('NOT_FOUND', '没有找到要缴费的保单，参保申请通过后才能缴费')
  return order
}

/**
 * What the app needs to pay a premium. Locally (and in tests) a labelled sandbox: no money moves and the app offers
 * “沙箱支付”. In production WeChat Pay needs a merchant: without one configured this refuses, never pretends.
 */
export async function pay(rt: Runtime, user: UserDoc, applicationId: string): Promise<PaymentView> {
  const order = await ownOrder(rt, user, applicationId)
  const base = { orderId: order._id, amountFen: order.amountFen, state: order.state, policyId: order.state === 'paid' ? order._id : null }
  if (order.state === 'paid') return { ...base, sandbox: rt.stage === 'local' }
  if (rt.stage === 'local') return { ...base, sandbox: true }
  throw new AppError('NOT_AVAILABLE', '微信支付还没有开通（商户未配置），暂时不能在线缴费，请联系所在区县人社部门')
}

/** The local stand-in for WeChat Pay's success callback: refused outside the local stage. */
export async function sandboxPaid(rt: Runtime, user: UserDoc, orderId: string): Promise<PaymentView> {
  if (rt.stage !== 'local') throw new AppError('NOT_AVAILABLE', '沙箱支付只在本地演示环境可用')
  const order = await ownOrder(rt, user, orderId)
  await paymentSucceeded(rt, { orderId, transactionId: `SANDBOX-${order._id}`, amountFen: order.amountFen })
  return pay(rt, user, orderId)
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
    const startsAt = dayjs.tz(inZone(now).format('YYYY-MM-DD'), ZONE).add(1, 'day')
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
    id: p._id, number: p.number, schemeName: p.schemeName, insurer: p.insurer,
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
