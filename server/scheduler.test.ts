import { FUNCTIONS } from '../cloudfunctions/shared/functions'
import { firesBetween, triggersOf } from './scheduler'

test('a CloudBase 7-field cron fires in the minute it names, China time, and not in others', () => {
  // 03:30 every day in Shanghai is 19:30 UTC the day before.
  expect(firesBetween('0 30 3 * * * *', new Date('2026-12-01T19:29:00Z'), new Date('2026-12-01T19:30:00Z'))).toBe(true)
  expect(firesBetween('0 30 3 * * * *', new Date('2026-12-01T19:30:00Z'), new Date('2026-12-01T19:31:00Z'))).toBe(false)
  expect(firesBetween('0 0 * * * * *', new Date('2026-12-01T10:59:00Z'), new Date('2026-12-01T11:00:00Z'))).toBe(true)
  expect(firesBetween('0 0 * * * * *', new Date('2026-12-01T11:00:00Z'), new Date('2026-12-01T11:01:00Z'))).toBe(false)
})

test('every function with scheduled work has a timer, and every timer a function that does something', () => {
  for (const [name, mod] of Object.entries(FUNCTIONS)) {
    const crons = triggersOf(name)
    expect({ name, timers: crons.length > 0 }).toEqual({ name, timers: !!mod.scheduled })
    for (const c of crons) expect(c.split(/\s+/)).toHaveLength(7)
  }
})
