import { median, p90 } from './report.figures'

test('median and the nearest-rank 90th percentile, in whole minutes', () => {
  expect(median([])).toBeNull()
  expect(p90([])).toBeNull()
  expect(median([12])).toBe(12)
  expect(median([30, 10, 20])).toBe(20)
  expect(median([10, 21])).toBe(16) // 15.5 rounds up
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]
  expect(p90(ten)).toBe(9)
  expect(p90([...ten, 200])).toBe(100)
  expect(p90([5])).toBe(5)
})
