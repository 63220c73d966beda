import { dateFromText } from './date-text'

test('dates as printed on certificates or typed on a phone', () => {
  expect(dateFromText('2026-05-20')).toBe('2026-05-20')
  expect(dateFromText('2026.5.20')).toBe('2026-05-20')
  expect(dateFromText('2026/5/2')).toBe('2026-05-02')
  expect(dateFromText(' 2026年5月20日 ')).toBe('2026-05-20')
  expect(dateFromText('２０２６年０５月２０日')).toBe('2026-05-20')
  expect(dateFromText('2026-02-31')).toBeNull()
  expect(dateFromText('20260520')).toBeNull()
  expect(dateFromText('')).toBeNull()
})
