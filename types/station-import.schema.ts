import * as z from 'zod/mini'
import { DistrictCode } from './fields'
import type { FileLink } from './file.schema'

/** A district's stations from a CSV the staff member uploaded (storage: actions take at most 64 KiB). */
export const ImportCsvInput = z.strictObject({
  fileId: z.string({ error: '请先选择 CSV 文件' }).check(z.minLength(1, '请先选择 CSV 文件'), z.maxLength(80, '文件编号不对')),
  district: DistrictCode,
  /** Check every row and say what would happen; write nothing. */
  dryRun: z.optional(z.boolean()),
})
export type ImportCsvInput = z.infer<typeof ImportCsvInput>

export const ExportCsvInput = z.strictObject({
  district: DistrictCode,
  /** The empty template with two example rows instead of the district's stations. */
  template: z.optional(z.boolean()),
})

/** One bad cell: “第 12 行 经度：…”. `line` counts the file's lines as Excel numbers them (the header is line 1). */
export interface CsvProblem {
  line: number
  /** The column's header (名称, 经度 …), or 表头 / 整行 for the header row and a row as a whole. */
  column: string
  message: string
  /** `第 12 行 经度：…`, ready to show or copy. */
  text: string
}

/** At most this many problems are listed; `problemsTotal` counts them all. */
export const MAX_LISTED_PROBLEMS = 500
/** A district's stations in one file: Wuxi's whole city has 685 小蜜蜂驿站. */
export const MAX_IMPORT_ROWS = 5000

/**
 * - `invalid`: some rows are bad — every one is listed and nothing was written;
 * - `checked`: a dry run found every row good (`plan` says what an import would do);
 * - `running`: written up to `written` of `rows` — call again with the same file to go on (a large file is written
 *   over several calls, each well inside a cloud function's time limit; none writes a row twice);
 * - `done`: every row written (again: the same answer, nothing written twice).
 */
export interface ImportCsvResult {
  state: 'invalid' | 'checked' | 'running' | 'done'
  fileName: string
  /** How the bytes were read: Excel on Chinese Windows saves GBK. */
  encoding: 'UTF-8' | 'GBK' | 'UTF-16'
  /** Station rows in the file (the header and empty rows not counted). */
  rows: number
  /** New stations, changed ones, and rows the same as the station already is. */
  plan: { create: number; update: number; unchanged: number }
  problems: CsvProblem[]
  problemsTotal: number
  written: number
  importId: string | null
  finishedAt: string | null
}

export interface ExportCsvResult {
  file: FileLink
  /** The file's name to save it under: 驿站-崇川区-20261202.csv. */
  fileName: string
  rows: number
}

/** One import as the district's record keeps it. */
export interface StationImportView {
  id: string
  fileName: string
  rows: number
  created: number
  updated: number
  unchanged: number
  state: 'running' | 'done'
  by: string
  startedAt: string
  finishedAt: string | null
}
