import type { PickupView, RedemptionView, RewardAvailability, RewardCard, StaffRewardView } from '~types/volunteer-mall.schema'
import type { Runtime } from '../core/context'
import { logFailure } from '../core/error-log'
import { heldKey, type RedemptionDoc, type RewardDoc } from './mall.doc'

/** A reward picture's address lasts as long as someone plausibly keeps the mall open. */
const PICTURE_LINK_MS = 2 * 3600 * 1000

/**
 * Addresses for reward pictures, by file key. A reward's photo is no one's personal document, so unlike an
 * application's attachment it is linked for every reader of the reward without a per-file check or audit. A picture
 * that cannot be linked is left out rather than failing the mall.
 */
export async function pictureLinks(rt: Runtime, keys: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(keys.filter((k): k is string => !!k))]
  const out = new Map<string, string>()
  if (!rt.files || !wanted.length) return out
  const expiresAt = new Date(rt.now().getTime() + PICTURE_LINK_MS)
  await Promise.all(
    wanted.map(async (key) => {
      try {
        out.set(key, await rt.files!.link(key, expiresAt))
      } catch (e) {
        logFailure('mall: picture link', e)
      }
    }),
  )
  return out
}

export function availabilityOf(r: RewardDoc, today: string, balance: number, mine: number): RewardAvailability {
  if (r.status !== 'active' || r.validUntil < today) return 'ended'
  if (r.left <= 0) return 'soldOut'
  if (mine >= r.limitPerPerson) return 'limitReached'
  if (balance < r.cost) return 'short'
  return 'open'
}

export function rewardCard(r: RewardDoc, opts: { today: string; balance: number; redeemed: Record<string, number>; pictures: Map<string, string> }): RewardCard {
  const mine = opts.redeemed[heldKey(r._id)] ?? 0
  return {
    id: r._id,
    name: r.name,
    description: r.description,
    picture: (r.pictureKey && opts.pictures.get(r.pictureKey)) || null,
    cost: r.cost,
    stock: r.stock,
    left: r.left,
    pickupPlace: r.pickupPlace,
    pickupHours: r.pickupHours,
    limitPerPerson: r.limitPerPerson,
    validUntil: r.validUntil,
    mine,
    mayRedeem: Math.max(0, r.limitPerPerson - mine),
    availability: availabilityOf(r, opts.today, opts.balance, mine),
  }
}

export function staffRewardView(r: RewardDoc, today: string, pictures: Map<string, string>): StaffRewardView {
  return {
    id: r._id,
    district: r.district,
    name: r.name,
    description: r.description,
    pictureId: r.pictureId,
    picture: (r.pictureKey && pictures.get(r.pictureKey)) || null,
    cost: r.cost,
    stock: r.stock,
    left: r.left,
    waiting: r.stock - r.left - r.picked,
    picked: r.picked,
    pickupPlace: r.pickupPlace,
    pickupHours: r.pickupHours,
    limitPerPerson: r.limitPerPerson,
    validUntil: r.validUntil,
    status: r.status,
    ended: r.validUntil < today,
    updatedAt: r.updatedAt.toISOString(),
  }
}

export function redemptionView(r: RedemptionDoc, pictures: Map<string, string>): RedemptionView {
  return {
    id: r._id,
    rewardId: r.rewardId,
    rewardName: r.rewardName,
    picture: (r.pictureKey && pictures.get(r.pictureKey)) || null,
    cost: r.cost,
    pickupPlace: r.pickupPlace,
    pickupHours: r.pickupHours,
    code: r.code,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    pickedAt: r.pickedAt?.toISOString() ?? null,
    expiredAt: r.expiredAt?.toISOString() ?? null,
  }
}

export function pickupView(r: RedemptionDoc, now: Date, pictures: Map<string, string>): PickupView {
  return {
    code: r.code,
    redemptionId: r._id,
    rewardName: r.rewardName,
    picture: (r.pictureKey && pictures.get(r.pictureKey)) || null,
    cost: r.cost,
    pickupPlace: r.pickupPlace,
    name: r.shownName,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    pickedAt: r.pickedAt?.toISOString() ?? null,
    overdue: r.state === 'waiting' && now >= r.expiresAt,
  }
}
