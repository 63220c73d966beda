import type { RedemptionState, RewardStatus } from '~types/volunteer-mall.schema'

/**
 * 积分商城's records. The counters that must never go wrong (../shared/DESIGN.md) live on one document each and change
 * only inside the transaction that changes a redemption: a reward's `left` (stock on the shelf) and `picked`, a
 * worker's per-reward counts on their ledger account (`redeemed`, see below). Uniqueness is by `_id`: a redemption's
 * id is derived from the reward, the worker and their sequence number for it, a pickup code is its own document's id.
 */
export const REWARDS = 'volunteer_rewards'
export const REDEMPTIONS = 'volunteer_redemptions'
/** One document per code ever given (`_id` = the 8 digits): the database refuses a code twice, system-wide. */
export const PICKUP_CODES = 'volunteer_pickup_codes'

export interface RewardDoc {
  _id: string
  service: 'volunteer'
  /** Whose staff list it and whose workers see it (the scope rule's district). */
  district: string
  name: string
  description: string
  /** An uploaded file (`files`), attached to this reward so the unattached-upload purge leaves it. */
  pictureId: string | null
  /** Where its bytes are (the file's `key`): links are made without reading the file record. */
  pictureKey: string | null
  cost: number
  /** How many were put up in all; staff change it, and `left` moves by the same amount. */
  stock: number
  /** On the shelf now: −1 per redemption, +1 per expired one. Never below 0. */
  left: number
  /** Handed over at the pickup place. Held there now: stock − left − picked. */
  picked: number
  pickupPlace: string
  pickupHours: string | null
  limitPerPerson: number
  /** Last day it can be redeemed, `YYYY-MM-DD` Asia/Shanghai, inclusive. */
  validUntil: string
  status: RewardStatus
  version: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export interface RedemptionDoc {
  /** `<rewardId>_<userId>_<n>`: n is the worker's n-th redemption of this reward — two taps at once build the same id. */
  _id: string
  service: 'volunteer'
  /** The reward's district: whose staff hand it over. */
  district: string
  rewardId: string
  userId: string
  openid: string
  /** Masked (周**), for the desk; the full name stays in the profile. */
  shownName: string
  rewardName: string
  /** The reward's picture when it was redeemed (the file's key). */
  pictureKey: string | null
  cost: number
  pickupPlace: string
  pickupHours: string | null
  code: string
  state: RedemptionState
  createdAt: Date
  /** Created + the district's redemptionExpiryDays: after it, the daily job gives points and stock back. */
  expiresAt: Date
  pickedAt: Date | null
  /** The staff member who handed it over. */
  pickedBy: string | null
  expiredAt: Date | null
}

/** Holds no name: only which redemption the code opens and whose district may open it. */
export interface PickupCodeDoc {
  _id: string
  redemptionId: string
  district: string
  createdAt: Date
}

/**
 * The account's `redeemed` map keeps two numbers per reward: under the reward's id the redemptions that count towards
 * the per-person limit (waiting or picked up — an expiry gives the right back), and under `<id>#n` every redemption
 * ever made, which numbers the next one. The limit count goes down, the sequence never does, so the id of a
 * redemption that expired is never built again.
 */
export const heldKey = (rewardId: string) => rewardId
export const seqKey = (rewardId: string) => `${rewardId}#n`

export const redemptionIdOf = (rewardId: string, userId: string, n: number) => `${rewardId}_${userId}_${n}`
