import type { FunctionName } from '~types/api'
import type { FunctionModule } from './core/define-function'
import { userFunction } from './user/user.function'
import { legalAidFunction } from './legal-aid/legal-aid.function'
import { academyFunction } from './academy/academy.function'
import { insuranceFunction } from './insurance/insurance.function'
import { stationFunction } from './station/station.function'
import { volunteerFunction } from './volunteer/volunteer.function'
import { applicationFunction } from './workflow/application.function'

/** Every deployable function by name; the local server and the catalog serve exactly these. */
export const FUNCTIONS: Record<FunctionName, FunctionModule> = {
  user: userFunction,
  application: applicationFunction,
  legalAid: legalAidFunction,
  academy: academyFunction,
  insurance: insuranceFunction,
  volunteer: volunteerFunction,
  station: stationFunction,
}
