import { SERVICE_LABELS } from '~types/roles'
import { regionLabel } from '~types/regions'
import type { GrantStaffInput, RevokeStaffInput, StaffCandidate } from '~types/user.schema'
import type { Runtime, Transaction } from '../core/context'
import { AppError } from '../core/app-error'
import { AUDIT, type AuditEntry } from '../audit/audit'
import { MESSAGES, messageDoc } from '../inbox/inbox.service'
import type { ReplayRecorder } from '../core/idempotency'
import { USERS, type StoredStaffGrant, type UserDoc } from './user.doc'
import { toStaffCandidate } from './user.view'
import { inTransaction } from '../db/transaction'

const MAX_RESULTS = 20

/** Escape a user's text for a regex query: a search box is not a pattern language. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export async function findUsers(rt: Runtime, query: string): Promise<StaffCandidate[]> {
  const _ = rt.db.command
  const byMobile = /^\d{3,11}$/.test(query)
  const where = byMobile
    ? { 'profile.mobile': rt.db.RegExp({ regexp: literal(query) }) }
    : { 'profile.realName': rt.db.RegExp({ regexp: literal(query) }) }
  const { data } = await rt.db.collection(USERS).where({ ...where, profile: _.exists(true) }).limit(MAX_RESULTS).get()
  return (data as UserDoc[]).map(toStaffCandidate)
}

export async function listStaff(rt: Runtime): Promise<StaffCandidate[]> {
  const _ = rt.db.command
  const { data } = await rt.db.collection(USERS).where({ 'roles.staff.0': _.exists(true) }).limit(1000).get()
  return (data as UserDoc[]).map(toStaffCandidate)
}

/**
 * Grant or change a staff role for one district. The role change, its audit line and the message telling the person
 * are one transaction: there is never a grant without its record.
 */
export async function grantStaff(rt: Runtime, admin: UserDoc, input: GrantStaffInput, recorder?: ReplayRecorder): Promise<StaffCandidate> {
  const now = rt.now()
  const grant: StoredStaffGrant = { districtCode: input.districtCode, services: [...new Set(input.services)], grantedAt: now, grantedBy: admin._id }
  const services = grant.services.map((s) => SERVICE_LABELS[s]).join('、')
  return changeGrants(
    rt,
    admin,
    input.userId,
    'staff.grant',
    (current) => [...current.filter((g) => g.districtCode !== input.districtCode), grant],
    recorder,
    async (tx, target) => {
      await tx.collection(MESSAGES).add(
        messageDoc(target.openid, { title: '您已成为工作人员', body: `您已获得${regionLabel(input.districtCode)}的工作人员权限（${services}）。在“我的”里可以进入工作台。` }, now),
      )
    },
  )
}

export async function revokeStaff(rt: Runtime, admin: UserDoc, input: RevokeStaffInput, recorder?: ReplayRecorder): Promise<StaffCandidate> {
  return changeGrants(rt, admin, input.userId, 'staff.revoke', (current) => {
    if (!current.some((g) => g.districtCode === input.districtCode)) {
      throw new AppError('NOT_FOUND', '此人在该区县没有工作人员权限')
    }
    return current.filter((g) => g.districtCode !== input.districtCode)
  }, recorder)
}

/** The change and its audit line in one transaction; the answer is the person as written (nothing read back). */
async function changeGrants(
  rt: Runtime,
  admin: UserDoc,
  userId: string,
  action: string,
  next: (current: StoredStaffGrant[]) => StoredStaffGrant[],
  recorder?: ReplayRecorder,
  within?: (tx: Transaction, target: UserDoc) => Promise<void>,
): Promise<StaffCandidate> {
  const now = rt.now()
  return inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(USERS).doc(userId).get()
    const target = data as UserDoc | undefined
    if (!target || !target._id) throw new AppError('NOT_FOUND', '没有找到这个人')
    if (!target.profile) throw new AppError('CONFLICT', '此人还没有完善个人信息，暂不能授权')
    const before = target.roles.staff
    const after = next(before)
    await tx.collection(USERS).doc(userId).update({ 'roles.staff': after, updatedAt: now })
    const entry: AuditEntry = {
      actorId: admin._id,
      actorRole: 'admin',
      action,
      targetType: 'user',
      targetId: userId,
      from: before.map(({ districtCode, services }) => ({ districtCode, services })),
      to: after.map(({ districtCode, services }) => ({ districtCode, services })),
      at: now,
    }
    await tx.collection(AUDIT).add(entry)
    await within?.(tx, target)
    const answer = toStaffCandidate({ ...target, roles: { ...target.roles, staff: after }, updatedAt: now })
    await recorder?.record(tx, answer)
    return answer
  })
}
