import { encode } from 'iconv-lite'
import { decodeText } from './text-file'

/** How an uploaded CSV's bytes are read: Excel's UTF-8 (BOM or not), its “Unicode 文本”, and GBK from Chinese Windows. */
test('UTF-8 with and without a byte-order mark, UTF-16 with one, GBK; the rest refused in words', () => {
  const text = '名称,类型\r\n崇川区南大街驿站,暖心驿站\r\n'
  expect(decodeText(Buffer.from(`\uFEFF${text}`))).toEqual({ ok: true, text, encoding: 'UTF-8' })
  expect(decodeText(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'UTF-8' })
  expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ ok: true, text, encoding: 'UTF-16' })
  expect(decodeText(encode(text, 'gbk'))).toEqual({ ok: true, text, encoding: 'GBK' })
  expect(decodeText(Buffer.from('PK\u0003\u0004....'))).toMatchObject({ ok: false, problem: expect.stringMatching(/^这是 Excel 工作簿（\.xlsx）/) })
  expect(decodeText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).toMatchObject({ ok: false, problem: expect.stringMatching(/^这是旧版 Excel 工作簿/) })
  expect(decodeText(Buffer.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, problem: expect.stringContaining('CSV UTF-8') })
  expect(decodeText(Buffer.from([0xff, 0xd9, 0x80, 0x80, 0x81]))).toMatchObject({ ok: false })
})
