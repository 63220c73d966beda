import type { Runtime } from '../cloudfunctions/shared/core/context'
import { enrolInsurance } from '../cloudfunctions/shared/insurance/enrolment.submit'
import { paymentSucceeded } from '../cloudfunctions/shared/insurance/payment.service'
import { POLICIES } from '../cloudfunctions/shared/insurance/policy.doc'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { approve, loadInScope, startReview } from '../cloudfunctions/shared/workflow/review.service'

/**
 * 职业伤害保障's demo: 陆建华 in 常熟 enrolled, approved by 沈丽 and paid through the sandbox — all through the
 * services — and then, as history, his policy dated to have started two months ago (a policy issued today starts
 * tomorrow; a demo should show one in force). 周小勇 (美团, 南通) is covered by the pilot through his platform.
 */
export async function seedInsurance(rt: Runtime): Promise<void> {
  const driver = (await findUserByOpenid(rt.db, 'demo-changshu'))!
  const staff = (await findUserByOpenid(rt.db, 'demo-staff-changshu'))!
  const filed = await enrolInsurance(rt, driver, {
    schemeKey: 'changshu-commercial',
    declaration: { noWorkInjuryInsurance: true, registeredHere: true },
    beneficiary: { name: '陆小梅', relation: 'spouse', mobile: '13700001234' },
  })
  let app = await loadInScope(rt, staff, filed.id)
  await startReview(rt, staff, { id: app._id, version: app.version })
  app = await loadInScope(rt, staff, filed.id)
  await approve(rt, staff, { id: app._id, version: app.version, details: {} })
  await paymentSucceeded(rt, { orderId: filed.id, transactionId: `SANDBOX-${filed.id}`, amountFen: 36_000 })
  const { data } = await rt.db.collection(POLICIES).doc(filed.id).get()
  const policy = data[0] as { startsAt: Date; endsAt: Date }
  const shift = 60 * 86_400_000
  await rt.db.collection(POLICIES).doc(filed.id).update({ startsAt: new Date(policy.startsAt.getTime() - shift), endsAt: new Date(policy.endsAt.getTime() - shift) })
}
