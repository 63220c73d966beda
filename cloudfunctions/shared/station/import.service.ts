import { createHash } from 'node:crypto'
import { findDistrict } from '~types/regions'
import { StationInput, STATION_TYPE_LABELS, type StationService } from '~types/station.schema'
import { parseDayHours } from '~types/station-hours'
import {
  CSV_COLUMNS, CSV_HEADER_OF, csvText, EXAMPLE_PREFIX, formatHoursCell, formatServicesCell, parseHoursCell, parsePositionCells, parseServicesCell,
  parseTypeCell, sameHours, TEMPLATE_ROWS, type CsvColumnKey,
} from '~types/station-csv'
import { MAX_IMPORT_ROWS, MAX_LISTED_PROBLEMS, type CsvProblem, type ExportCsvResult, type ImportCsvInput, type ImportCsvResult, type StationImportView } from '~types/station-import.schema'
import { inZone } from '~types/time'
import { fieldErrors } from '~types/validation'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { inTransaction } from '../db/transaction'
import { attachChecked, fileLink, fileStoreOf, findFile, saveServerFile } from '../storage/files'
import type { FileDoc } from '../storage/file.doc'
import { decodeText } from '../storage/text-file'
import type { UserDoc } from '../user/user.doc'
import { assertDistrict, createStationIn, editStationIn, fieldsOf, stationInScope } from './manage.service'
import { lngLatOf, STATIONS, type StationDoc } from './station.doc'
import { parseStationsCsv, problem, type CsvRow } from './station-csv'

/** One import of one file into one district, and how far its writing has got. */
export const IMPORTS = 'station_imports'

interface ImportDoc {
  /** Derived from the file and the district: running the same import again finds this record and goes on. */
  _id: string
  district: string
  fileId: string
  fileName: string
  encoding: ImportCsvResult['encoding']
  rows: number
  /** Rows before this index are written — moved in the same transaction as the rows, so no row is written twice. */
  cursor: number
  created: number
  updated: number
  unchanged: number
  state: 'running' | 'done'
  by: string
  startedAt: Date
  finishedAt: Date | null
}

/** Rows per transaction: a few hundred single-document operations at most, well inside what CloudBase allows. */
const BATCH = 40
/**
 * How long one call keeps writing before it answers `running` (the page calls again): a cloud function stops at 10 s
 * (cloudbaserc.json), and every operation of a CloudBase transaction is a round trip.
 */
const WRITE_BUDGET_MS = 4000

interface Planned {
  line: number
  input: StationInput
  /** The station: the row's 编号, or one derived from the import and the line for a new one. */
  id: string
  action: 'create' | 'update' | 'unchanged'
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex')
const importIdOf = (fileId: string, district: string) => `si_${sha(`${fileId}|${district}`).slice(0, 32)}`
/** A new row's station: the same id however often the import runs, so a rerun after a crash cannot duplicate it. */
const newIdOf = (importId: string, line: number) => `st_${sha(`${importId}|${line}`).slice(0, 24)}`

/** Every station of a district, closed ones too, a page of 1000 at a time (the database's largest). */
async function stationsOfDistrict(rt: Runtime, district: string): Promise<StationDoc[]> {
  const out: StationDoc[] = []
  for (;;) {
    const { data } = await rt.db.collection(STATIONS).where({ district }).orderBy('_id', 'asc').skip(out.length).limit(1000).get()
    out.push(...(data as StationDoc[]))
    if (data.length < 1000) return out
  }
}

const orNull = (t: string | null | undefined) => (t && t.trim() ? t.trim() : null)
const sameText = (a: string | null | undefined, b: string | null | undefined) => orNull(a) === orNull(b)
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join()
const sameDayText = (a: string | null | undefined, b: string | null | undefined) => (orNull(a) === null || orNull(b) === null ? orNull(a) === orNull(b) : sameHours([a!], [b!]))

/** Whether a row says what the station already is: such a row is not written (and not audited). */
function sameStation(s: StationDoc, i: StationInput): boolean {
  const [lng, lat] = lngLatOf(s.location)
  return s.name === i.name && s.type === i.type && s.address === i.address && lng === i.longitude && lat === i.latitude
    && sameText(s.phone, i.phone) && sameHours(s.hours, i.hours) && sameDayText(s.holidayHours, i.holidayHours) && sameText(s.holidayNote, i.holidayNote)
    && sameSet(s.services, i.services)
}

/** One row's cells → the StationInput it stands for, or its problems by column. */
function rowInput(row: CsvRow, district: string): { input: StationInput | null; problems: CsvProblem[] } {
  const c = row.cells
  const bad = new Map<CsvColumnKey, string>()
  const type = parseTypeCell(c.type)
  const position = parsePositionCells(c.longitude, c.latitude)
  const hours = parseHoursCell(c.hours)
  const services = parseServicesCell(c.services)
  if (c.name.startsWith(EXAMPLE_PREFIX) || c.name.startsWith('示例')) bad.set('name', '这是模板里的示例行，请删掉，或改成真实的驿站')
  if (!type.ok) bad.set('type', type.problem)
  if (!position.longitude.ok) bad.set('longitude', position.longitude.problem)
  if (!position.latitude.ok) bad.set('latitude', position.latitude.problem)
  if (!hours.ok) bad.set('hours', hours.problem)
  if (!services.ok) bad.set('services', services.problem)
  const holiday = c.holidayHours.trim()
  if (holiday && !parseDayHours(holiday).ok) bad.set('holidayHours', `“${holiday}”看不懂，请写成 09:00-17:00，不开写 休息`)
  const raw = {
    ...(c.id ? { id: c.id } : {}),
    name: c.name, type: type.ok ? type.value : c.type, district, address: c.address,
    longitude: position.longitude.ok ? position.longitude.value : Number.NaN, latitude: position.latitude.ok ? position.latitude.value : Number.NaN,
    ...(c.phone ? { phone: c.phone } : {}),
    hours: hours.ok ? hours.value : [],
    ...(holiday ? { holidayHours: holiday } : {}),
    ...(c.holidayNote ? { holidayNote: c.holidayNote } : {}),
    services: services.ok ? services.value : [],
  }
  const parsed = StationInput.safeParse(raw)
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
      const key = path.split('.')[0] as CsvColumnKey
      // The cell's own reading said it better (a number that is not a number, a type not on the list).
      if (key in CSV_HEADER_OF && !bad.has(key)) bad.set(key, message)
    }
  }
  const problems = CSV_COLUMNS.filter((col) => bad.has(col.key)).map((col) => problem(row.line, col.header, bad.get(col.key)!))
  return { input: parsed.success && !problems.length ? parsed.data : null, problems }
}

/**
 * Every row checked, and what writing it would do. Besides each row on its own: a 编号 must be a station of this
 * district; a station appears once in the file; a new station may not take the name of one the district already has
 * (a second upload of the same list would otherwise double it) — except the stations this import made itself.
 */
function plan(rows: CsvRow[], district: string, existing: StationDoc[], importId: string): { planned: Planned[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = []
  const planned: Planned[] = []
  const byId = new Map(existing.map((s) => [s._id, s]))
  const ours = new Set(rows.map((r) => newIdOf(importId, r.line)))
  const byName = new Map(existing.filter((s) => s.status !== 'closed' && !ours.has(s._id)).map((s) => [s.name, s]))
  const seenIds = new Map<string, number>()
  const seenNames = new Map<string, number>()
  for (const row of rows) {
    const { input, problems: own } = rowInput(row, district)
    problems.push(...own)
    const name = row.cells.name
    if (name && seenNames.has(name) && !own.some((p) => p.column === CSV_HEADER_OF.name)) problems.push(problem(row.line, CSV_HEADER_OF.name, `和第 ${seenNames.get(name)} 行重名：同一个驿站只写一行，不同的驿站请换个名字`))
    else if (name) seenNames.set(name, row.line)
    if (!input) continue
    if (input.id) {
      const current = byId.get(input.id)
      if (!current) {
        problems.push(problem(row.line, CSV_HEADER_OF.id, `没有找到编号为“${input.id}”的驿站，或者它不在本区。新建的驿站请把编号留空`))
        continue
      }
      if (seenIds.has(input.id)) {
        problems.push(problem(row.line, CSV_HEADER_OF.id, `和第 ${seenIds.get(input.id)} 行是同一个驿站（编号相同），请只留一行`))
        continue
      }
      seenIds.set(input.id, row.line)
      const other = byName.get(input.name)
      if (other && other._id !== input.id) {
        problems.push(problem(row.line, CSV_HEADER_OF.name, `本区已有另一个驿站叫“${input.name}”（编号 ${other._id}），请换个名字`))
        continue
      }
      planned.push({ line: row.line, input, id: input.id, action: sameStation(current, input) ? 'unchanged' : 'update' })
    } else {
      const other = byName.get(input.name)
      if (other) {
        problems.push(problem(row.line, CSV_HEADER_OF.name, `本区已有同名驿站（编号 ${other._id}）。要修改它，请在“编号”列填上这个编号；不是同一个，请换个名字`))
        continue
      }
      planned.push({ line: row.line, input, id: newIdOf(importId, row.line), action: 'create' })
    }
  }
  return { planned, problems }
}

const countsOf = (planned: Planned[]) => ({
  create: planned.filter((p) => p.action === 'create').length,
  update: planned.filter((p) => p.action === 'update').length,
  unchanged: planned.filter((p) => p.action === 'unchanged').length,
})

function resultOf(base: Pick<ImportCsvResult, 'fileName' | 'encoding' | 'rows'>, rest: Partial<ImportCsvResult> & Pick<ImportCsvResult, 'state'>): ImportCsvResult {
  return { plan: { create: 0, update: 0, unchanged: 0 }, problems: [], problemsTotal: 0, written: 0, importId: null, finishedAt: null, ...base, ...rest }
}

const recordResult = (r: ImportDoc): ImportCsvResult =>
  resultOf({ fileName: r.fileName, encoding: r.encoding, rows: r.rows }, {
    state: r.state, plan: { create: r.created, update: r.updated, unchanged: r.unchanged }, written: r.cursor, importId: r._id, finishedAt: r.finishedAt?.toISOString() ?? null,
  })

/**
 * 导入: a district's stations from a CSV the caller uploaded. The whole file is read and every row checked first;
 * if any row is bad, every bad row is answered by line and column and nothing is written. Otherwise new rows create
 * stations and rows with a 编号 update them, in transactions of BATCH rows that each move the import record's cursor
 * (what a crash leaves is a cursor: the same call again goes on from there, and new rows' ids are derived from the
 * import and the line). A large file takes several calls (`running`); a finished one answers `done` again.
 */
export async function importStationsCsv(rt: Runtime, user: UserDoc, input: ImportCsvInput): Promise<ImportCsvResult> {
  assertDistrict(user, input.district)
  const file = await findFile(rt.db, input.fileId)
  if (!file || file.ownerOpenid !== user.openid) throw new AppError('NOT_FOUND', '没有找到上传的表格，请重新选择文件', { fileId: '没有找到上传的表格，请重新选择文件' })
  if (file.contentType !== 'text/csv') throw invalidField('fileId', '这不是 CSV 表格。请在 Excel 里“另存为”CSV UTF-8（逗号分隔）再选')
  const importId = importIdOf(file._id, input.district)
  const { data: found } = await rt.db.collection(IMPORTS).doc(importId).get()
  const record = found[0] as ImportDoc | undefined
  if (record?.state === 'done') return recordResult(record)

  const stored = await fileStoreOf(rt).get(file.key)
  if (!stored) throw new AppError('NOT_FOUND', '上传的表格已经过期，请重新选择文件', { fileId: '上传的表格已经过期，请重新选择文件' })
  const decoded = decodeText(stored.bytes)
  if (!decoded.ok) throw invalidField('fileId', decoded.problem)
  const base = { fileName: file.name, encoding: decoded.encoding, rows: 0 }
  const parsed = parseStationsCsv(decoded.text)
  base.rows = parsed.rows.length
  if (parsed.rows.length > MAX_IMPORT_ROWS) throw invalidField('fileId', `一次最多导入 ${MAX_IMPORT_ROWS} 个驿站，这个文件有 ${parsed.rows.length} 行，请分成几个文件`)
  if (!parsed.problems.length && !parsed.rows.length) parsed.problems.push(problem(2, '整行', '表格里没有驿站：表头下面从第 2 行起，每行填一个驿站'))
  // Rows are checked even when one of them has a cell too many: every bad row is named in one answer.
  const checked = parsed.rows.length ? plan(parsed.rows, input.district, await stationsOfDistrict(rt, input.district), importId) : { planned: [], problems: [] }
  const planned = checked.planned
  const problems = [...parsed.problems, ...checked.problems]
  if (problems.length) {
    // By line, then in the columns' order, as the clerk reads the file.
    const order = (column: string) => { const i = CSV_COLUMNS.findIndex((c) => c.header === column); return i < 0 ? CSV_COLUMNS.length : i }
    problems.sort((a, b) => a.line - b.line || order(a.column) - order(b.column))
    return resultOf(base, { state: 'invalid', problems: problems.slice(0, MAX_LISTED_PROBLEMS), problemsTotal: problems.length, plan: countsOf(planned) })
  }
  if (input.dryRun) return resultOf(base, { state: 'checked', plan: countsOf(planned) })
  return recordResult(await write(rt, user, input.district, file, decoded.encoding, importId, planned))
}

async function write(rt: Runtime, user: UserDoc, district: string, file: FileDoc, encoding: ImportCsvResult['encoding'], importId: string, planned: Planned[]): Promise<ImportDoc> {
  const now = rt.now()
  const fresh: ImportDoc = {
    _id: importId, district, fileId: file._id, fileName: file.name, encoding, rows: planned.length, cursor: 0, created: 0, updated: 0, unchanged: 0,
    state: 'running', by: user._id, startedAt: now, finishedAt: null,
  }
  let record = await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(IMPORTS).doc(importId).get()
    if (data) return data as ImportDoc
    const { _id, ...doc } = fresh
    await tx.collection(IMPORTS).doc(_id).set(doc)
    return fresh
  })
  const deadline = Date.now() + WRITE_BUDGET_MS
  while (record.state === 'running' && Date.now() < deadline) {
    const start = record.cursor
    const batch = planned.slice(start, start + BATCH)
    record = await inTransaction(rt.db, async (tx: Transaction) => {
      const { data } = await tx.collection(IMPORTS).doc(importId).get()
      const current = data as ImportDoc
      // Another call (a second tab, a retry) wrote this batch first: go on from where it got to.
      if (current.state === 'done' || current.cursor !== start) return current
      const counts = { created: 0, updated: 0, unchanged: 0 }
      for (const row of batch) {
        const note = `表格导入 ${importId} 第 ${row.line} 行`
        if (row.action === 'create') {
          await createStationIn(tx, user, row.id, fieldsOf(row.input, rt, user._id, now), now, note)
          counts.created++
          continue
        }
        const before = await stationInScope(tx, user, row.id)
        if (sameStation(before, row.input)) {
          counts.unchanged++
          continue
        }
        // A row has no photos column: the station keeps the ones it has.
        const { photos: _photos, ...fields } = fieldsOf(row.input, rt, user._id, now)
        await editStationIn(tx, user, before, fields, now, note)
        counts.updated++
      }
      const cursor = start + batch.length
      const next: Partial<ImportDoc> = { cursor, created: current.created + counts.created, updated: current.updated + counts.updated, unchanged: current.unchanged + counts.unchanged }
      if (cursor >= planned.length) {
        Object.assign(next, { state: 'done', finishedAt: now })
        await tx.collection(AUDIT).add({
          actorId: user._id, actorRole: 'staff', action: 'station.import', targetType: 'stationImport', targetId: importId,
          to: { district, fileId: file._id, fileName: file.name, rows: planned.length, created: next.created, updated: next.updated, unchanged: next.unchanged }, at: now,
        })
        // The file is the import's record of what was typed: kept, not purged with uploads nobody used.
        await attachChecked(rt, tx, [file], importId)
      }
      await tx.collection(IMPORTS).doc(importId).update(next)
      return { ...current, ...next }
    })
  }
  return record
}

/** A district's last imports, newest first. */
export async function importsOf(rt: Runtime, user: UserDoc, district: string): Promise<StationImportView[]> {
  assertDistrict(user, district)
  const { data } = await rt.db.collection(IMPORTS).where({ district }).orderBy('startedAt', 'desc').limit(20).get()
  return (data as ImportDoc[]).map((r) => ({
    id: r._id, fileName: r.fileName, rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged, state: r.state, by: r.by,
    startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
  }))
}

/** A station as a row of the import's format: what the import reads back unchanged. */
export function csvRowOf(s: StationDoc): Record<CsvColumnKey, string> {
  const [longitude, latitude] = lngLatOf(s.location)
  return {
    name: s.name, type: STATION_TYPE_LABELS[s.type], address: s.address, longitude: String(longitude), latitude: String(latitude),
    hours: formatHoursCell(s.hours), services: formatServicesCell(s.services as StationService[]), phone: s.phone ?? '',
    holidayHours: s.holidayHours ?? '', holidayNote: s.holidayNote ?? '', id: s._id,
  }
}

/**
 * 导出: the district's stations (closed ones left out: they are not edited any more) in the import's format, or the
 * template with its example rows — a file the caller downloads through a 10-minute link. The file's id is derived
 * from its bytes, so the same export twice is one file; it is not attached to anything, so it is purged with the
 * uploads nobody kept.
 */
export async function exportStationsCsv(rt: Runtime, user: UserDoc, input: { district: string; template?: boolean }): Promise<ExportCsvResult> {
  assertDistrict(user, input.district)
  const stations = input.template ? [] : (await stationsOfDistrict(rt, input.district)).filter((s) => s.status !== 'closed')
  stations.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  const rows = input.template ? TEMPLATE_ROWS : stations.map(csvRowOf)
  const bytes = Buffer.from(csvText([CSV_COLUMNS.map((c) => c.header), ...rows.map((r) => CSV_COLUMNS.map((c) => r[c.key]))]), 'utf8')
  const place = findDistrict(input.district)?.name ?? input.district
  const fileName = input.template ? '驿站导入模板.csv' : `驿站-${place}-${inZone(rt.now()).format('YYYYMMDD')}.csv`
  const fileId = `x_${sha(`${user._id}|${fileName}|`).slice(0, 8)}${sha(bytes.toString('base64')).slice(0, 24)}`
  await saveServerFile(rt, { fileId, ownerOpenid: user.openid, path: `exports/${user._id}/${fileId}.csv`, bytes, contentType: 'text/csv', name: fileName, recordId: null })
  return { file: await fileLink(rt, fileId, user, []), fileName, rows: rows.length }
}
