import { legalAidContract } from '~types/legal-aid.contract'
import { defineFunction, recordsReplay } from '../core/define-function'
import { submitLegalAid } from './legal-aid.submit'

/** The `legalAid` cloud function: the submission. */
export const legalAidFunction = defineFunction('legalAid', legalAidContract, {
  submit: recordsReplay((input, { runtime, user, replay }) => submitLegalAid(runtime, user, input, replay)),
})
