import { PRIVACY_GUIDE } from '~types/privacy'
import { findDistrict } from '~types/regions'
import type { AcceptPrivacyInput, ProfileInput, UserView } from '~types/user.schema'
import type { Runtime, Transaction } from '../core/context'
import { AppError, invalidField } from '../core/app-error'
import { isDuplicateKeyError } from '../db'
import { maskIdNumber } from '../security/mask'
import { MESSAGES, messageDoc } from '../inbox/inbox.service'
import { AUDIT, type AuditEntry } from '../audit/audit'
import { checkIdNumber } from './id-number'
import { ID_CLAIMS, USERS, type StoredProfile, type UserDoc } from './user.doc'
import { findUserById, findUserByOpenid } from './user.repository'
import { toUserView } from './user.view'
import { inTransaction } from '../db/transaction'
import type { ReplayRecorder } from '../core/idempotency'

const WELCOME = {
  title: '欢迎来到暖新',
  body: '现在就可以在这里申请法律援助；江海新才学院报名、职业伤害保障、志愿服务积分和附近的暖心驿站将陆续开放，开放时会通知您。办理之前需要填好个人信息；已经填好的不用再填，以后有变化，可以在“我的”→“修改个人信息”里更改。',
}

const ID_TAKEN = '这个身份证号已经绑定了另一个微信账号。如需找回，请联系所在区县工作人员。'

/**
 * Sign-in: the first call for an identity creates the user and its welcome message in one transaction, so there
 * is never a user without a welcome. Two first calls at once are settled by the unique openid index: the loser
 * reads the winner's record. An OPENID listed in NUANXIN_ADMIN_OPENIDS is made admin here (audited) — the only
 * way the first admin of a fresh deployment can exist.
 */
export async function login(rt: Runtime, openid: string, existing: UserDoc | null): Promise<UserView> {
  let user = existing ?? (await createUser(rt, openid)) ?? (await findUserByOpenid(rt.db, openid))
  if (!user) throw new AppError('INTERNAL')
  if (rt.bootstrapAdmins.has(openid) && !user.roles.admin) user = await bootstrapAdmin(rt, user)
  return toUserView(user)
}

/** The new user as written; null when a simultaneous first call created it (the caller then reads the winner's). */
async function createUser(rt: Runtime, openid: string): Promise<UserDoc | null> {
  const now = rt.now()
  const doc: Omit<UserDoc, '_id'> = { openid, createdAt: now, updatedAt: now, consents: [], roles: { admin: false, staff: [] } }
  try {
    return await inTransaction(rt.db, async (tx: Transaction) => {
      const { id } = (await tx.collection(USERS).add(doc)) as { id: string }
      await tx.collection(MESSAGES).add(messageDoc(openid, WELCOME, now))
      return { _id: id, ...doc }
    })
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e
    return null
  }
}

export async function bootstrapAdmin(rt: Runtime, user: UserDoc, note = 'NUANXIN_ADMIN_OPENIDS'): Promise<UserDoc> {
  const now = rt.now()
  await inTransaction(rt.db, async (tx: Transaction) => {
    await tx.collection(USERS).doc(user._id).update({ 'roles.admin': true, updatedAt: now })
    const entry: AuditEntry = {
      actorId: 'system', actorRole: 'system', action: 'admin.bootstrap', targetType: 'user', targetId: user._id,
      from: false, to: true, note, at: now,
    }
    await tx.collection(AUDIT).add(entry)
  })
  return (await findUserById(rt.db, user._id))!
}

/**
 * Save or correct the profile. Everything that depends on the stored user — which ID number is on file, which
 * claim to release, which consents exist — is read inside the transaction, so two saves at once (two taps, two
 * devices) cannot interleave: the engine (and CloudBase) detect the conflict and the SDK retries the loser.
 */
export async function saveProfile(rt: Runtime, user: UserDoc, input: ProfileInput, recorder?: ReplayRecorder): Promise<UserView> {
  if (input.consents.privacyVersion !== PRIVACY_GUIDE.version) {
    throw invalidField('consents.privacyVersion', '隐私保护指引已更新，请重新阅读并同意')
  }
  const now = rt.now()
  const typed = input.idNumber === undefined ? undefined : checkedIdNumber(rt, input.idNumber, now)
  const district = findDistrict(input.districtCode)!
  try {
    return await inTransaction(rt.db, async (tx: Transaction) => {
      const { data } = await tx.collection(USERS).doc(user._id).get()
      const current = data as UserDoc | null
      if (!current) throw new AppError('UNAUTHENTICATED')
      const id = typed ?? idOnFile(current)
      const profile: StoredProfile = {
        realName: input.realName,
        idNumberSealed: id.sealed ?? current.profile!.idNumberSealed,
        idNumberMasked: id.masked,
        mobile: input.mobile,
        occupation: input.occupation,
        platform: input.platform,
        cityCode: district.cityCode,
        districtCode: district.code,
      }
      if (id.hash !== current.idHash) {
        // One ID number, one account: the claim's `_id` is the number's keyed hash, so the primary key refuses a
        // second claim — on CloudBase and locally alike, with no sparse unique index (CloudBase cannot declare one).
        await tx.collection(ID_CLAIMS).add({ _id: id.hash, userId: current._id, claimedAt: now })
        if (current.idHash) await tx.collection(ID_CLAIMS).doc(current.idHash).delete()
      } else if (current.profile) {
        // Same number typed again: keep the sealed value rather than re-encrypting.
        profile.idNumberSealed = current.profile.idNumberSealed
      }
      const changed = { idHash: id.hash, privacyVersion: PRIVACY_GUIDE.version, consents: withConsents(current, now), updatedAt: now }
      // `set`: a corrected profile replaces the old one whole.
      await tx.collection(USERS).doc(current._id).update({ profile: rt.db.command.set(profile), ...changed })
      // The answer is what was written: nothing is read back.
      const view = toUserView({ ...current, profile, ...changed })
      await recorder?.record(tx, view)
      return view
    })
  } catch (e) {
    if (isDuplicateKeyError(e)) throw invalidField('idNumber', ID_TAKEN)
    throw e
  }
}

/**
 * Agreeing again to a changed guide, without retyping the profile: the new version's consents are appended (the
 * earlier ones stay on record), read and written inside one transaction.
 */
export async function acceptPrivacy(rt: Runtime, user: UserDoc, input: AcceptPrivacyInput, recorder?: ReplayRecorder): Promise<UserView> {
  if (input.privacyVersion !== PRIVACY_GUIDE.version) throw invalidField('privacyVersion', '隐私保护指引又更新了，请刷新后阅读新版本')
  if (!user.profile) throw invalidField('privacyVersion', '请先填写个人信息，在那里同意隐私保护指引')
  const now = rt.now()
  return inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(USERS).doc(user._id).get()
    const current = data as UserDoc
    const changed = { privacyVersion: PRIVACY_GUIDE.version, consents: withConsents(current, now), updatedAt: now }
    await tx.collection(USERS).doc(user._id).update(changed)
    const view = toUserView({ ...current, ...changed })
    await recorder?.record(tx, view)
    return view
  })
}

/** The consent records after agreeing to the guide in force: appended, never rewritten. */
function withConsents(user: UserDoc, now: Date): UserDoc['consents'] {
  const consents = [...user.consents]
  for (const kind of ['privacy', 'sensitive'] as const) {
    if (!consents.some((c) => c.kind === kind && c.version === PRIVACY_GUIDE.version)) {
      consents.push({ kind, version: PRIVACY_GUIDE.version, acceptedAt: now })
    }
  }
  return consents
}

/** A newly typed number: checked (GB 11643, age), hashed, sealed, masked. */
function checkedIdNumber(rt: Runtime, idNumber: string, now: Date) {
  checkIdNumber(idNumber, now)
  return { hash: rt.vault.hash(idNumber), sealed: rt.vault.encrypt(idNumber) as string | undefined, masked: maskIdNumber(idNumber) }
}

/** Left out while correcting a profile: the number on file stays. */
function idOnFile(user: UserDoc) {
  if (!user.profile || !user.idHash) throw invalidField('idNumber', '请填写身份证号')
  return { hash: user.idHash, sealed: undefined, masked: user.profile.idNumberMasked }
}
