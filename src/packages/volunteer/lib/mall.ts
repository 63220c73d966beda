import type { FieldErrors } from '~types/errors'
import type { RedemptionView, RewardCard, RewardInput, StaffRewardView } from '~types/volunteer-mall.schema'
import { formatDateTime } from '~types/format'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'
import type { Attached } from '../../../components/attachment-picker'

/** 积分商城's words: what a rider reads on a card, in the confirmation and on a code — shared by its pages. */

/** 12月24日 */
export const monthDay = (iso: string) => {
  const d = formatDateTime(iso)
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
}

/** The card's one line of stock: 还剩 N 件 / 已兑完 — the words carry it, colour only repeats. */
export function stockWords(r: Pick<RewardCard, 'left' | 'availability'>): string {
  if (r.availability === 'ended') return '已过兑换期'
  return r.left > 0 ? `还剩 ${r.left} 件` : '已兑完'
}

/** Whether I can have it, in words: afford and limit together. */
export function canWords(r: RewardCard, balance: number): string {
  switch (r.availability) {
    case 'open':
      return r.limitPerPerson > 1 ? `积分够，您还能兑 ${r.mayRedeem} 件（每人限兑 ${r.limitPerPerson} 件）` : '积分够，每人限兑 1 件'
    case 'short':
      return `还差 ${r.cost - balance} 分（您现有 ${balance} 分）`
    case 'limitReached':
      return `每人限兑 ${r.limitPerPerson} 件，您已兑满`
    case 'soldOut':
      return '已兑完，下次上架再来'
    case 'ended':
      return `兑换已在 ${r.validUntil} 截止`
  }
}

/** The sentence to agree to before the points go: 兑换后扣 N 分，请在 M 天内到 X 领取. */
export function confirmWords(r: Pick<RewardCard, 'cost' | 'pickupPlace' | 'pickupHours'>, expiryDays: number): string {
  return `兑换后扣 ${r.cost} 分，请在 ${expiryDays} 天内到${r.pickupPlace}领取${r.pickupHours ? `（${r.pickupHours}）` : ''}。过期没领，积分会退回。`
}

export const STATE_WORDS: Record<RedemptionView['state'], string> = { waiting: '待领取', picked: '已领取', expired: '已过期退回' }

/** Under a code: what to do with it, or what became of it. */
export function redemptionWords(r: RedemptionView): string {
  if (r.state === 'waiting') return `请在 ${monthDay(r.expiresAt)}（${formatDateTime(r.expiresAt).slice(11)}）前到${r.pickupPlace}领取${r.pickupHours ? `，${r.pickupHours}` : ''}。出示这个码，工作人员扫码或输入后交给您。`
  if (r.state === 'picked') return `已在 ${formatDateTime(r.pickedAt!)} 领取。`
  return `没有在 ${monthDay(r.expiresAt)} 前领取，已过期：${r.cost} 分已退回您的积分账户。`
}

// ——— Staff: the reward form ———

/** The districts whose volunteer service the caller runs (one definition, beside the task form's). */
export { volunteerDistricts } from './task-draft'

/** A reward half typed, every number as typed: kept on the device until it is saved. */
export interface RewardDraft {
  district: string
  name: string
  description: string
  picture: Attached[]
  cost: string
  stock: string
  pickupPlace: string
  pickupHours: string
  limitPerPerson: string
  validUntil: string
}

export const rewardDraftKey = (userId: string, rewardId: string | undefined) => `${DRAFT_PREFIX}volunteer.reward.${userId}.${rewardId || 'new'}`

export function emptyReward(districts: string[]): RewardDraft {
  return { district: districts.length === 1 ? districts[0] : '', name: '', description: '', picture: [], cost: '', stock: '', pickupPlace: '', pickupHours: '', limitPerPerson: '1', validUntil: '' }
}

export function rewardToDraft(r: StaffRewardView): RewardDraft {
  return {
    district: r.district,
    name: r.name,
    description: r.description,
    picture: r.pictureId ? [{ fileId: r.pictureId, name: '礼品图片', size: 0 }] : [],
    cost: String(r.cost),
    stock: String(r.stock),
    pickupPlace: r.pickupPlace,
    pickupHours: r.pickupHours ?? '',
    limitPerPerson: String(r.limitPerPerson),
    validUntil: r.validUntil,
  }
}

const ascii = (t: string) => t.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))

/** A whole number as typed; empty → undefined (the schema then asks for it), anything else unreadable → NaN. */
function whole(text: string): number | undefined {
  const t = ascii(text).trim()
  if (!t) return undefined
  return /^\d+$/.test(t) ? Number(t) : Number.NaN
}

/** “2027-3-31”, “2027.3.31”, “2027年3月31日” → 2027-03-31; anything else as typed (the schema says the format). */
export function dayText(text: string): string {
  const m = /^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$/.exec(ascii(text))
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim()
}

export function draftToInput(d: RewardDraft, id: string | undefined): RewardInput {
  return {
    ...(id ? { id } : {}),
    district: d.district,
    name: d.name,
    ...(d.description.trim() ? { description: d.description } : {}),
    picture: d.picture[0]?.fileId ?? null,
    cost: whole(d.cost) as number,
    stock: whole(d.stock) as number,
    pickupPlace: d.pickupPlace,
    ...(d.pickupHours.trim() ? { pickupHours: d.pickupHours } : {}),
    limitPerPerson: whole(d.limitPerPerson) as number,
    // Empty reaches the schema as missing: it then asks for the date instead of naming a format.
    validUntil: (dayText(d.validUntil) || undefined) as string,
  }
}

/** The form's error keys → the names it shows, in its order. */
export const REWARD_LABELS: Record<string, string> = {
  district: '区县',
  name: '名称',
  picture: '图片',
  cost: '所需积分',
  stock: '数量',
  limitPerPerson: '每人限兑',
  pickupPlace: '领取地点',
  pickupHours: '领取时间',
  validUntil: '兑换截止日期',
  description: '说明',
}

export const hasErrors = (e: FieldErrors) => Object.keys(e).length > 0
