import { formatDateTime } from '~types/format'
import type { Runtime, Transaction } from '../core/context'
import { logFailure } from '../core/error-log'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import { accountIn, post } from './ledger'
import { heldKey, REDEMPTIONS, REWARDS, type RedemptionDoc, type RewardDoc } from './mall.doc'

const PAGE = 100
/** A day's backlog well beyond any district's: the job stops there and goes on at its next run. */
const MAX_PAGES = 50

/**
 * One redemption past its pickup window, in one transaction: waiting → expired, a refund entry (+cost, sourced to
 * the redemption — its id is derived from it, so a second refund of one redemption cannot commit), the per-person
 * count back down, the reward back on the shelf, and the worker told. Only this redemption's own debit comes back:
 * never a sum over entries. Answers whether it expired it (false: picked up, or expired by another run, meanwhile).
 */
export async function expireRedemption(rt: Runtime, id: string, now: Date): Promise<boolean> {
  const notices = await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(REDEMPTIONS).doc(id).get()
    const r = data as RedemptionDoc | null
    if (!r || r.state !== 'waiting' || r.expiresAt > now) return null
    // The redemption first: a pickup or another run of this job racing on it fails here.
    await tx.collection(REDEMPTIONS).doc(id).update({ state: 'expired', expiredAt: now })
    const account = await accountIn(tx, r.userId, now)
    const redeemed = account.redeemed ?? {}
    await post(tx, account, {
      amount: r.cost,
      reason: `兑换过期退回：${r.rewardName}`,
      source: { type: 'refund', id: r._id },
      earned: false,
      by: 'system',
      account: { redeemed: { ...redeemed, [heldKey(r.rewardId)]: Math.max(0, (redeemed[heldKey(r.rewardId)] ?? 0) - 1) } },
    }, now)
    const { data: w } = await tx.collection(REWARDS).doc(r.rewardId).get()
    const reward = w as RewardDoc | null
    if (reward) await tx.collection(REWARDS).doc(r.rewardId).update({ left: reward.left + 1, updatedAt: now })
    return [await notify(rt, tx, {
      openid: r.openid,
      title: `兑换已过期，${r.cost} 分已退回`,
      body: `您兑换的“${r.rewardName}”没有在 ${formatDateTime(r.expiresAt)} 前到${r.pickupPlace}领取，已过期。${r.cost} 分已退回您的积分账户，礼品也放回了商城，还想要可以再兑换。`,
      target: { kind: 'redemption', id },
      progress: { matter: `积分兑换 ${r.rewardName}`, status: '已过期', hint: `${r.cost} 分已退回` },
    })]
  })
  if (!notices) return false
  await deliver(rt, notices)
  return true
}

/**
 * Daily (the volunteer function's timer) and callable by tests: every redemption still waiting past its window
 * expires. Safe to run twice at once — each redemption is settled by its own transaction, and a run that finds it
 * settled leaves it. One that fails is logged and left for the next run; the others go on.
 */
export async function expireRedemptions(rt: Runtime): Promise<number> {
  const _ = rt.db.command
  const now = rt.now()
  const failed = new Set<string>()
  let expired = 0
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await rt.db.collection(REDEMPTIONS).where({ state: 'waiting', expiresAt: _.lte(now) }).orderBy('expiresAt', 'asc').limit(PAGE + failed.size).get()
    const due = (data as RedemptionDoc[]).filter((r) => !failed.has(r._id))
    if (!due.length) break
    for (const r of due) {
      try {
        if (await expireRedemption(rt, r._id, now)) expired++
      } catch (e) {
        failed.add(r._id)
        logFailure('mall: expiry', e)
      }
    }
  }
  return expired
}
