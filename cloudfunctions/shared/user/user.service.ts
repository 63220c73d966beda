import { PRIVACY_GUIDE } from '~types/privacy'
import { findDistrict } from '~types/regions'
import type { ProfileInput, UserView } from '~types/user.schema'
import type { Runtime } from '../core/context'
import { AppError, invalidField } from '../core/app-error'
import { isDuplicateKeyError } from '../db'
import { maskIdNumber } from '../security/mask'
import { postMessage } from '../inbox/inbox.service'
import { checkIdNumber } from './id-number'
import { USERS, type UserDoc } from './user.doc'
import { findUserById, findUserByIdHash, findUserByOpenid } from './user.repository'
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
  if (id.hash !== user.idHash) {
    const holder = await findUserByIdHash(rt.db, id.hash)
    if (holder && holder._id !== user._id) throw invalidField('idNumber', ID_TAKEN)
  }

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
  try {
    // `set` semantics for the nested profile: a corrected profile replaces the old one whole.
    await rt.db.collection(USERS).doc(user._id).update({ ...update, profile: rt.db.command.set(update.profile!) })
  } catch (e) {
    // The unique index is the real guard: two accounts racing for one ID number cannot both win.
    if (isDuplicateKeyError(e)) throw invalidField('idNumber', ID_TAKEN)
    throw e
  }
  const saved = await findUserById(rt.db, user._id)
  return toUserView(saved!)
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
