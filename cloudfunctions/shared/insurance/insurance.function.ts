import { insuranceContract } from '~types/insurance.contract'
import { defineFunction, recordsReplay } from '../core/define-function'
import { addEvidence, decideAdvance, recordPayout } from './claim.service'
import { reportInjury } from './claim.submit'
import { enrolInsurance } from './enrolment.submit'
import { insuranceFigures } from './figures.service'
import { payNotify } from './pay-notify'
import { myPolicies, pay, remindRenewals, sandboxPaid } from './payment.service'
import { coverage, listSchemes, saveScheme } from './scheme.service'

/** The `insurance` cloud function: binds the contract to the insurance services, nothing else. */
export const insuranceFunction = defineFunction(
  'insurance',
  insuranceContract,
  {
    coverage: (_input, { runtime, user }) => coverage(runtime, user),
    enrol: recordsReplay((input, { runtime, user, replay }) => enrolInsurance(runtime, user, input, replay)),
    pay: ({ applicationId }, { runtime, user }) => pay(runtime, user, applicationId),
    sandboxPaid: ({ orderId }, { runtime, user }) => sandboxPaid(runtime, user, orderId),
    report: recordsReplay((input, { runtime, user, replay }) => reportInjury(runtime, user, input, replay)),
    addEvidence: (input, { runtime, user }) => addEvidence(runtime, user, input),
    decideAdvance: (input, { runtime, user }) => decideAdvance(runtime, user, input),
    recordPayout: (input, { runtime, user }) => recordPayout(runtime, user, input),
    figures: (_input, { runtime, user }) => insuranceFigures(runtime, user),
    policies: (_input, { runtime, user }) => myPolicies(runtime, user),
    schemes: ({ all }, { runtime }) => listSchemes(runtime, !!all),
    saveScheme: (input, { runtime, user }) => saveScheme(runtime, user, input),
  },
  // Daily: the renewal reminder 30 days before a policy ends.
  async (rt) => ({ renewalReminders: await remindRenewals(rt) }),
  // WeChat Pay's payment notification (notify_url), through CloudBase's HTTP access; never a mini-program call.
  { 'pay-notify': payNotify },
)
