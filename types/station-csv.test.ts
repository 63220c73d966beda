import { formatHoursCell, parseHoursCell, parsePositionCells, parseServicesCell, sameHours } from './station-csv'

/** The hours cell as a clerk types it in Excel, and back: every format the import page documents. */
describe('the hours cell', () => {
  const week = (...t: string[]) => t
  it('one text for every day', () => {
    expect(parseHoursCell('08:00-20:00')).toEqual({ ok: true, value: Array(7).fill('08:00-20:00') })
    expect(parseHoursCell(' 24小时 ')).toEqual({ ok: true, value: Array(7).fill('24小时') })
    expect(parseHoursCell('０８：００-１２：００,14:00-20:00')).toEqual({ ok: true, value: Array(7).fill('08:00-12:00,14:00-20:00') })
  })

  it('per weekday: ranges, lists, 工作日/周末, days left out closed', () => {
    expect(parseHoursCell('周一至周五 08:00-20:00；周六、周日 09:00-18:00')).toEqual({ ok: true, value: week(...Array(5).fill('08:00-20:00'), '09:00-18:00', '09:00-18:00') })
    expect(parseHoursCell('星期一到五：08:00-18:00;周六 休息')).toEqual({ ok: true, value: week(...Array(5).fill('08:00-18:00'), '休息', '') })
    expect(parseHoursCell('工作日 18:00-02:00；周末 24小时')).toEqual({ ok: true, value: week(...Array(5).fill('18:00-02:00'), '24小时', '24小时') })
    expect(parseHoursCell('周六至周一 10:00-16:00')).toEqual({ ok: true, value: week('10:00-16:00', '', '', '', '', '10:00-16:00', '10:00-16:00') })
    expect(parseHoursCell('周一-周三 08:00-12:00,14:00-18:00')).toEqual({ ok: true, value: week(...Array(3).fill('08:00-12:00,14:00-18:00'), '', '', '', '') })
  })

  it('what it cannot read, in words', () => {
    expect(parseHoursCell('')).toEqual({ ok: false, problem: '请填写开放时间，如 08:00-20:00 或 24小时' })
    expect(parseHoursCell('周一至周五 08:00-20:00；周五 09:00-12:00')).toEqual({ ok: false, problem: '周五写了两次，请只写一次' })
    expect(parseHoursCell('周一至周五')).toMatchObject({ ok: false, problem: expect.stringContaining('后面要写时间') })
    expect(parseHoursCell('周一至周五 早上')).toMatchObject({ ok: false, problem: expect.stringMatching(/^“周一至周五 早上”：“早上”看不懂/) })
  })

  it('formats back to what it reads, grouping days', () => {
    const cases = [
      Array(7).fill('24小时'),
      week(...Array(5).fill('08:00-20:00'), '09:00-18:00', '09:00-18:00'),
      week('08:00-20:00', '', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '休息'),
      week('08:00-12:00；14:00-18:00', '08:00-12:00；14:00-18:00', '', '', '', '', ''),
    ]
    expect(formatHoursCell(cases[1])).toBe('周一至周五 08:00-20:00；周六、周日 09:00-18:00')
    expect(formatHoursCell(cases[2])).toBe('周一、周三至周六 08:00-20:00；周二、周日 休息')
    for (const c of cases) {
      const back = parseHoursCell(formatHoursCell(c))
      expect(back.ok && sameHours(back.value, c)).toBe(true)
    }
  })
})

test('services by label or a common word; coordinates inside Jiangsu, a swapped pair named', () => {
  expect(parseServicesCell('休息、饮水; 微波炉，充电/换电 WiFi')).toEqual({ ok: true, value: ['rest', 'water', 'meal', 'charge', 'wifi'] })
  expect(parseServicesCell('')).toEqual({ ok: false, problem: '请至少填一项服务' })
  expect(parsePositionCells('120.8645', '32.0106')).toEqual({ longitude: { ok: true, value: 120.8645 }, latitude: { ok: true, value: 32.0106 } })
  expect(parsePositionCells('32.0106', '120.8645').longitude).toMatchObject({ ok: false, problem: expect.stringContaining('填反了') })
  expect(parsePositionCells('１２０．８６', '').latitude).toEqual({ ok: false, problem: '请填写纬度' })
})
