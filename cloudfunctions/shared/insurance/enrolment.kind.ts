import type { InsuranceEnrolmentPayload } from '~types/insurance.schema'
import type { Step } from '~types/application.schema'
import { KINDS } from '~types/kinds'
import { formatFen } from '~types/money'
import { standardMessages, type KindDefinition } from '../workflow/kind'
import { ORDERS, type OrderDoc } from './policy.doc'
import { ENROL_LOCKS, lockIdOf } from './enrolment.submit'

/** Where an insurance decision can be questioned. */
export const INSURANCE_APPEAL = '如有异议，可以联系所在区县人社部门的工作人员，或拨打 12333 咨询。'

const GONE: readonly Step[] = ['reject', 'withdraw', 'expire']

/**
 * 参保申请: approval opens the premium to pay (an order whose id is the application's: charged once); a rejection,
 * withdrawal or expiry frees the worker to apply again.
 */
export const insuranceEnrolmentKind: KindDefinition = {
  messages: standardMessages(KINDS.insuranceEnrolment, {
    appeal: INSURANCE_APPEAL,
    approved: (app) => {
      const p = app.payload as unknown as InsuranceEnrolmentPayload
      return {
        title: '参保申请已通过，请缴费',
        hint: `缴费 ${formatFen(p.premiumFen)} 后生效`,
        body: `您的“${p.schemeName}”参保申请（${app.caseNo}）已通过。请在“我的保障”里缴费 ${formatFen(p.premiumFen)}，缴费后第二天零点起保障一年。`,
      }
    },
  }),
  async onTransition({ rt, tx, app, step }) {
    const p = app.payload as unknown as InsuranceEnrolmentPayload
    if (step === 'approve') {
      const order: Omit<OrderDoc, '_id'> = {
        userId: app.applicantId, openid: app.applicantOpenid, applicationId: app._id, schemeId: p.schemeId, amountFen: p.premiumFen,
        state: 'unpaid', transactionId: null, paidAt: null, createdAt: rt.now(),
      }
      await tx.collection(ORDERS).doc(app._id).set(order)
      return
    }
    if (GONE.includes(step as Step)) await tx.collection(ENROL_LOCKS).doc(lockIdOf(app.applicantId, p.schemeKey)).remove()
  },
}
