import { textWidth, ucs2Hex, wrap, writePdf } from './pdf'

test('text is its UCS-2 codes as hex; a character beyond the BMP stands as 〓, never as half a surrogate', () => {
  expect(ucs2Hex('志愿 A1')).toBe('5FD7613F002000410031')
  expect(ucs2Hex('𠮷野')).toBe('301391CE')
})

test('widths: ASCII half an em, everything else a full one — as the font dictionary declares (/W [1 95 500])', () => {
  expect(textWidth('周小勇', 10)).toBe(30)
  expect(textWidth('ZYZM-2026', 10)).toBe(45)
})

test('wrapping breaks between Chinese characters, keeps a number whole, never starts a line with a closing mark', () => {
  const lines = wrap('参加志愿服务活动 12 次，编号 ZYZM-2026-000123。', 10, 100)
  expect(lines.every((l) => textWidth(l, 10) <= 105)).toBe(true)
  expect(lines.join('').replace(/\s/g, '')).toBe('参加志愿服务活动12次，编号ZYZM-2026-000123。')
  expect(lines.some((l) => l.includes('ZYZM-2026-000123'))).toBe(true)
  expect(lines.some((l) => /^[，。]/.test(l))).toBe(false)
})

test('the same page gives the same bytes (a lost file is made again identical)', () => {
  const page = { texts: [{ x: 72, y: 700, size: 12, text: '志愿服务记录证明' }] }
  const meta = { title: '证明', author: '服务站', created: new Date('2026-12-10T02:00:00Z') }
  const a = writePdf(page, meta)
  expect(writePdf(page, meta).equals(a)).toBe(true)
  expect(a.toString('latin1')).toContain("/CreationDate (D:20261210100000+08'00')")
})
