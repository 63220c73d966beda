import { action } from './contract'
import type { ApplicationView } from './application.schema'
import { LegalAidInput } from './legal-aid.schema'

/**
 * The `legalAid` cloud function: what legal aid adds to the shared workflow — its submission. Everything after it
 * (我的申请, the workbench, the clock) is the `application` function's.
 */
export const legalAidContract = {
  submit: action<ApplicationView>()({
    input: LegalAidInput,
    roles: ['worker'],
    writes: true,
    // A repeat answers the first call's view, sealed: the applicant's own application, as filed.
    replay: 'stored',
    summary: 'File a legal-aid request; the decision is due in 7 working days.',
  }),
}
