import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDates } from '~types/calendar.schema'
import { openLocalRuntime, type LocalRuntime } from '../../../server/local-runtime'
import { seedDemoData } from '../../../server/seed'
import { WAGES_REQUEST } from '../../../test/support/requests'
import { AUDIT } from '../audit/audit'
import type { Runtime } from '../core/context'
import { submitLegalAid } from '../legal-aid/legal-aid.submit'
import { findUserByOpenid } from '../user/user.repository'
import type { UserDoc } from '../user/user.doc'
import { calendarYears, setCalendarYear } from './calendar.service'
import { getMine } from './review.service'
import { addWorkingDays } from './working-days'

/** Next year's holidays, entered by an admin before the package knows them: 2027 (not in chinese-days yet). */
let local: LocalRuntime
let rt: Runtime
let dir: string
let admin: UserDoc
let rider: UserDoc
const clock = new Date('2027-02-01T02:00:00Z') // Monday 1 Feb 2027, 10:00 Shanghai

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nx-calendar-'))
  local = openLocalRuntime({ dataDir: dir, log: () => undefined, now: () => clock })
  rt = local.runtime
  await seedDemoData(rt)
  admin = (await findUserByOpenid(rt.db, 'demo-admin'))!
  rider = (await findUserByOpenid(rt.db, 'demo-rider'))!
})
afterAll(() => {
  local.close()
  rmSync(dir, { recursive: true, force: true })
})

test('dates as people type them: one per line, commas, ranges; a bad piece is named', () => {
  expect(parseDates('2027-02-05~2027-02-07\n2027-01-01，2027-01-01')).toEqual({ ok: true, dates: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07'] })
  expect(parseDates('2027-02-30')).toEqual({ ok: false, bad: '2027-02-30' })
})

test('an entered year is used at once: a deadline across its holidays moves, the provisional mark goes, the entry is audited', async () => {
  expect((await calendarYears(rt)).find((y) => y.year === 2027)).toMatchObject({ source: 'none' })
  // Before: Monday–Friday only, provisional. 7 working days from Mon 1 Feb → Wed 10 Feb.
  const filed = await submitLegalAid(rt, rider, WAGES_REQUEST)
  expect(filed.clock).toMatchObject({ dueAt: '2027-02-10T15:59:59.999Z', provisional: true })

  const typed = parseDates('2027-01-01\n2027-02-06~2027-02-13')
  if (!typed.ok) throw new Error(typed.bad)
  const entered = await setCalendarYear(rt, admin, { year: 2027, holidays: typed.dates, workdays: ['2027-02-14'] })
  expect(entered).toMatchObject({ year: 2027, source: 'entered', workdays: ['2027-02-14'] })
  // After: 2, 3, 4, 5 (Fri), (6–13 off), 14 (make-up Sunday), 15, 16 → Tue 16 Feb, and no longer provisional.
  expect(addWorkingDays(clock, 7)).toEqual({ dueAt: new Date('2027-02-16T15:59:59.999Z'), provisional: false })
  // The application filed before keeps its date but loses the mark: its year's calendar is known now.
  expect((await getMine(rt, rider, filed.id)).clock.provisional).toBe(false)
  const { data } = await rt.db.collection(AUDIT).where({ action: 'calendar.set', targetId: 'y2027' }).get()
  expect(data).toEqual([expect.objectContaining({ actorId: admin._id, actorRole: 'admin', to: '9 天放假 / 1 天调休上班' })])
})

test("an entered year replaces the package's days for that year, so a later package cannot fight it", async () => {
  // The package has 2026's National Day (1–7 Oct, make-up Sat 10 Oct); an entry for 2026 without it wins.
  expect(addWorkingDays(new Date('2026-09-30T02:00:00Z'), 1).dueAt).toEqual(new Date('2026-10-08T15:59:59.999Z'))
  await setCalendarYear(rt, admin, { year: 2026, holidays: ['2026-01-01'], workdays: [] })
  expect(addWorkingDays(new Date('2026-09-30T02:00:00Z'), 1).dueAt).toEqual(new Date('2026-10-01T15:59:59.999Z'))
  expect((await calendarYears(rt)).find((y) => y.year === 2026)).toMatchObject({ source: 'entered' })
})
