import { createRequire } from 'node:module'

/**
 * Text files staff upload (a district's stations as CSV) and how their bytes are read. There is no magic number for
 * text, so the test is that the bytes decode cleanly: UTF-8 (with or without Excel's byte-order mark), UTF-16 with
 * its mark (Excel's “Unicode 文本”), or — what Excel on Chinese Windows saves as plain “CSV” — GBK, read as GB18030
 * (its superset, so every GBK file reads the same).
 *
 * GB18030 comes from the runtime's own TextDecoder, which node has when built with full ICU — the official builds
 * that CloudBase's Node.js runtime and this machine run. iconv-lite would do the same in pure JavaScript, but its
 * tables add ≈ 480 KiB to every function that imports storage (the bundle inlines them): it stays out of the
 * bundle, and is used only where a runtime without full ICU has it installed; where neither is there, a GBK file is
 * refused with what to do instead (save as CSV UTF-8).
 */

export type TextEncoding = 'UTF-8' | 'GBK' | 'UTF-16'
export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: string }

const SAVE_AS = '请在 Excel 里点“另存为”，文件类型选“CSV UTF-8（逗号分隔）”，再上传'

/** Control characters a text file never holds (tab, line feed and carriage return are fine). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function looksLikeText(text: string): boolean {
  return !text.includes('\ufffd') && !CONTROL.test(text)
}

/** Spreadsheet files that are not text, named so the clerk knows what to do. */
function binaryProblem(bytes: Buffer): string | null {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return `这是 Excel 工作簿（.xlsx）或压缩包，不是 CSV。${SAVE_AS}`
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return `这是旧版 Excel 工作簿（.xls），不是 CSV。${SAVE_AS}`
  return null
}

export function decodeText(bytes: Buffer): DecodedText {
  const binary = binaryProblem(bytes)
  if (binary) return { ok: false, problem: binary }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3))
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff
    const body = bytes.subarray(2)
    const text = le ? body.toString('utf16le') : Buffer.from(body).swap16().toString('utf16le')
    return body.length % 2 === 0 && looksLikeText(text) ? { ok: true, text, encoding: 'UTF-16' } : { ok: false, problem: `文件内容读不出来。${SAVE_AS}` }
  }
  const asUtf8 = utf8(bytes)
  if (asUtf8.ok) return asUtf8
  const gbk = gbkDecoder()
  if (!gbk) return { ok: false, problem: `文件不是 UTF-8 编码（可能是 GBK），这里读不了。${SAVE_AS}` }
  const text = gbk(bytes)
  if (text !== null && looksLikeText(text)) return { ok: true, text, encoding: 'GBK' }
  return { ok: false, problem: `文件里有读不出来的字，可能不是表格文件，或者编码不是 UTF-8 / GBK。${SAVE_AS}` }
}

let gbkCache: ((bytes: Buffer) => string | null) | null | undefined

/** A strict GB18030 decoder (null for bytes that are not GB18030), or null when this runtime has none. */
function gbkDecoder(): ((bytes: Buffer) => string | null) | null {
  if (gbkCache !== undefined) return gbkCache
  try {
    const decoder = new TextDecoder('gb18030', { fatal: true })
    gbkCache = (bytes) => {
      try {
        return decoder.decode(bytes)
      } catch {
        return null
      }
    }
  } catch {
    try {
      // Not a static import: the bundle must not carry it (see above). Resolved beside the running file.
      const iconv = createRequire(__filename)('iconv-lite') as { decode(b: Buffer, enc: string): string }
      gbkCache = (bytes) => iconv.decode(bytes, 'gb18030')
    } catch {
      gbkCache = null
    }
  }
  return gbkCache
}

function utf8(bytes: Buffer): DecodedText {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, problem: `文件不是 UTF-8 编码。${SAVE_AS}` }
  }
  return looksLikeText(text) ? { ok: true, text, encoding: 'UTF-8' } : { ok: false, problem: `文件里有读不出来的字符，可能不是表格文件。${SAVE_AS}` }
}
