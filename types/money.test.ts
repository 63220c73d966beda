import { fenToYuanText, formatFen, percentOfFen, yuanToFen } from './money'

test('typed yuan becomes integer fen by string arithmetic', () => {
  expect(yuanToFen('3860')).toEqual({ ok: true, fen: 386000 })
  expect(yuanToFen('3,860.5')).toEqual({ ok: true, fen: 386050 })
  expect(yuanToFen('３８６０。５元')).toEqual({ ok: true, fen: 386050 })
  expect(yuanToFen('0.1')).toEqual({ ok: true, fen: 10 })
  expect(yuanToFen('')).toEqual({ ok: true, fen: 0 })
  expect(yuanToFen('1.234')).toMatchObject({ ok: false })
  expect(yuanToFen('abc')).toMatchObject({ ok: false })
  expect(yuanToFen('1000000000')).toMatchObject({ ok: false })
  expect(yuanToFen('200', 10000)).toMatchObject({ ok: false })
})

test('fen become text, exactly, grouped, without float rounding', () => {
  expect(formatFen(386050)).toBe('3,860.50 元')
  expect(formatFen(386000)).toBe('3,860 元')
  expect(formatFen(1)).toBe('0.01 元')
  expect(formatFen(-500)).toBe('-5 元')
  expect(formatFen(9_999_999_999)).toBe('99,999,999.99 元')
  expect(() => formatFen(0.5)).toThrow()
})

test('a percentage of fen rounds down', () => {
  expect(percentOfFen(333, 60)).toBe(199)
  expect(percentOfFen(1_000_000, 80)).toBe(800_000)
})

test('fen back into what a person would type: no floats, two decimals only when there are cents', () => {
  expect(fenToYuanText(100_000)).toBe('1000')
  expect(fenToYuanText(386_050)).toBe('3860.50')
  expect(fenToYuanText(5)).toBe('0.05')
  expect(fenToYuanText(115)).toBe('1.15')
  for (const fen of [0, 1, 99, 100, 101, 386_050, 40_000_000]) expect(yuanToFen(fenToYuanText(fen))).toEqual({ ok: true, fen })
})
