import { legalAidContract } from '~types/legal-aid.contract'
import { defineFunction } from '../core/define-function'
import { submitLegalAid } from './legal-aid.submit'

/** The `legalAid` cloud function: the submission. */
export const legalAidFunction = defineFunction('legalAid', legalAidContract, {
  submit: (input, { runtime, user }) => submitLegalAid(runtime, user, input),
})
