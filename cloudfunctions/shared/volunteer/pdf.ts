import { createHash } from 'node:crypto'

/**
 * A one-page PDF of Chinese text, written by hand: the 志愿服务记录证明 needs a few lines, a frame and a title, and a
 * CJK font file would cost megabytes in every deploy of the function. So the text is set in `STSong-Light`, one of
 * the standard Adobe-GB1 CID fonts every PDF reader supplies itself (Acrobat, WeChat's viewer, pdf.js, poppler —
 * none is embedded, as PDF 1.4 §5.6 allows for these), addressed through the predefined `UniGB-UCS2-H` CMap: each
 * character is its UCS-2 code, two bytes, written as hex. Readers also map those codes back to Unicode, so the text
 * can be searched and copied.
 *
 * Generic enough to move to shared/ when a second service wants a PDF; until then it lives with its one user.
 */

export const A4 = { width: 595.28, height: 841.89 } as const

export type Rgb = readonly [number, number, number]

export interface PdfText {
  x: number
  /** Baseline, from the bottom of the page. */
  y: number
  size: number
  text: string
  /** Set from `x`: its left end, middle or right end. @default 'left' */
  align?: 'left' | 'center' | 'right'
  /** Drawn as fill + thin stroke: a CID font without a bold face of its own. @default false */
  bold?: boolean
  /** @default black */
  color?: Rgb
}

export interface PdfLine {
  x1: number
  y1: number
  x2: number
  y2: number
  /** @default 0.75 */
  width?: number
  color?: Rgb
}

export interface PdfRect {
  x: number
  y: number
  w: number
  h: number
  width?: number
  color?: Rgb
}

export interface PdfPage {
  texts: PdfText[]
  lines?: PdfLine[]
  rects?: PdfRect[]
}

export interface PdfMeta {
  title: string
  author: string
  /** The document's date (CreationDate), in China Standard Time. */
  created: Date
}

/**
 * Advance widths in thousandths of the size, as the font dictionary declares them (/DW 1000, /W [1 95 500]):
 * printable ASCII half an em, everything else a full em. Layout and reader agree because both use these numbers.
 */
const isHalfWidth = (code: number) => code >= 0x20 && code <= 0x7e

/** One 16-bit code per character. A character beyond the BMP has no UCS-2 code: 〓 (U+3013) stands in, as typesetters mark a missing glyph. */
function codesOf(text: string): number[] {
  return [...text].map((ch) => {
    const cp = ch.codePointAt(0)!
    return cp > 0xffff ? 0x3013 : cp
  })
}

export function textWidth(text: string, size: number): number {
  return codesOf(text).reduce((w, c) => w + (isHalfWidth(c) ? 500 : 1000), 0) * size / 1000
}

/** The hex string a text object shows: `<5FD7 613F>` for 志愿. */
export function ucs2Hex(text: string): string {
  return codesOf(text).map((c) => c.toString(16).toUpperCase().padStart(4, '0')).join('')
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: Chinese breaks between any two characters; a run of ASCII
 * (a number, a word) is kept whole unless it alone is too wide. A line never starts with a closing mark.
 */
export function wrap(text: string, size: number, maxWidth: number): string[] {
  const tokens = text.match(/[\x21-\x7e]+|\s|[^\s]/gu) ?? []
  const lines: string[] = []
  let line = ''
  for (const token of tokens) {
    const candidate = line + token
    if (textWidth(candidate, size) <= maxWidth || !line) {
      line = candidate
      continue
    }
    if (/^[，。、；：？！）」』”’%]$/u.test(token)) {
      // Kinsoku: the mark stays with the line it closes, a little past the margin.
      line = candidate
      continue
    }
    lines.push(line.trimEnd())
    line = token.trim()
  }
  if (line.trim()) lines.push(line.trimEnd())
  // A single token wider than the line (a long serial): cut it by width.
  return lines.flatMap((l) => (textWidth(l, size) <= maxWidth * 1.05 ? [l] : hardCut(l, size, maxWidth)))
}

function hardCut(text: string, size: number, maxWidth: number): string[] {
  const out: string[] = []
  let line = ''
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > maxWidth) {
      out.push(line)
      line = ''
    }
    line += ch
  }
  if (line) out.push(line)
  return out
}

const num = (n: number) => (Math.round(n * 100) / 100).toString()
const rgb = (c: Rgb | undefined, op: 'rg' | 'RG') => `${(c ?? [0, 0, 0]).map(num).join(' ')} ${op}`

function contentOf(page: PdfPage): string {
  const ops: string[] = []
  for (const r of page.rects ?? []) ops.push(`q ${rgb(r.color, 'RG')} ${num(r.width ?? 0.75)} w ${num(r.x)} ${num(r.y)} ${num(r.w)} ${num(r.h)} re S Q`)
  for (const l of page.lines ?? []) ops.push(`q ${rgb(l.color, 'RG')} ${num(l.width ?? 0.75)} w ${num(l.x1)} ${num(l.y1)} m ${num(l.x2)} ${num(l.y2)} l S Q`)
  for (const t of page.texts) {
    const w = textWidth(t.text, t.size)
    const x = t.align === 'center' ? t.x - w / 2 : t.align === 'right' ? t.x - w : t.x
    const bold = t.bold ? ` 2 Tr ${num(t.size * 0.03)} w ${rgb(t.color, 'RG')}` : ''
    ops.push(`q BT /F1 ${num(t.size)} Tf ${rgb(t.color, 'rg')}${bold} ${num(x)} ${num(t.y)} Td <${ucs2Hex(t.text)}> Tj ET Q`)
  }
  return ops.join('\n') + '\n'
}

/** A text string for the document information: UTF-16BE with its byte-order mark, as hex. */
function infoText(text: string): string {
  return `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`
}

/** `D:20261210103000+08'00'`: the date in China Standard Time (no daylight saving since 1991). */
function pdfDate(d: Date): string {
  const cst = new Date(d.getTime() + 8 * 3600_000).toISOString()
  return `D:${cst.slice(0, 4)}${cst.slice(5, 7)}${cst.slice(8, 10)}${cst.slice(11, 13)}${cst.slice(14, 16)}${cst.slice(17, 19)}+08'00'`
}

/**
 * The whole file: header, seven objects, the cross-reference table with each object's byte offset, and the
 * trailer. Nothing is compressed (a few kilobytes; and readable in a test). The same page and meta give the same
 * bytes, so a certificate's file can be made again at any time and be identical.
 */
export function writePdf(page: PdfPage, meta: PdfMeta): Buffer {
  const content = contentOf(page)
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-134 -254 1001 905] /ItalicAngle 0 /Ascent 905 /Descent -254 /CapHeight 626 /XHeight 416 /StemV 48 >>',
    `<< /Title ${infoText(meta.title)} /Author ${infoText(meta.author)} /Producer (nuanxin) /CreationDate (${pdfDate(meta.created)}) >>`,
  ]
  // The binary comment tells transfer tools the file is not text.
  const header = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'
  let body = header
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, 'latin1')
  const id = createHash('md5').update(body, 'latin1').digest('hex').toUpperCase()
  // Each entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n/f, space, newline.
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n')
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(`${body}${xref}\n${trailer}`, 'latin1')
}
