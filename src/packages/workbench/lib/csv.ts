import { KINDS, STATUS_LABELS, type QueueRow } from '~types/application.schema'
import { formatDateTime } from '~types/format'

export const CSV_HEADER = ['案件编号', '类型', '申请人', '地区', '状态', '截止时间', '紧急', '摘要'] as const

/** Anything shaped like a full ID number becomes its masked form: the export never carries one, whatever was typed. */
const ID_NUMBER_RUN = /\d{17}[\dXx]/g
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER_RUN, (id) => `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`)
}

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ (a formula to a spreadsheet)
 * is defused with an apostrophe, since names and summaries are typed by applicants.
 */
export function csvCell(value: string): string {
  let text = maskIdNumbers(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function deadlineCell(row: QueueRow): string {
  if (row.status === 'needsMore') return row.dueAt ? `等待补充材料，${formatDateTime(row.dueAt)} 前` : '等待补充材料'
  if (!row.dueAt) return ''
  return `${formatDateTime(row.dueAt)}${row.overdue ? '（已逾期）' : ''}`
}

/** The queue as CSV for Excel: a UTF-8 byte-order mark (or Chinese shows garbled), CRLF line ends, the header row first. */
export function queueCsv(rows: readonly QueueRow[]): string {
  const lines = [
    CSV_HEADER.join(','),
    ...rows.map((r) =>
      [r.caseNo, KINDS[r.kind].label, r.applicantName, r.regionLabel, STATUS_LABELS[r.status], deadlineCell(r), r.urgent ? '是' : '否', r.summary]
        .map(csvCell)
        .join(','),
    ),
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** `工作台队列-20261014-0930.csv`, in Jiangsu time. */
export function csvFileName(now: Date): string {
  return `工作台队列-${formatDateTime(now).replace(/[-:]/g, '').replace(' ', '-')}.csv`
}
