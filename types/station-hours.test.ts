import { openState, parseDayHours, parseSchedule, weekMinute, weekSpans, type WeekSchedule } from './station-hours'

const at = (local: string) => new Date(`${local}+08:00`)
const noHoliday = () => false
const week = (...days: string[]): WeekSchedule => {
  const r = parseSchedule(days.length === 1 ? Array(7).fill(days[0]) : days)
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r.schedule
}

test('day texts: ranges, split days, past midnight, all day, closed — and problems in words', () => {
  expect(parseDayHours('08:00-20:00')).toEqual({ ok: true, intervals: [{ open: 480, close: 1200 }] })
  expect(parseDayHours('08:00-12:00，14:00-20:00')).toEqual({ ok: true, intervals: [{ open: 480, close: 720 }, { open: 840, close: 1200 }] })
  expect(parseDayHours('18:00-02:00')).toEqual({ ok: true, intervals: [{ open: 1080, close: 1560 }] })
  expect(parseDayHours('24小时')).toEqual({ ok: true, intervals: [{ open: 0, close: 1440 }] })
  expect(parseDayHours('00:00-24:00')).toEqual({ ok: true, intervals: [{ open: 0, close: 1440 }] })
  expect(parseDayHours('休息')).toEqual({ ok: true, intervals: [] })
  expect(parseDayHours('')).toEqual({ ok: true, intervals: [] })
  expect(parseDayHours('8点到晚上')).toMatchObject({ ok: false, problem: expect.stringContaining('看不懂') })
  expect(parseDayHours('08:00-08:00')).toMatchObject({ ok: false, problem: expect.stringContaining('同一时间') })
  expect(parseDayHours('08:00-12:00,11:00-14:00')).toMatchObject({ ok: false, problem: expect.stringContaining('重叠') })
  expect(parseSchedule(['08:00-20:00', 'x', '', '', '', '', ''], '25:00-26:00')).toMatchObject({ ok: false, problems: { 'hours.1': expect.stringMatching(/^周二：/), holidayHours: expect.stringMatching(/^节假日：/) } })
})

test('open now, closes at, opens next — across midnight', () => {
  const night = week('18:00-02:00')
  // 2026-12-02 is a Wednesday.
  expect(openState(night, at('2026-12-02T01:30:00'), noHoliday)).toEqual({ open: true, allDay: false, text: '营业中 · 02:00 关门' })
  expect(openState(night, at('2026-12-02T23:00:00'), noHoliday)).toEqual({ open: true, allDay: false, text: '营业中 · 明天 02:00 关门' })
  expect(openState(night, at('2026-12-02T02:00:00'), noHoliday)).toEqual({ open: false, allDay: false, text: '已关门 · 今天 18:00 开门' })
  const day = week('08:00-20:00')
  expect(openState(day, at('2026-12-02T21:00:00'), noHoliday).text).toBe('已关门 · 明天 08:00 开门')
  expect(openState(day, at('2026-12-02T07:59:00'), noHoliday).text).toBe('已关门 · 今天 08:00 开门')
  expect(openState(week('24小时'), at('2026-12-02T03:00:00'), noHoliday)).toEqual({ open: true, allDay: true, text: '24 小时营业' })
  // Closed at weekends: Friday evening says Monday.
  const weekdays = week('08:00-18:00', '08:00-18:00', '08:00-18:00', '08:00-18:00', '08:00-18:00', '', '')
  expect(openState(weekdays, at('2026-12-04T19:00:00'), noHoliday).text).toBe('已关门 · 周一 08:00 开门')
  // Sunday 23:00 → 01:00 Monday joins Monday 00:00 → 06:00: one span.
  const joined = week('00:00-06:00', '', '', '', '', '', '23:00-24:00')
  expect(openState(joined, at('2026-12-06T23:30:00'), noHoliday).text).toBe('营业中 · 明天 06:00 关门')
})

test('public holidays use the holiday hours; a 24 h station with holiday hours is not 24 h', () => {
  const r = parseSchedule(Array(7).fill('08:00-20:00'), '休息')
  if (!r.ok) throw new Error('parse')
  const holiday = (d: string) => d === '2027-01-01'
  expect(openState(r.schedule, at('2027-01-01T10:00:00'), holiday)).toEqual({ open: false, allDay: false, text: '已关门 · 明天 08:00 开门' })
  expect(openState(r.schedule, at('2026-12-31T10:00:00'), holiday).open).toBe(true)
  const allDay = parseSchedule(Array(7).fill('24小时'), '09:00-17:00')
  if (!allDay.ok) throw new Error('parse')
  expect(openState(allDay.schedule, at('2027-01-01T20:00:00'), holiday).open).toBe(false)
  expect(openState(allDay.schedule, at('2026-12-31T20:00:00'), holiday)).toMatchObject({ open: true, allDay: false })
  expect(openState({ week: Array(7).fill([]), holiday: null }, at('2026-12-31T20:00:00'), holiday).text).toBe('暂不营业')
})

test('the week spans a query tests are open-now exactly, every minute of a week, for every kind of hours; not on holidays', () => {
  const texts = ['08:00-20:00', '24小时', '休息', '18:00-02:00', '00:00-06:00', '22:00-24:00', '07:00-11:30，17:00-23:59', '20:00-08:00', '09:00-18:00']
  // Each weekday a different text, so Sunday night into Monday and every pair of neighbours is met.
  const schedules = texts.map((_, k) => week(...Array.from({ length: 7 }, (_, d) => texts[(k + d * 2) % texts.length])))
  schedules.push(week('24小时'), week('18:00-02:00'), week('休息'))
  const monday = at('2026-11-30T00:00:00').getTime()
  for (const s of schedules) {
    const spans = weekSpans(s)
    for (let m = 0; m < 7 * 1440; m += 7) {
      const now = new Date(monday + m * 60_000)
      const minute = weekMinute(now, noHoliday)
      expect(minute).toBe(m)
      const inSpans = spans.some((sp) => sp.from <= minute! && minute! < sp.to)
      if (inSpans !== openState(s, now, noHoliday).open) throw new Error(`${JSON.stringify(s.week)} at week minute ${m}: spans ${inSpans}`)
    }
  }
  // A holiday today, or yesterday (last night's hours may be holiday hours): the query leaves open-now to openState.
  expect(weekMinute(at('2026-10-01T10:00:00'), (d) => d === '2026-10-01')).toBeNull()
  expect(weekMinute(at('2026-10-02T01:00:00'), (d) => d === '2026-10-01')).toBeNull()
  expect(weekMinute(at('2026-10-03T01:00:00'), (d) => d === '2026-10-01')).not.toBeNull()
})

test('open all week but not on holidays: the closing day by name when it is days away, no countdown when none is near', () => {
  const s = parseSchedule(Array(7).fill('24小时'), '休息')
  if (!s.ok) throw new Error('hours')
  const holiday = (d: string) => d === '2026-10-01'
  expect(openState(s.schedule, at('2026-09-29T10:00:00'), holiday)).toEqual({ open: true, allDay: false, text: '营业中 · 周四 00:00 关门' })
  expect(openState(s.schedule, at('2026-09-30T10:00:00'), holiday)).toEqual({ open: true, allDay: false, text: '营业中 · 今晚 24:00 关门' })
  expect(openState(s.schedule, at('2026-11-10T10:00:00'), holiday)).toEqual({ open: true, allDay: false, text: '营业中 · 平日 24 小时' })
})
