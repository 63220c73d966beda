import * as z from 'zod/mini'
import { DateText, DistrictCode } from './fields'

/**
 * 积分商城 (../shared/reference/DOMAIN.md §4; Kunshan: rewards cost 800–3800 points, each redemption gets a unique
 * pickup code). Staff of a district list rewards; a worker redeems one in a single transaction (stock, balance and
 * the per-person limit checked together, the debit written with it); the code is shown at the pickup place, valid
 * once; an unpicked redemption expires after the district's `redemptionExpiryDays` and gives points and stock back.
 */

// ——— Rewards (staff) ———

const Id = (message: string) => z.string({ error: message }).check(z.minLength(1, message), z.maxLength(120, message))

/** A reward as staff list it. `stock` is how many there are in all; what is left follows from what was redeemed. */
export const RewardInput = z.strictObject({
  /** Set to edit an existing reward. */
  id: z.optional(Id('礼品编号不对')),
  district: DistrictCode,
  name: z.string({ error: '请填写礼品名称' }).check(z.trim(), z.minLength(2, '请填写礼品名称（至少 2 个字）'), z.maxLength(30, '名称最多 30 个字')),
  description: z.optional(z.string().check(z.trim(), z.maxLength(200, '说明最多 200 个字'))),
  /** An uploaded photo (application.registerFile / POST /api/files); absent or null: no picture. */
  picture: z.optional(z.nullable(z.string().check(z.minLength(1, '图片无效，请重新上传')))),
  cost: z.int({ error: '请填写兑换所需积分（整数）' }).check(z.gte(1, '所需积分至少 1 分'), z.lte(100_000, '所需积分最多 100000 分')),
  stock: z.int({ error: '请填写数量（整数）' }).check(z.gte(0, '数量不能是负数'), z.lte(100_000, '数量最多 100000 件')),
  pickupPlace: z.string({ error: '请填写领取地点' }).check(z.trim(), z.minLength(4, '请写明领取地点（驿站名称和地址）'), z.maxLength(60, '领取地点最多 60 个字')),
  /** When the place hands rewards out, in words: “每天 9:00–21:00”. */
  pickupHours: z.optional(z.string().check(z.trim(), z.maxLength(40, '领取时间最多 40 个字'))),
  limitPerPerson: z.int({ error: '请填写每人限兑几件（整数）' }).check(z.gte(1, '每人至少能兑 1 件'), z.lte(99, '每人最多限兑 99 件')),
  /** The last day it can be redeemed (inclusive, Asia/Shanghai). */
  validUntil: DateText,
})
export type RewardInput = z.infer<typeof RewardInput>

export const REWARD_STATUSES = ['active', 'withdrawn'] as const
export type RewardStatus = (typeof REWARD_STATUSES)[number]
export const REWARD_STATUS_LABELS: Record<RewardStatus, string> = { active: '上架中', withdrawn: '已下架' }

export const RewardStatusInput = z.strictObject({
  id: Id('礼品编号不对'),
  status: z.enum(REWARD_STATUSES, { error: '请选择上架或下架' }),
})
export type RewardStatusInput = z.infer<typeof RewardStatusInput>

export const RewardIdInput = z.strictObject({ id: Id('礼品编号不对') })
export type RewardIdInput = z.infer<typeof RewardIdInput>

// ——— Redemptions (worker) ———

export const RedeemInput = z.strictObject({ rewardId: Id('请选择要兑换的礼品') })
export type RedeemInput = z.infer<typeof RedeemInput>

export const RedemptionIdInput = z.strictObject({ id: Id('兑换记录编号不对') })
export type RedemptionIdInput = z.infer<typeof RedemptionIdInput>

export const REDEMPTION_STATES = ['waiting', 'picked', 'expired'] as const
export type RedemptionState = (typeof REDEMPTION_STATES)[number]
export const REDEMPTION_STATE_LABELS: Record<RedemptionState, string> = { waiting: '待领取', picked: '已领取', expired: '已过期退回' }

/** A pickup code: 8 digits. Spaces and dashes a person types or reads out are dropped first. */
export const PICKUP_CODE_DIGITS = 8
export const normalizeCode = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s-－—]/g, '')
export const PickupCodeInput = z.strictObject({
  code: z.string({ error: '请输入兑换码' }).check(z.overwrite(normalizeCode), z.regex(/^\d{8}$/, '兑换码是 8 位数字，请核对')),
})
export type PickupCodeInput = z.infer<typeof PickupCodeInput>

/** `1234 5678`: easier to read out and type than eight digits in a row. */
export const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`

// ——— Views ———

/** Whether the caller can redeem it now, and if not, why — in this order of what matters. */
export type RewardAvailability = 'open' | 'ended' | 'soldOut' | 'limitReached' | 'short'

export interface RewardCard {
  id: string
  name: string
  description: string
  /** A short-lived address of the photo; null without one. */
  picture: string | null
  cost: number
  stock: number
  left: number
  pickupPlace: string
  pickupHours: string | null
  limitPerPerson: number
  validUntil: string
  /** The caller's redemptions of it that count towards the limit (waiting or picked up; expired ones do not). */
  mine: number
  /** How many more the caller may redeem (the limit less `mine`). */
  mayRedeem: number
  availability: RewardAvailability
}

/** The mall of the caller's district: what they have, and what they can get for it. */
export interface MallView {
  district: string
  balance: number
  /** Days a redeemed reward waits at its pickup place (the district's redemptionExpiryDays). */
  expiryDays: number
  rows: RewardCard[]
}

export interface RewardDetail extends RewardCard {
  balance: number
  expiryDays: number
}

export interface RedemptionView {
  id: string
  rewardId: string
  rewardName: string
  picture: string | null
  cost: number
  pickupPlace: string
  pickupHours: string | null
  /** 8 digits; shown large (and as a QR code) while waiting. */
  code: string
  state: RedemptionState
  createdAt: string
  expiresAt: string
  pickedAt: string | null
  expiredAt: string | null
}

export interface RedemptionsPage {
  rows: RedemptionView[]
}

/** A reward as its staff see it: the counters too. */
export interface StaffRewardView {
  id: string
  district: string
  name: string
  description: string
  /** The uploaded file's id (what the form sends back) and its address. */
  pictureId: string | null
  picture: string | null
  cost: number
  stock: number
  left: number
  /** Redeemed and not yet picked up (held at the pickup place). */
  waiting: number
  picked: number
  pickupPlace: string
  pickupHours: string | null
  limitPerPerson: number
  validUntil: string
  status: RewardStatus
  /** Past its last day: no longer offered, whatever its status. */
  ended: boolean
  updatedAt: string
}

export interface StaffRewardsPage {
  rows: StaffRewardView[]
}

/** What the desk sees after typing or scanning a code: enough to hand the right thing to the right person. */
export interface PickupView {
  code: string
  redemptionId: string
  rewardName: string
  picture: string | null
  cost: number
  pickupPlace: string
  /** Masked: 周**. */
  name: string
  state: RedemptionState
  createdAt: string
  expiresAt: string
  pickedAt: string | null
  /** Still waiting, but past its pickup window (the daily job has not refunded it yet): cannot be picked up. */
  overdue: boolean
}
