import { PRIVACY_GUIDE } from '~types/privacy'
import { findDistrict } from '~types/regions'
import type { ProfileInput, UserView } from '~types/user.schema'
import type { Runtime, Transaction } from '../core/context'
import { AppError, invalidField } from '../core/app-error'
import { isDuplicateKeyError } from '../db'
import { maskIdNumber } from '../security/mask'
import { postMessage } from '../inbox/inbox.service'
import { checkIdNumber } from './id-number'
import { ID_CLAIMS, USERS, type UserDoc } from './user.doc'
import { findUserById, findUserByOpenid } from './user.repository'
import { toUserView } from './user.view'

const WELCOME = {
  title: '欢迎来到暖新',
  body: '这里可以报名江海新才学院、办理职业伤害保障、申请法律援助、参加志愿服务攒积分，还能找到附近的暖心驿站。先完善个人信息，就能开始办理。',
}

const ID_TAKEN = '这个身份证号已经绑定了另一个微信账号。如需找回，请联系所在区县工作人员。'

/**
 * Sign-in: the first call for an identity creates the user and a welcome message. Two first calls at once are
 * settled by the unique openid index: the loser reads the winner's record.
 */
export async function login(rt: Runtime, openid: string, existing: UserDoc | null): Promise<UserView> {
  if (existing) return toUserView(existing)
  const now = rt.now()
  const doc: Omit<UserDoc, '_id'> = { openid, createdAt: now, updatedAt: now, consents: [], roles: { admin: false, staff: [] } }
  try {
    await rt.db.collection(USERS).add(doc)
    await postMessage(rt.db, openid, WELCOME, now)
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e
  }
  const user = await findUserByOpenid(rt.db, openid)
  if (!user) throw new AppError('INTERNAL')
  return toUserView(user)
}

export async function saveProfile(rt: Runtime, user: UserDoc, input: ProfileInput): Promise<UserView> {
  if (input.consents.privacyVersion !== PRIVACY_GUIDE.version) {
    throw invalidField('consents.privacyVersion', '隐私保护指引已更新，请重新阅读并同意')
  }
  const now = rt.now()
  const id = resolveIdNumber(rt, user, input.idNumber, now)

  const district = findDistrict(input.districtCode)!
  const consents = [...user.consents]
  if (user.privacyVersion !== PRIVACY_GUIDE.version) {
    consents.push({ kind: 'privacy', version: PRIVACY_GUIDE.version, acceptedAt: now })
  }
  if (!user.consents.some((c) => c.kind === 'sensitive' && c.version === PRIVACY_GUIDE.version)) {
    consents.push({ kind: 'sensitive', version: PRIVACY_GUIDE.version, acceptedAt: now })
  }
  const update: Partial<UserDoc> = {
    profile: {
      realName: input.realName,
      idNumberSealed: id.sealed,
      idNumberMasked: id.masked,
      mobile: input.mobile,
      occupation: input.occupation,
      platform: input.platform,
      cityCode: district.cityCode,
      districtCode: district.code,
    },
    idHash: id.hash,
    privacyVersion: PRIVACY_GUIDE.version,
    consents,
    updatedAt: now,
  }
  // `set` semantics for the nested profile: a corrected profile replaces the old one whole.
  const change = { ...update, profile: rt.db.command.set(update.profile!) }
  if (id.hash === user.idHash) await rt.db.collection(USERS).doc(user._id).update(change)
  else await claimIdNumber(rt, user, id.hash, change, now)
  const saved = await findUserById(rt.db, user._id)
  return toUserView(saved!)
}

/**
 * One ID number, one account: the number's keyed hash is the `_id` of a document in `id_claims`, so the primary
 * key itself refuses a second claim — on CloudBase and locally alike, with no reliance on sparse unique indexes
 * (which CloudBase's index API cannot declare). The new claim, the release of the old one and the profile change
 * are one transaction: two accounts racing for one number cannot both win, and a failed save leaves nothing.
 */
async function claimIdNumber(rt: Runtime, user: UserDoc, hash: string, change: object, now: Date) {
  try {
    await rt.db.runTransaction(async (tx: Transaction) => {
      await tx.collection(ID_CLAIMS).add({ _id: hash, userId: user._id, claimedAt: now })
      if (user.idHash) await tx.collection(ID_CLAIMS).doc(user.idHash).delete()
      await tx.collection(USERS).doc(user._id).update(change)
    })
  } catch (e) {
    if (isDuplicateKeyError(e)) throw invalidField('idNumber', ID_TAKEN)
    throw e
  }
}

/**
 * The ID number to keep: a newly typed one (checked, sealed, hashed) or, when the field is left out while
 * correcting a profile, the one on file. Re-sealing an unchanged number is skipped.
 */
function resolveIdNumber(rt: Runtime, user: UserDoc, typed: string | undefined, now: Date) {
  const p = user.profile
  if (typed === undefined) {
    if (!p || !user.idHash) throw invalidField('idNumber', '请填写身份证号')
    return { sealed: p.idNumberSealed, masked: p.idNumberMasked, hash: user.idHash }
  }
  checkIdNumber(typed, now)
  const hash = rt.vault.hash(typed)
  if (p && hash === user.idHash) return { sealed: p.idNumberSealed, masked: p.idNumberMasked, hash }
  return { sealed: rt.vault.encrypt(typed), masked: maskIdNumber(typed), hash }
}
