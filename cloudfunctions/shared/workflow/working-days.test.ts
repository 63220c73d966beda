import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isWorkday } from 'chinese-days'
import { renderCalendar } from '../../../scripts/calendar-source'
import { addWorkingDays, workingDaysLeft } from './working-days'
import { inZone } from '~types/time'

const at = (s: string) => new Date(`${s}+08:00`)
const day = (d: Date) => inZone(d).format('YYYY-MM-DD HH:mm')

describe('working days on the official calendar', () => {
  it('skips weekends', () => {
    // Friday 2026-11-27 + 7 working days → Tuesday 2026-12-08.
    expect(addWorkingDays(at('2026-11-27T15:00:00'), 7)).toEqual({ dueAt: expect.any(Date), provisional: false })
    expect(day(addWorkingDays(at('2026-11-27T15:00:00'), 7).dueAt)).toBe('2026-12-08 23:59')
  })

  it('skips the National Day holiday and counts its make-up Saturday (2026-10-10)', () => {
    // Submitted Wednesday 2026-09-30: Oct 1–7 are holidays; Fri 9th, Sat 10th (调休 workday), Mon 12th…
    const { dueAt } = addWorkingDays(at('2026-09-30T10:00:00'), 3)
    expect(day(dueAt)).toBe('2026-10-10 23:59')
    expect(day(addWorkingDays(at('2026-09-30T10:00:00'), 7).dueAt)).toBe('2026-10-15 23:59')
  })

  it('counts what is left, the inverse of adding', () => {
    const from = at('2026-09-28T09:00:00')
    const { dueAt } = addWorkingDays(from, 7)
    expect(workingDaysLeft(from, dueAt)).toBe(7)
    expect(workingDaysLeft(dueAt, dueAt)).toBe(0)
  })

  it('says when a year is not on the published calendar yet', () => {
    const r = addWorkingDays(at('2026-12-28T09:00:00'), 7)
    expect(r.provisional).toBe(true)
    expect(addWorkingDays(at('2026-12-01T09:00:00'), 7).provisional).toBe(false)
  })
})

describe('the generated calendar', () => {
  it('matches the chinese-days package (run npm run gen:calendar after upgrading it)', () => {
    expect(readFileSync(join(__dirname, 'calendar.generated.ts'), 'utf8')).toBe(renderCalendar())
  })

  it('agrees with the package day by day for 2025–2026', () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const d = new Date(t + 8 * 3600_000)
      const date = new Date(t).toISOString().slice(0, 10)
      const { dueAt } = addWorkingDays(new Date(d.getTime() - 86_400_000), 1)
      expect({ date, working: inZone(dueAt).format('YYYY-MM-DD') === date }).toEqual({ date, working: isWorkday(date) })
    }
  })
})
