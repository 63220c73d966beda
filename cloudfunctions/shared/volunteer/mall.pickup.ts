import type { PickupView } from '~types/volunteer-mall.schema'
import { formatDateTime } from '~types/format'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import { districtsOf, inScopeOr404 } from '../core/scope'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import type { UserDoc } from '../user/user.doc'
import { PICKUP_CODES, REDEMPTIONS, REWARDS, type PickupCodeDoc, type RedemptionDoc, type RewardDoc } from './mall.doc'
import { pickupView, pictureLinks } from './mall.views'

const NO_CODE = '没有这个兑换码，请核对后再输入'

/**
 * The code's redemption, for staff of its district only: a code of another district answers as a code that does
 * not exist, so a desk cannot probe what other districts handed out.
 */
async function redemptionOfCode(rt: Runtime, user: UserDoc, code: string): Promise<RedemptionDoc> {
  const { data } = await rt.db.collection(PICKUP_CODES).doc(code).get()
  const c = data[0] as PickupCodeDoc | undefined
  if (!c || !districtsOf(user, 'volunteer').includes(c.district)) throw new AppError('NOT_FOUND', NO_CODE)
  const { data: r } = await rt.db.collection(REDEMPTIONS).doc(c.redemptionId).get()
  return inScopeOr404(user, (r[0] as RedemptionDoc | undefined) ?? null, NO_CODE)
}

export async function lookupCode(rt: Runtime, user: UserDoc, code: string): Promise<PickupView> {
  const r = await redemptionOfCode(rt, user, code)
  return pickupView(r, rt.now(), await pictureLinks(rt, [r.pictureKey]))
}

const dayText = (d: Date) => formatDateTime(d).slice(0, 10)

/** Why a redemption cannot be handed over now, or nothing — one rule for the desk's look-up and the confirm. */
export function pickupRefusal(r: RedemptionDoc, now: Date): string | null {
  if (r.state === 'picked') return `这个兑换码已经在 ${formatDateTime(r.pickedAt!)} 领取过了，不能再领`
  if (r.state === 'expired') return `这个兑换码已过期（应在 ${dayText(r.expiresAt)} 前领取），积分已退回兑换人`
  if (now >= r.expiresAt) return `这个兑换码已过期（应在 ${dayText(r.expiresAt)} 前领取），积分会退回兑换人`
  return null
}

/**
 * Hand the reward over: in one transaction the redemption goes waiting → picked (a second confirm finds it picked
 * and says when), the reward counts one more picked up, the step is audited and the worker told. A pickup and the
 * expiry job racing on one redemption both write it, so only one of them commits.
 */
export async function pickup(rt: Runtime, user: UserDoc, code: string, replay?: ReplayRecorder): Promise<PickupView> {
  const now = rt.now()
  const { _id: id } = await redemptionOfCode(rt, user, code)
  let notices: Awaited<ReturnType<typeof notify>>[] = []
  const picked = await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(REDEMPTIONS).doc(id).get()
    const r = inScopeOr404(user, (data as RedemptionDoc | null) ?? null, NO_CODE)
    const refusal = pickupRefusal(r, now)
    if (refusal) throw new AppError('CONFLICT', refusal)
    await tx.collection(REDEMPTIONS).doc(id).update({ state: 'picked', pickedAt: now, pickedBy: user._id })
    const { data: w } = await tx.collection(REWARDS).doc(r.rewardId).get()
    const reward = w as RewardDoc | null
    if (reward) await tx.collection(REWARDS).doc(r.rewardId).update({ picked: reward.picked + 1, updatedAt: now })
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'volunteer.pickup', targetType: 'redemption', targetId: id, from: 'waiting', to: 'picked', at: now })
    notices = [await notify(rt, tx, {
      openid: r.openid,
      title: `已领取：${r.rewardName}`,
      body: `您用 ${r.cost} 分兑换的“${r.rewardName}”已在${r.pickupPlace}领取（${formatDateTime(now)}）。谢谢您参加志愿服务！`,
      target: { kind: 'redemption', id },
      progress: { matter: `积分兑换 ${r.rewardName}`, status: '已领取', hint: `${r.pickupPlace}` },
    })]
    const out: RedemptionDoc = { ...r, state: 'picked', pickedAt: now, pickedBy: user._id }
    await replay?.record(tx, { code })
    return out
  })
  await deliver(rt, notices)
  return pickupView(picked, now, await pictureLinks(rt, [picked.pictureKey]))
}
