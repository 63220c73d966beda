import { APPLICATION_KINDS, KINDS } from './kinds'

test('every kind has its own case prefix: two kinds never share a case number', () => {
  const prefixes = APPLICATION_KINDS.map((k) => KINDS[k].casePrefix)
  expect(new Set(prefixes).size).toBe(prefixes.length)
  for (const p of prefixes) expect(p).toMatch(/^[A-Z]{2,3}$/)
})

test('every kind reads its deadlines from the configuration', () => {
  for (const k of APPLICATION_KINDS) expect(KINDS[k].rules.decideWithinWorkingDays).toBeGreaterThan(0)
})
