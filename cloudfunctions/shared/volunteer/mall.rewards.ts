import { randomBytes } from 'node:crypto'
import { todayOf } from '~types/time'
import type { MallView, RewardDetail, RewardInput, RewardStatus, StaffRewardView, StaffRewardsPage } from '~types/volunteer-mall.schema'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { districtsOf, inScopeOr404, scopeCondition } from '../core/scope'
import { inTransaction } from '../db/transaction'
import { attachChecked, filesToAttach } from '../storage/files'
import type { FileDoc } from '../storage/file.doc'
import type { UserDoc } from '../user/user.doc'
import { accountOf } from './ledger'
import { REWARDS, type RewardDoc } from './mall.doc'
import { pictureLinks, rewardCard, staffRewardView } from './mall.views'
import { rulesFor } from './rules.service'

/** More rewards than this in one district at once is a shop, not a mall: the list stops there. */
const MALL_ROWS = 100
const STAFF_ROWS = 200

const GONE = '没有找到这件礼品，可能已经下架'

export async function getReward(rt: Runtime, id: string): Promise<RewardDoc | null> {
  const { data } = await rt.db.collection(REWARDS).doc(id).get()
  return (data[0] as RewardDoc | undefined) ?? null
}

/** The order a rider scans a list in: what they can have now, then what they are saving for, then what is gone. */
const ORDER = { open: 0, short: 1, limitReached: 2, soldOut: 3, ended: 4 } as const

/**
 * 积分商城: the rewards of the caller's district still within their dates — sold-out ones too, marked 已兑完 — with
 * the caller's balance and how many of each they may still have. Three reads side by side (rewards, account, the
 * district's pickup window), whatever the number of workers.
 */
export async function mall(rt: Runtime, user: UserDoc): Promise<MallView> {
  const _ = rt.db.command
  const district = user.profile!.districtCode
  const today = todayOf(rt.now())
  const [{ data }, account, rules] = await Promise.all([
    rt.db.collection(REWARDS).where({ district, status: 'active', validUntil: _.gte(today) }).orderBy('cost', 'asc').limit(MALL_ROWS).get(),
    accountOf(rt.db, user._id),
    rulesFor(rt, district),
  ])
  const rewards = data as RewardDoc[]
  const pictures = await pictureLinks(rt, rewards.map((r) => r.pictureKey))
  const balance = account?.balance ?? 0
  const rows = rewards
    .map((r) => rewardCard(r, { today, balance, redeemed: account?.redeemed ?? {}, pictures }))
    .sort((a, b) => ORDER[a.availability] - ORDER[b.availability] || a.cost - b.cost)
  return { district, balance, expiryDays: rules.redemptionExpiryDays, rows }
}

/** One reward of the caller's district (a withdrawn one, or another district's, does not exist for them). */
export async function rewardDetail(rt: Runtime, user: UserDoc, id: string): Promise<RewardDetail> {
  const reward = await getReward(rt, id)
  if (!reward || reward.district !== user.profile!.districtCode || reward.status !== 'active') throw new AppError('NOT_FOUND', GONE)
  const [account, rules, pictures] = await Promise.all([accountOf(rt.db, user._id), rulesFor(rt, reward.district), pictureLinks(rt, [reward.pictureKey])])
  const balance = account?.balance ?? 0
  return { ...rewardCard(reward, { today: todayOf(rt.now()), balance, redeemed: account?.redeemed ?? {}, pictures }), balance, expiryDays: rules.redemptionExpiryDays }
}

// ——— Staff ———

export async function staffRewards(rt: Runtime, user: UserDoc): Promise<StaffRewardsPage> {
  const { data } = await rt.db.collection(REWARDS).where(scopeCondition(rt.db, user, 'volunteer')).orderBy('updatedAt', 'desc').limit(STAFF_ROWS).get()
  const rewards = data as RewardDoc[]
  const pictures = await pictureLinks(rt, rewards.map((r) => r.pictureKey))
  const today = todayOf(rt.now())
  return { rows: rewards.map((r) => staffRewardView(r, today, pictures)) }
}

export async function staffReward(rt: Runtime, user: UserDoc, id: string): Promise<StaffRewardView> {
  const reward = inScopeOr404(user, await getReward(rt, id), GONE)
  return staffRewardView(reward, todayOf(rt.now()), await pictureLinks(rt, [reward.pictureKey]))
}

/** A new picture must be the caller's own upload, and a photo (an uploaded PDF is no picture of a raincoat). */
async function newPicture(rt: Runtime, user: UserDoc, fileId: string): Promise<FileDoc> {
  let file: FileDoc | undefined
  try {
    ;[file] = await filesToAttach(rt.db, user.openid, [fileId])
  } catch {
    throw invalidField('picture', '图片无效或已失效，请重新上传')
  }
  if (!file.contentType.startsWith('image/')) throw invalidField('picture', '图片只能是 JPG 或 PNG 照片')
  return file
}

/**
 * Create or edit a reward (volunteer staff of its district). Stock is the number put up in all: an edit moves what is
 * left by the same amount, and can never take away what was already redeemed — the shelf count is read and written
 * in one transaction, so a redemption committing meanwhile makes this one retry with the new count.
 */
export async function saveReward(rt: Runtime, user: UserDoc, input: RewardInput): Promise<StaffRewardView> {
  if (!districtsOf(user, 'volunteer').includes(input.district)) throw invalidField('district', '您只能为自己负责志愿服务的区县上架礼品')
  const now = rt.now()
  const today = todayOf(now)
  const before = input.id ? inScopeOr404(user, await getReward(rt, input.id), GONE) : null
  if (before && before.district !== input.district) throw invalidField('district', '礼品上架后不能换区县，请在另一个区县新建')
  if ((!before || before.validUntil !== input.validUntil) && input.validUntil < today) throw invalidField('validUntil', '兑换截止日期不能早于今天')
  const pictureId = input.picture ?? null
  const picture = pictureId && pictureId !== before?.pictureId ? await newPicture(rt, user, pictureId) : null
  const fields = {
    name: input.name,
    description: input.description ?? '',
    pictureId,
    pictureKey: picture ? picture.key : pictureId ? (before?.pictureKey ?? null) : null,
    cost: input.cost,
    pickupPlace: input.pickupPlace,
    pickupHours: input.pickupHours || null,
    limitPerPerson: input.limitPerPerson,
    validUntil: input.validUntil,
    updatedAt: now,
  }
  const id = await inTransaction(rt.db, async (tx: Transaction) => {
    if (!before) {
      const id = `rw${randomBytes(8).toString('hex')}`
      const doc: Omit<RewardDoc, '_id'> = {
        ...fields, service: 'volunteer', district: input.district, stock: input.stock, left: input.stock, picked: 0,
        status: 'active', version: 1, createdBy: user._id, createdAt: now,
      }
      await tx.collection(REWARDS).doc(id).set(doc)
      if (picture) await attachChecked(rt, tx, [picture], id)
      await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'volunteer.createReward', targetType: 'reward', targetId: id, to: { name: input.name, cost: input.cost, stock: input.stock, limitPerPerson: input.limitPerPerson, validUntil: input.validUntil }, at: now })
      return id
    }
    const { data } = await tx.collection(REWARDS).doc(before._id).get()
    const current = inScopeOr404(user, (data as RewardDoc | null) ?? null, GONE)
    const out = current.stock - current.left
    if (input.stock < out) throw invalidField('stock', `已经兑出 ${out} 件（含待领取的），数量不能少于 ${out}`)
    await tx.collection(REWARDS).doc(current._id).update({ ...fields, stock: input.stock, left: current.left + (input.stock - current.stock), version: current.version + 1 })
    if (picture) await attachChecked(rt, tx, [picture], current._id)
    await tx.collection(AUDIT).add({
      actorId: user._id, actorRole: 'staff', action: 'volunteer.editReward', targetType: 'reward', targetId: current._id,
      from: { name: current.name, cost: current.cost, stock: current.stock, limitPerPerson: current.limitPerPerson, validUntil: current.validUntil },
      to: { name: input.name, cost: input.cost, stock: input.stock, limitPerPerson: input.limitPerPerson, validUntil: input.validUntil },
      at: now,
    })
    return current._id
  })
  return staffReward(rt, user, id)
}

/** Withdraw (no new redemptions; codes already given can still be picked up until they expire) or put it back. */
export async function setRewardStatus(rt: Runtime, user: UserDoc, id: string, status: RewardStatus): Promise<StaffRewardView> {
  const now = rt.now()
  await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(REWARDS).doc(id).get()
    const reward = inScopeOr404(user, (data as RewardDoc | null) ?? null, GONE)
    if (reward.status === status) return
    await tx.collection(REWARDS).doc(id).update({ status, version: reward.version + 1, updatedAt: now })
    await tx.collection(AUDIT).add({
      actorId: user._id, actorRole: 'staff', action: status === 'withdrawn' ? 'volunteer.withdrawReward' : 'volunteer.restoreReward',
      targetType: 'reward', targetId: id, from: reward.status, to: status, at: now,
    })
  })
  return staffReward(rt, user, id)
}
