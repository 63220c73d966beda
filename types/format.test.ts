import { inZone } from './time'
import { fileSize, formatDateTime } from './format'

test('formats in Jiangsu time, agreeing with dayjs-timezone across a day boundary and the year end', () => {
  for (const iso of ['2026-11-29T16:30:00Z', '2026-12-31T15:59:00Z', '2026-12-31T16:00:00Z', '2024-02-28T20:00:00Z']) {
    expect(formatDateTime(iso)).toBe(inZone(iso).format('YYYY-MM-DD HH:mm'))
  }
  expect(formatDateTime('2026-11-29T16:30:00Z')).toBe('2026-11-30 00:30')
})

test('file sizes read as a phone shows them: never 0 KB, one decimal in MB', () => {
  expect(fileSize(1)).toBe('1 KB')
  expect(fileSize(850 * 1024)).toBe('850 KB')
  expect(fileSize(1024 * 1024)).toBe('1.0 MB')
  expect(fileSize(10 * 1024 * 1024)).toBe('10.0 MB')
})
