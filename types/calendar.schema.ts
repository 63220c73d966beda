import * as z from 'zod/mini'

const DATE = /^\d{4}-\d{2}-\d{2}$/

function realDate(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`)
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d
}

const Dates = (what: string) =>
  z.array(z.string().check(z.regex(DATE, `${what}的日期要写成 2027-02-05 这样`), z.refine(realDate, `${what}里有不存在的日期`))).check(z.maxLength(60, `${what}最多 60 天`))

/** A year of the State Council's holiday arrangement (国务院办公厅关于节假日安排的通知), as an admin enters it. */
export const CalendarYearInput = z
  .strictObject({
    year: z.int({ error: '请选择年份' }).check(z.gte(2025, '只能录入 2025 年以后'), z.lte(2100, '年份不对')),
    holidays: Dates('放假日'),
    workdays: Dates('调休上班日'),
  })
  .check(
    z.refine((d) => [...d.holidays, ...d.workdays].every((x) => x.startsWith(`${d.year}-`)), { error: '日期要在所选年份之内', path: ['holidays'] }),
    z.refine((d) => !d.holidays.some((x) => d.workdays.includes(x)), { error: '同一天不能既放假又上班', path: ['workdays'] }),
    z.refine((d) => d.holidays.length > 0, { error: '请填写放假日', path: ['holidays'] }),
  )
export type CalendarYearInput = z.infer<typeof CalendarYearInput>

export interface CalendarYearView {
  year: number
  /** `entered`: by an admin (wins over the package); `package`: chinese-days; `none`: counted Monday–Friday, provisional. */
  source: 'entered' | 'package' | 'none'
  holidays: string[]
  workdays: string[]
  enteredAt?: string
}

/**
 * Dates as people type them: one per line or separated by commas, and ranges `2027-02-05~2027-02-11` (also
 * 至, -- or —). Returns the dates, sorted and once each, or the first piece that is not a date.
 */
export function parseDates(text: string): { ok: true; dates: string[] } | { ok: false; bad: string } {
  const out = new Set<string>()
  for (const raw of text.split(/[\n,，、;；\s]+/).map((s) => s.trim()).filter(Boolean)) {
    const range = raw.split(/~|～|至|--|—/)
    if (range.length === 2 && DATE.test(range[0]) && DATE.test(range[1]) && realDate(range[0]) && realDate(range[1])) {
      for (let t = Date.parse(`${range[0]}T00:00:00Z`); t <= Date.parse(`${range[1]}T00:00:00Z`); t += 86_400_000) out.add(new Date(t).toISOString().slice(0, 10))
    } else if (DATE.test(raw) && realDate(raw)) out.add(raw)
    else return { ok: false, bad: raw }
  }
  return { ok: true, dates: [...out].sort() }
}
