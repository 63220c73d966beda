import { academyContract } from './academy.contract'
import { applicationContract } from './application.contract'
import { insuranceContract } from './insurance.contract'
import { legalAidContract } from './legal-aid.contract'
import { stationContract } from './station.contract'
import { userContract } from './user.contract'
import { volunteerContract } from './volunteer.contract'

/** Every deployable function and its actions. Adding a function starts here. */
export const CONTRACTS = {
  user: userContract,
  application: applicationContract,
  legalAid: legalAidContract,
  academy: academyContract,
  insurance: insuranceContract,
  volunteer: volunteerContract,
  station: stationContract,
}
export type Contracts = typeof CONTRACTS
export type FunctionName = keyof Contracts

/** What the app sends to a function (the body of `POST /api/fn/<function>` and `callFunction`'s `data`). */
export interface CallBody {
  action: string
  data?: unknown
  /** Idempotency key for writes: the same key answers the same result and never writes twice. */
  requestId?: string
}
