import { STAR_HOURS } from '../../../config/volunteer'
import { chineseDate, contentText, hoursText, recordTotalMinutes, starText } from '~types/volunteer-record.schema'
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

/** The rows of the certificate, label and value, in the order 民政部's form lists them. */
export function recordRows(r: RecordDoc): [string, string][] {
  // Each part in half hours, and their sum: the rows must add up as printed (45 + 45 minutes are 0.5 + 0.5 h).
  const total = recordTotalMinutes(r.minutesConfirmed, r.minutesMakeUp)
  const star = r.stars ? `${starText(r.stars)}（累计满 ${STAR_HOURS[r.stars - 1]} 小时）` : `${starText(0)}（累计满 ${STAR_HOURS[0]} 小时为一星）`
  return [
    ['姓名', r.holderName],
    ['证件类型', r.idType],
    ['证件号码', r.idNumberMasked],
    ['志愿服务时长', `累计 ${hoursText(total)}`],
    ['其中', `签到及工作人员确认 ${hoursText(r.minutesConfirmed)}；补录 ${hoursText(r.minutesMakeUp)}`],
    ['星级', star],
    ['服务内容', contentText(r.content)],
    ['出具单位', r.issuer],
    ['出具日期', chineseDate(r.issuedOn)],
  ]
}

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

  const lead = `兹证明 ${r.holderName}（${r.idType} ${r.idNumberMasked}）参加新就业群体志愿服务，经本站记录核实，截至 ${chineseDate(r.issuedOn)}，志愿服务情况如下：`
  for (const line of wrap(lead, BODY, RIGHT - LEFT)) {
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

  const notes = [
    '说明：',
    '1. 服务时长按半小时计，依据《志愿服务条例》《志愿服务记录与证明出具办法》记录；补录时长经工作人员认定。',
    '2. 星级为累计服务时长达到的等级。证件号码只显示部分数字，请与持证人身份证核对。',
    `3. 本证明免费出具。核验：在“暖新”小程序“志愿服务积分—记录证明核验”中输入编号 ${r._id}，可查询本证明。`,
  ]
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
