import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { WEEKDAY_LABELS } from '~types/station-hours'
import { navigations, phoneCalls, resetTaroStub, setRouterParams } from '../../../../../test/support/taro-stub'
import { stationInput, unique, withStations } from '../../lib/testing'
import { dayWords, todayIndex } from '../../lib/words'
import StationDetailPage from './index'

configure({ asyncUtilTimeout: 8000 })

beforeEach(() => resetTaroStub())
afterEach(() => jest.restoreAllMocks())

test('a station’s card for a visitor: open now, address with 导航, tap to call, hours day by day with today in words, last checked, 信息有误', async () => {
  const [s] = await withStations(
    [
      stationInput({
        name: unique('工农路暖心驿站'),
        address: '崇川区工农路 111 号（加油站旁）',
        longitude: 120.8957,
        latitude: 31.9822,
        phone: '0513-85123456',
        hours: ['08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-22:00', '09:00-18:00', ''],
        holidayHours: '休息',
        holidayNote: '春节期间 2月10日–2月17日 暂停开放',
        services: ['water', 'meal', 'charge', 'toilet'],
      }),
    ],
    null,
  )
  setRouterParams({ id: s.id })
  render(<StationDetailPage />)
  expect(await screen.findByText(s.name)).toBeTruthy()
  expect(screen.getByText('暖心驿站 · 南通市 崇川区')).toBeTruthy()
  // Open or closed depends on when the test runs; either way a mark and words.
  expect(screen.getByText(/^(✓ 营业中|× (已关门|今天休息|暂不营业))/)).toBeTruthy()
  expect(screen.getByText('崇川区工农路 111 号（加油站旁）')).toBeTruthy()

  // Hours per weekday; today says so in words (the tint only repeats it).
  const today = todayIndex()
  const rows = screen.getAllByRole('row')
  expect(rows.map((r) => r.textContent)).toEqual([
    ...WEEKDAY_LABELS.map((w, i) => `${w}${i === today ? '（今天）' : ''}${['08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-22:00', '09:00-18:00', '休息'][i]}`),
    '法定节假日休息',
  ])
  expect(rows[today].className).toContain('st-hours--today')
  expect(screen.getByText('春节期间 2月10日–2月17日 暂停开放')).toBeTruthy()
  expect(screen.getAllByRole('list', { name: '提供的服务' })[0].textContent).toBe('饮水热饭充电/换电卫生间')
  expect(screen.getByText(`最后核实：${dayWords(Date.now())}`)).toBeTruthy()

  fireEvent.click(screen.getByText('打电话 0513-85123456'))
  expect(phoneCalls).toEqual(['051385123456'])
  // The browser (outside WeChat's JS-SDK): the map app's own link at the same point, with the name.
  const open = jest.spyOn(window, 'open').mockImplementation(() => ({ opener: window }) as unknown as Window)
  fireEvent.click(screen.getByText('导航去这里'))
  await waitFor(() => expect(open).toHaveBeenCalledWith(`https://uri.amap.com/marker?position=120.8957,31.9822&name=${encodeURIComponent(s.name)}&src=nuanxin&coordinate=gaode&callnative=1`, '_blank'))

  fireEvent.click(screen.getByText('信息有误'))
  expect(navigations).toEqual([{ kind: 'navigateTo', url: `/packages/station/pages/correct/index?id=${encodeURIComponent(s.id)}&name=${encodeURIComponent(s.name)}` }])
})

test('a station that is gone says so, with a retry instead of a blank page', async () => {
  setRouterParams({ id: 'no-such-station' })
  render(<StationDetailPage />)
  expect(await screen.findByText('⚠ 没有找到这个驿站，可能已经停用了')).toBeTruthy()
  expect(screen.getByText('重试')).toBeTruthy()
})
