import { randomInt } from 'node:crypto'
import { todayOf } from '~types/time'
import { PICKUP_CODE_DIGITS, type RedemptionView, type RedemptionsPage } from '~types/volunteer-mall.schema'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import { isDuplicateKeyError } from '../db'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'
import { accountIn, post } from './ledger'
import { heldKey, PICKUP_CODES, REDEMPTIONS, REWARDS, redemptionIdOf, seqKey, type PickupCodeDoc, type RedemptionDoc, type RewardDoc } from './mall.doc'
import { getReward } from './mall.rewards'
import { pictureLinks, redemptionView } from './mall.views'
import { rulesFor } from './rules.service'

const DAY_MS = 86_400_000
const GONE = '没有找到这件礼品，可能已经下架'
/** Tries at a free code before giving up: with 10⁸ codes a second try is already rare. */
const CODE_TRIES = 8

/** A reward the caller cannot have today, in the words of why — the same checks before and inside the transaction. */
function refuseUnavailable(reward: RewardDoc | null, district: string, today: string): asserts reward is RewardDoc {
  if (!reward || reward.district !== district || reward.status !== 'active') throw new AppError('NOT_FOUND', GONE)
  if (reward.validUntil < today) throw new AppError('CONFLICT', `“${reward.name}”的兑换截止到 ${reward.validUntil}，已经过了`)
  if (reward.left <= 0) throw new AppError('CONFLICT', `“${reward.name}”已兑完，下次上架再来`)
}

/** 8 digits from the system's CSPRNG (a guessable code could be picked up by someone else). */
export function newCode(): string {
  return String(randomInt(0, 10 ** PICKUP_CODE_DIGITS)).padStart(PICKUP_CODE_DIGITS, '0')
}

/**
 * A code no redemption has had, claimed inside the redemption's transaction: looked up by id, and written as a
 * document of its own — so even two transactions drawing the same digits at once cannot both commit it.
 */
async function claimCode(tx: Transaction, redemptionId: string, district: string, now: Date, draw: () => string): Promise<string> {
  for (let i = 0; i < CODE_TRIES; i++) {
    const code = draw()
    const { data } = await tx.collection(PICKUP_CODES).doc(code).get()
    if (data) continue
    await tx.collection(PICKUP_CODES).add({ _id: code, redemptionId, district, createdAt: now } satisfies PickupCodeDoc)
    return code
  }
  throw new AppError('INTERNAL', 'no free pickup code')
}

/**
 * Redeem a reward, all in one transaction of single-document operations (as CloudBase allows): the reward by id —
 * still valid, one left — the worker's account — the per-person limit, the balance — then the shelf count down, the
 * debit entry sourced to this redemption (written by the ledger with the balance after it), the redemption and its
 * code. Nothing is written unless everything is. Under a crowd the shelf is the one document everyone writes: the
 * losers of each round fail there and run again against the new count, so stock never goes below 0. Two taps of one
 * worker build the same redemption id (their n-th of this reward) and collide on their account besides.
 */
export async function redeem(rt: Runtime, user: UserDoc, rewardId: string, replay?: ReplayRecorder, draw: () => string = newCode): Promise<RedemptionView> {
  const now = rt.now()
  const today = todayOf(now)
  const district = user.profile!.districtCode
  // Checked once before: a sold-out reward is refused without a transaction (most of a crowd after the last one).
  const first = await getReward(rt, rewardId)
  refuseUnavailable(first, district, today)
  const rules = await rulesFor(rt, first.district)
  const expiresAt = new Date(now.getTime() + rules.redemptionExpiryDays * DAY_MS)
  let doc: RedemptionDoc | undefined
  try {
    doc = await inTransaction(rt.db, async (tx: Transaction) => {
      const { data } = await tx.collection(REWARDS).doc(rewardId).get()
      const reward = (data as RewardDoc | null) ?? null
      refuseUnavailable(reward, district, today)
      const account = await accountIn(tx, user._id, now)
      const redeemed = account.redeemed ?? {}
      const held = redeemed[heldKey(rewardId)] ?? 0
      if (held >= reward.limitPerPerson) {
        throw new AppError('CONFLICT', `“${reward.name}”每人限兑 ${reward.limitPerPerson} 件，您已经兑换了 ${held} 件`)
      }
      if (account.balance < reward.cost) {
        throw new AppError('CONFLICT', `积分不够：兑换“${reward.name}”要 ${reward.cost} 分，您现有 ${account.balance} 分，还差 ${reward.cost - account.balance} 分`)
      }
      const n = (redeemed[seqKey(rewardId)] ?? 0) + 1
      const id = redemptionIdOf(rewardId, user._id, n)
      // The shelf first: of a crowd, every loser fails at this write, before writing anything else.
      await tx.collection(REWARDS).doc(rewardId).update({ left: reward.left - 1, updatedAt: now })
      await post(tx, account, {
        amount: -reward.cost,
        reason: `积分兑换：${reward.name}`,
        source: { type: 'redemption', id },
        earned: false,
        by: user._id,
        account: { redeemed: { ...redeemed, [heldKey(rewardId)]: held + 1, [seqKey(rewardId)]: n } },
      }, now)
      const redemption: RedemptionDoc = {
        _id: id, service: 'volunteer', district: reward.district, rewardId, userId: user._id, openid: user.openid, shownName: account.shownName,
        rewardName: reward.name, pictureKey: reward.pictureKey, cost: reward.cost, pickupPlace: reward.pickupPlace, pickupHours: reward.pickupHours,
        code: await claimCode(tx, id, reward.district, now, draw),
        state: 'waiting', createdAt: now, expiresAt, pickedAt: null, pickedBy: null, expiredAt: null,
      }
      await tx.collection(REDEMPTIONS).add(redemption)
      await replay?.record(tx, { id })
      return redemption
    })
  } catch (e) {
    // Another tap of the same worker committed this very redemption (or its debit) first.
    if (isDuplicateKeyError(e)) throw new AppError('CONFLICT', '刚刚已经兑换过了，请到“我的兑换”查看领取码')
    throw e
  }
  return redemptionView(doc, await pictureLinks(rt, [doc.pictureKey]))
}

const MY_ROWS = 50

/** The caller's own redemptions, newest first (index userId, createdAt). */
export async function myRedemptions(rt: Runtime, user: UserDoc): Promise<RedemptionsPage> {
  const { data } = await rt.db.collection(REDEMPTIONS).where({ userId: user._id }).orderBy('createdAt', 'desc').limit(MY_ROWS).get()
  const rows = data as RedemptionDoc[]
  const pictures = await pictureLinks(rt, rows.map((r) => r.pictureKey))
  return { rows: rows.map((r) => redemptionView(r, pictures)) }
}

/** One of the caller's own; someone else's id answers NOT_FOUND, as a missing one does. */
export async function myRedemption(rt: Runtime, user: UserDoc, id: string): Promise<RedemptionView> {
  const { data } = await rt.db.collection(REDEMPTIONS).doc(id).get()
  const r = data[0] as RedemptionDoc | undefined
  if (!r || r.userId !== user._id) throw new AppError('NOT_FOUND', '没有找到这条兑换记录')
  return redemptionView(r, await pictureLinks(rt, [r.pictureKey]))
}
