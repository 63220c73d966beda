import type { ApplicationView } from '~types/application.schema'
import type { InsuranceEnrolInput, InsuranceEnrolmentPayload } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { AppError, invalidField } from '../core/app-error'
import type { ReplayRecorder } from '../core/idempotency'
import type { Runtime, Transaction } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { openApplication } from '../workflow/open-application'
import { POLICIES, type PolicyDoc } from './policy.doc'
import { coverage, schemesInForce } from './scheme.service'

export const ENROL_LOCKS = 'insurance_enrol_locks'

/** One enrolment at a time per worker and scheme: its `_id` is `<userId>_<schemeKey>`, held until paid or closed. */
export const lockIdOf = (userId: string, schemeKey: string) => `${userId}_${schemeKey}`

/** Renewal opens this many days before a policy ends (the reminder goes out then too). */
export const RENEWAL_DAYS = 30

/**
 * Enrolling in a commercial scheme: it must apply to the worker (coverage), no policy of it in force beyond the
 * renewal window, no other enrolment of it open — the last held by a lock document written in the application's
 * own transaction, so two taps with different request ids still file one.
 */
export async function enrolInsurance(rt: Runtime, user: UserDoc, input: InsuranceEnrolInput, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const schemes = await schemesInForce(rt)
  const cov = await coverage(rt, user, schemes)
  const scheme = schemes.find((s) => s.key === input.schemeKey)
  const item = cov.items.find((i) => i.schemeId === scheme?.id)
  if (!scheme || !item || scheme.kind !== 'commercial') throw invalidField('schemeKey', '没有这个可以投保的方案')
  if (item.state !== 'canEnrol') throw new AppError('FORBIDDEN', item.headline)
  const _ = rt.db.command
  const renewFrom = new Date(rt.now().getTime() + RENEWAL_DAYS * 86_400_000)
  const { data } = await rt.db.collection(POLICIES).where({ userId: user._id, schemeKey: scheme.key, endsAt: _.gt(renewFrom) }).limit(1).get()
  const current = data[0] as PolicyDoc | undefined
  if (current) throw new AppError('CONFLICT', `您已有这个方案的保单（${current.number}），到期前 ${RENEWAL_DAYS} 天可以续保`)
  const lockId = lockIdOf(user._id, scheme.key)
  const payload: InsuranceEnrolmentPayload = {
    schemeId: scheme.id, schemeKey: scheme.key, schemeName: scheme.name, insurer: scheme.insurer,
    premiumFen: scheme.premiumFen!, annualCapFen: scheme.annualCapFen!, beneficiary: input.beneficiary,
  }
  return openApplication(rt, user, {
    kind: 'insuranceEnrolment',
    payload: payload as unknown as Record<string, unknown>,
    summary: `${scheme.name} · 每年 ${formatFen(scheme.premiumFen!)}`,
    urgent: false,
    attachments: [],
    before: async (tx: Transaction) => {
      const { data: lock } = await tx.collection(ENROL_LOCKS).doc(lockId).get()
      if (lock) throw new AppError('CONFLICT', '您已经申请过这个方案，正在办理中，可以在“我的申请”里查看')
      return {}
    },
    within: async (tx: Transaction, applicationId: string) => {
      await tx.collection(ENROL_LOCKS).doc(lockId).set({ applicationId, at: rt.now() })
    },
  }, recorder)
}
