import { insuranceContract } from '~types/insurance.contract'
import { defineFunction } from '../core/define-function'
import { coverage, listSchemes, saveScheme } from './scheme.service'

/** The `insurance` cloud function: binds the contract to the insurance services, nothing else. */
export const insuranceFunction = defineFunction('insurance', insuranceContract, {
  coverage: (_input, { runtime, user }) => coverage(runtime, user),
  schemes: ({ all }, { runtime }) => listSchemes(runtime, !!all),
  saveScheme: (input, { runtime, user }) => saveScheme(runtime, user, input),
})
