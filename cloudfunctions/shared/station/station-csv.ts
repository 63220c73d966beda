import { parse } from 'csv-parse/sync'
import { columnOfHeader, CSV_COLUMNS, type CsvColumnKey, undefuse } from '~types/station-csv'
import type { CsvProblem } from '~types/station-import.schema'

/**
 * A stations CSV → its rows by column, each with the line Excel shows it on. csv-parse reads the quoting (a cell
 * with a comma or a line break inside quotes, `""` for a quote); the columns are found by their header, in any order.
 */

export interface CsvRow {
  /** The line the row starts on, the header being line 1. */
  line: number
  cells: Record<CsvColumnKey, string>
}

export const problem = (line: number, column: string, message: string): CsvProblem => ({ line, column, message, text: `第 ${line} 行 ${column}：${message}` })

/** The line breaks in bytes [from, to): CRLF, LF or a lone CR, each one. */
function breaks(bytes: Buffer, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) n++
  return n
}

/** The line of the last quote that opened a quoted cell and never closed it. */
function openQuoteLine(text: string): number {
  let line = 1
  let opened = 1
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') i++
      else {
        quoted = !quoted
        if (quoted) opened = line
      }
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
  }
  return opened
}

/** Excel's “Unicode 文本” separates with tabs; every other CSV with commas. */
function delimiterOf(text: string): ',' | '\t' {
  const first = text.split(/\r?\n/, 1)[0] ?? ''
  return first.includes('\t') && !first.includes(',') ? '\t' : ','
}

export function parseStationsCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const body = text.replace(/^\uFEFF/, '')
  // Offsets in bytes are what csv-parse reports: the lines are counted on the same UTF-8 bytes it reads.
  const bytes = Buffer.from(body, 'utf8')
  let records: { record: string[]; info: { bytes: number } }[]
  try {
    records = parse(bytes, { delimiter: delimiterOf(body), info: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as never
  } catch (e) {
    const { code, lines } = e as { code?: string; lines?: number }
    // A quote never closed is found at the end of the file: name the line where it opened instead.
    const where = code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(body) : typeof lines === 'number' && lines > 0 ? lines : 1
    const message = code === 'CSV_QUOTE_NOT_CLOSED' || code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE'
      ? '引号没有配对：格子里有英文双引号时，整个格子要用双引号括起来，里面的双引号写两遍'
      : '这一行读不出来，请检查引号和逗号'
    return { rows: [], problems: [problem(where, '整行', message)] }
  }
  if (!records.length) return { rows: [], problems: [problem(1, '表头', '文件是空的：第一行应是表头（名称,类型,地址,…），从第二行起每行一个驿站')] }

  // Where each record starts: the line breaks up to the end of the one before (one pass over the file).
  const starts: number[] = [1]
  for (let i = 1, line = 1, from = 0; i < records.length; i++) {
    const to = records[i - 1].info.bytes
    line += breaks(bytes, from, to)
    starts[i] = line
    from = to
  }

  const headerAt = records.findIndex((r) => r.record.some((c) => c.trim()))
  if (headerAt < 0) return { rows: [], problems: [problem(1, '表头', '文件里没有内容')] }
  const header = records[headerAt]
  const headerLine = starts[headerAt]
  const problems: CsvProblem[] = []
  const index = new Map<CsvColumnKey, number>()
  header.record.forEach((cell, i) => {
    if (!cell.trim()) return
    const col = columnOfHeader(cell)
    if (!col) problems.push(problem(headerLine, '表头', `不认识“${cell.trim()}”这一列，可用的列：${CSV_COLUMNS.map((c) => c.header).join('、')}`))
    else if (index.has(col.key)) problems.push(problem(headerLine, '表头', `“${col.header}”这一列出现了两次`))
    else index.set(col.key, i)
  })
  const missing = CSV_COLUMNS.filter((c) => c.required && !index.has(c.key))
  if (missing.length) problems.push(problem(headerLine, '表头', `缺少这几列：${missing.map((c) => c.header).join('、')}。第一行应是表头，可以下载模板对照`))
  if (problems.length) return { rows: [], problems }

  const rows: CsvRow[] = []
  for (let i = headerAt + 1; i < records.length; i++) {
    const { record } = records[i]
    // Excel leaves rows of empty cells (`,,,,`) below the data: not stations.
    if (!record.some((c) => c.trim())) continue
    const cells = {} as Record<CsvColumnKey, string>
    for (const col of CSV_COLUMNS) {
      const j = index.get(col.key)
      cells[col.key] = j === undefined ? '' : undefuse((record[j] ?? '').trim())
    }
    const extra = record.slice(header.record.length).filter((c) => c.trim())
    if (extra.length) problems.push(problem(starts[i], '整行', `这一行比表头多了 ${extra.length} 个格子（“${extra[0].trim()}”）：可能是某个格子里有英文逗号，请用中文逗号或把格子用双引号括起来`))
    rows.push({ line: starts[i], cells })
  }
  return { rows, problems }
}
