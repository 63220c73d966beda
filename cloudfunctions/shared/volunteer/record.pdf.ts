import { chineseDate, recordLead, recordNotes, recordRows } from '~types/volunteer-record.schema'
import { A4, type PdfLine, type PdfText, type Rgb, wrap, writePdf } from './pdf'
import type { RecordDoc } from './record.doc'

const BRAND: Rgb = [0.72, 0.29, 0.11]
const MUTED: Rgb = [0.3, 0.3, 0.3]
const RULE: Rgb = [0.75, 0.75, 0.75]

const LEFT = 72
const RIGHT = A4.width - 72
const LABEL_W = 100
const BODY = 12.5
const LEADING = 21

/**
 * The certificate as a printable A4 page: title, number, a sentence of attestation, the rows, how to check it, and
 * the issuer and date at the foot. Made from the record alone, so the same record always gives the same bytes.
 */
export function recordPdf(r: RecordDoc): Buffer {
  const texts: PdfText[] = []
  const lines: PdfLine[] = []
  let y = A4.height - 100
  texts.push({ x: A4.width / 2, y, size: 26, text: '志愿服务记录证明', align: 'center', bold: true, color: BRAND })
  y -= 32
  texts.push({ x: RIGHT, y, size: 11, text: `编号：${r._id}`, align: 'right', color: MUTED })
  y -= 40

  for (const line of wrap(recordLead(r), BODY, RIGHT - LEFT)) {
    texts.push({ x: LEFT, y, size: BODY, text: line })
    y -= LEADING
  }
  y -= 8

  lines.push({ x1: LEFT, y1: y + 14, x2: RIGHT, y2: y + 14, color: RULE })
  for (const [label, value] of recordRows(r)) {
    const valueLines = wrap(value, BODY, RIGHT - LEFT - LABEL_W)
    texts.push({ x: LEFT + 6, y, size: BODY, text: label, color: MUTED })
    valueLines.forEach((v, i) => texts.push({ x: LEFT + LABEL_W, y: y - i * LEADING, size: BODY, text: v, bold: label === '志愿服务时长' }))
    y -= valueLines.length * LEADING + 6
    lines.push({ x1: LEFT, y1: y + 14, x2: RIGHT, y2: y + 14, color: RULE })
  }
  y -= 16

  const notes = ['说明：', ...recordNotes(r._id)]
  for (const note of notes) {
    for (const line of wrap(note, 10, RIGHT - LEFT)) {
      texts.push({ x: LEFT, y, size: 10, text: line, color: MUTED })
      y -= 16
    }
  }

  // The issuer and date at the foot, right-aligned as on a paper certificate.
  const foot = Math.max(Math.min(y - 30, 150), 80)
  texts.push({ x: RIGHT, y: foot, size: 14, text: r.issuer, align: 'right' })
  texts.push({ x: RIGHT, y: foot - 26, size: 14, text: chineseDate(r.issuedOn), align: 'right' })
  // The frame: a double rule in the brand colour.
  const rects = [
    { x: 36, y: 36, w: A4.width - 72, h: A4.height - 72, width: 2, color: BRAND },
    { x: 42, y: 42, w: A4.width - 84, h: A4.height - 84, width: 0.5, color: BRAND },
  ]
  return writePdf({ texts, lines, rects }, { title: `志愿服务记录证明 ${r._id}`, author: r.issuer, created: r.issuedAt })
}
