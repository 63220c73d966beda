import { ACADEMY_DEFAULTS, type AcademyRules } from '../../../config/academy'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { districtsOf } from '../core/scope'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'

export const ACADEMY_RULES = 'academy_rules'

interface RulesDoc extends AcademyRules {
  _id: string
  updatedAt: Date
  updatedBy: string
}

/** A district's figures: what it set, the defaults (config/academy.ts) for the rest. */
export async function rulesFor(rt: Runtime, district: string): Promise<AcademyRules> {
  const { data } = await rt.db.collection(ACADEMY_RULES).doc(district).get()
  const set = data[0] as Partial<RulesDoc> | undefined
  if (!set) return ACADEMY_DEFAULTS
  return {
    tuitionRatePct: { ...ACADEMY_DEFAULTS.tuitionRatePct, ...set.tuitionRatePct },
    skillCapFen: set.skillCapFen ?? ACADEMY_DEFAULTS.skillCapFen,
    shortageUpliftPct: set.shortageUpliftPct ?? ACADEMY_DEFAULTS.shortageUpliftPct,
    skillWindowMonths: set.skillWindowMonths ?? ACADEMY_DEFAULTS.skillWindowMonths,
    skillClaimsPerYear: set.skillClaimsPerYear ?? ACADEMY_DEFAULTS.skillClaimsPerYear,
    completionAttendancePct: set.completionAttendancePct ?? ACADEMY_DEFAULTS.completionAttendancePct,
  }
}

/** Academy staff of the district set its figures; the old and new values go to the audit trail. */
export async function setRules(rt: Runtime, user: UserDoc, district: string, rules: AcademyRules): Promise<AcademyRules> {
  if (!districtsOf(user, 'academy').includes(district)) throw new AppError('NOT_FOUND', '您不负责这个区县的学院工作')
  const now = rt.now()
  await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(ACADEMY_RULES).doc(district).get()
    const before = (data as RulesDoc | null) ?? null
    const clean = Object.fromEntries(Object.entries(rules.skillCapFen).filter(([, v]) => v !== undefined))
    await tx.collection(ACADEMY_RULES).doc(district).set({ ...rules, skillCapFen: clean, updatedAt: now, updatedBy: user._id })
    const { _id, updatedAt, updatedBy, ...from } = before ?? ({} as RulesDoc)
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'academy.setRules', targetType: 'academyRules', targetId: district, from: before ? from : null, to: rules, at: now })
  })
  return rulesFor(rt, district)
}
