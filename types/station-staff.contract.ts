import * as z from 'zod/mini'
import { action } from './contract'
import { DistrictCode } from './fields'
import { CorrectionInput } from './station.schema'
import { CorrectionsInput, DecideCorrectionInput, type CorrectionView } from './station-correction.schema'
import { ExportCsvInput, ImportCsvInput, type ExportCsvResult, type ImportCsvResult, type StationImportView } from './station-import.schema'

/**
 * The station function's staff desk beyond editing one station: a district's stations in and out as CSV, and the
 * riders' 信息有误 queue. Spread into stationContract.
 */
export const stationStaffContract = {
  // Every call re-checks the whole file and goes on where the last stopped (the import record's cursor, written
  // in the same transaction as each batch of rows): a repeat can never write twice, so no answer is kept.
  importCsv: action<ImportCsvResult>()({ input: ImportCsvInput, roles: ['staff'], service: 'station', writes: true, replay: 'never', summary: "Check a district's stations CSV (every bad row by line and column) and, when all are good, create and update them in batches that resume (audited)." }),
  // Its answer is a 10-minute link: a kept one would be dead by the time a repeat got it. The file's id is derived
  // from its bytes, so a repeat makes no second file.
  exportCsv: action<ExportCsvResult>()({ input: ExportCsvInput, roles: ['staff'], service: 'station', writes: true, replay: 'never', summary: "A district's stations (or the empty template) as a CSV file in the import's format, and a link to download it." }),
  imports: action<StationImportView[]>()({ input: z.strictObject({ district: DistrictCode }), roles: ['staff'], service: 'station', writes: false, summary: "A district's last CSV imports: who, when, rows created and updated." }),
  correct: action<{ id: string; state: 'open' }>()({ input: CorrectionInput, roles: ['worker'], writes: true, replay: 'stored', summary: '信息有误: a signed-in worker reports a station closed, with other hours or services (once per station a day), for its district staff.' }),
  corrections: action<CorrectionView[]>()({ input: CorrectionsInput, roles: ['staff'], service: 'station', writes: false, summary: "A district's corrections by state, oldest open first." }),
  decideCorrection: action<CorrectionView>()({ input: DecideCorrectionInput, roles: ['staff'], service: 'station', writes: true, replay: 'stored', summary: 'Accept a correction (applying its change to the station, audited) or dismiss it with a note; the reporter is thanked either way.' }),
}
