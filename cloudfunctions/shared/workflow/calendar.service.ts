import type { CalendarYearInput, CalendarYearView } from '~types/calendar.schema'
import { inZone } from '~types/time'
import { AUDIT, type AuditEntry } from '../audit/audit'
import type { Runtime, Transaction } from '../core/context'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'
import { packageCovers, useEnteredYears, type EnteredYear } from './working-days'

export const CALENDAR = 'calendar'

interface CalendarDoc extends EnteredYear {
  _id: string
  enteredBy: string
  enteredAt: Date
}

/** How long an instance trusts what it read: another instance's entry reaches it within this; its own at once. */
const CACHE_MS = 60_000
let loadedAt = -Infinity

/**
 * The clock reads the entered years before it counts (one small read a minute per instance): called by every
 * service that computes a deadline. The State Council publishes next year's holidays each November; until an
 * admin enters them (or the package has them) that year counts Monday–Friday and deadlines say "provisional".
 */
export async function useCalendar(rt: Runtime): Promise<void> {
  if (Date.now() - loadedAt < CACHE_MS) return
  await readEntered(rt)
}

/** One read of the entered years, applied to the clock at once. */
async function readEntered(rt: Runtime): Promise<CalendarDoc[]> {
  const { data } = await rt.db.collection(CALENDAR).limit(100).get()
  useEnteredYears(data as CalendarDoc[])
  loadedAt = Date.now()
  return data as CalendarDoc[]
}

/** Admin: enter (or correct) one year; audited with what changed. Applies to this instance at once (the read-back). */
export async function setCalendarYear(rt: Runtime, admin: UserDoc, input: CalendarYearInput): Promise<CalendarYearView> {
  const now = rt.now()
  const _id = `y${input.year}`
  await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(CALENDAR).doc(_id).get()
    const before = data as CalendarDoc | null
    await tx.collection(CALENDAR).doc(_id).set({ year: input.year, holidays: input.holidays, workdays: input.workdays, enteredBy: admin._id, enteredAt: now })
    const entry: AuditEntry = {
      actorId: admin._id, actorRole: 'admin', action: 'calendar.set', targetType: 'calendar', targetId: _id,
      from: before ? `${before.holidays.length} 天放假 / ${before.workdays.length} 天调休上班` : null,
      to: `${input.holidays.length} 天放假 / ${input.workdays.length} 天调休上班`,
      at: now,
    }
    await tx.collection(AUDIT).add(entry)
  })
  return (await calendarYears(rt)).find((y) => y.year === input.year)!
}

/** Admin: last year, this year and the next two — where each one's calendar comes from. */
export async function calendarYears(rt: Runtime): Promise<CalendarYearView[]> {
  // Read fresh (an admin looks at what was just entered) and refresh this instance's clock with it.
  const entered = new Map((await readEntered(rt)).map((d) => [d.year, d]))
  const thisYear = inZone(rt.now()).year()
  return [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((year) => {
    const e = entered.get(year)
    if (e) return { year, source: 'entered', holidays: [...e.holidays], workdays: [...e.workdays], enteredAt: e.enteredAt.toISOString() }
    return { year, source: packageCovers(year) ? 'package' : 'none', holidays: [], workdays: [] }
  })
}
