import type { stationStaffContract } from '~types/station-staff.contract'
import { recordsReplay, type HandlersOf } from '../core/define-function'
import { correctionsFor, decideCorrection, reportCorrection } from './correction.service'
import { exportStationsCsv, importStationsCsv, importsOf } from './import.service'

/** CSV import/export and the corrections queue (types/station-staff.contract.ts). */
export const stationStaffHandlers: HandlersOf<typeof stationStaffContract> = {
  importCsv: (input, { runtime, user }) => importStationsCsv(runtime, user, input),
  exportCsv: (input, { runtime, user }) => exportStationsCsv(runtime, user, input),
  imports: ({ district }, { runtime, user }) => importsOf(runtime, user, district),
  // One transaction each, its replay recorded inside it.
  correct: recordsReplay((input, { runtime, user, replay }) => reportCorrection(runtime, user, input, replay)),
  corrections: ({ district, state }, { runtime, user }) => correctionsFor(runtime, user, district, state),
  decideCorrection: recordsReplay((input, { runtime, user, replay }) => decideCorrection(runtime, user, input, replay)),
}
