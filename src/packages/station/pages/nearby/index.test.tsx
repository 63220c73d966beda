import Taro from '@tarojs/taro'
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { getStorageSync, navigations, resetTaroStub, setRouterParams, setStorageSync } from '../../../../../test/support/taro-stub'
import { signOut } from '../../../../store/session'
import { wgs84ToGcj02 } from '~types/geo'
import { hoursAllWeek, offset, stationInput, unique, withStations } from '../../lib/testing'
import StationDetailPage from '../detail/index'
import NearbyPage from './index'

configure({ asyncUtilTimeout: 8000 })

/** Every call the page made to getLocation (the stand-in has none: a browser without geolocation, unless given). */
let located: { type?: string }[] = []
function givePosition(at: { longitude: number; latitude: number } | null) {
  Object.assign(Taro, {
    getLocation: (o: { type?: string }) => {
      located.push(o)
      return at ? Promise.resolve({ ...at, accuracy: 10, errMsg: 'getLocation:ok' }) : Promise.reject({ errMsg: 'getLocation:fail The current browser does not support this feature' })
    },
  })
}

beforeEach(() => {
  resetTaroStub()
  located = []
  givePosition(null)
})
afterEach(() => jest.restoreAllMocks())

// Rows by class, not role, inside waitFor: a role query walks the accessibility tree on every DOM change, and on a
// loaded machine that starves the network callbacks the page is waiting for.
const rowEls = () => [...document.querySelectorAll('.st-row')]
/**
 * Polls without testing-library's waitFor. Measured here: right after the mocked-away network comes back, the first
 * request the page makes while waitFor watches the DOM takes ~10 s to get its answer (the same request from the test
 * body takes 30 ms, and plain polling does not slow it) — a quirk of the jsdom run, not of the page.
 */
async function until(done: () => boolean, timeoutMs = 8000) {
  for (const start = Date.now(); !done(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - start > timeoutMs) throw new Error('the page did not get there in time')
  }
}
const rowNames = (root: HTMLElement = document.body) => [...root.querySelectorAll('.st-row__name')].map((e) => e.textContent)

test('declined location: the profile district’s stations, open ones first; the filters are chips kept for the next visit', async () => {
  const [hot, shut] = await withStations(
    [
      stationInput({ name: unique('阿福热饭驿站'), longitude: 120.871, latitude: 32.012, services: ['rest', 'water', 'meal'] }),
      stationInput({ name: unique('阿福关门驿站'), longitude: 120.872, latitude: 32.013, hours: hoursAllWeek('休息'), services: ['rest', 'meal'] }),
    ],
    'demo-rider',
  )
  const first = render(<NearbyPage />)
  // The reason comes first; nothing is located before the rider answers.
  expect(await screen.findByText('用您现在的位置找最近的驿站？')).toBeTruthy()
  expect(screen.getByText(/位置只用来算您离每个驿站有多远/)).toBeTruthy()
  fireEvent.click(screen.getByText('不用位置，按区县找'))
  expect(screen.queryByText('用您现在的位置找最近的驿站？')).toBeNull()
  expect(located).toEqual([])
  // 周小勇 lives in 崇川: that district, open ones first, no distances (no position to measure from). Other test
  // files add stations to the shared server meanwhile: the list is checked by what it must hold, not name by name
  // (ours named to sort first among the open ones, as a district's list is by name and holds twenty).
  expect(await screen.findByText('区县：南通市 崇川区')).toBeTruthy()
  await screen.findByText(hot.name)
  expect(screen.getByText(/营业中的在前（没有位置，不能按远近排）/)).toBeTruthy()
  const marks = () => rowEls().map((r) => (r.textContent ?? '').includes('✓ ') ? 'open' : 'closed')
  expect(marks().join(',')).toMatch(/^(open,)*open(,closed)*$/)
  expect(document.querySelectorAll('.st-row__dist')).toHaveLength(0)
  // Open or not in words and a mark, never colour alone; services as drawings with words.
  const hotRow = screen.getByRole('link', { name: new RegExp(hot.name) })
  expect(hotRow.textContent).toContain('✓ 24 小时营业')
  expect(within(hotRow).getByRole('list', { name: '提供的服务' }).textContent).toBe('休息饮水热饭')
  if (rowNames().includes(shut.name)) expect(screen.getByRole('link', { name: new RegExp(shut.name) }).textContent).toContain('× 暂不营业')

  fireEvent.click(screen.getByRole('checkbox', { name: '营业中' }))
  await waitFor(() => expect(rowNames()).not.toContain(shut.name))
  await waitFor(() => expect(marks().every((m) => m === 'open')).toBe(true))
  fireEvent.click(screen.getByText('按服务和类型筛选 ›'))
  fireEvent.click(screen.getByRole('checkbox', { name: '热饭' }))
  await waitFor(() => expect(rowEls().every((r) => (r.textContent ?? '').includes('热饭'))).toBe(true))
  expect(rowNames()).toContain(hot.name)
  expect(getStorageSync('nx.pref.station.filters')).toEqual({ openNow: true, allDay: false, services: ['meal'], types: [] })
  first.unmount()

  // The next visit: the same chips on, the answer about location remembered.
  render(<NearbyPage />)
  expect(await screen.findByText('区县：南通市 崇川区')).toBeTruthy()
  expect(screen.queryByText('用您现在的位置找最近的驿站？')).toBeNull()
  expect(screen.getByRole('checkbox', { name: '✓ 营业中' }).getAttribute('aria-checked')).toBe('true')
  expect(screen.getByText('已选：热饭')).toBeTruthy()
  await screen.findByText(hot.name)
  expect(screen.getAllByRole('link').every((r) => (r.textContent ?? '').includes('✓ ') && (r.textContent ?? '').includes('热饭'))).toBe(true)
})

test('a visitor who is not signed in starts in 南通崇川, the city centre, and can pick another; a browser without geolocation says so', async () => {
  signOut()
  render(<NearbyPage />)
  expect(await screen.findByText('区县：南通市 崇川区')).toBeTruthy()
  // Agreeing on a browser that has no geolocation: said in words, and the district list stays.
  fireEvent.click(screen.getByText('同意，用我的位置'))
  expect(await screen.findByText('没有拿到位置（可能没开定位，或者信号不好），先按区县找。')).toBeTruthy()
  expect(located).toEqual([{ type: 'wgs84' }])
  expect(screen.getByText('区县：南通市 崇川区')).toBeTruthy()
  fireEvent.click(screen.getByText('换一个区县 ›'))
  fireEvent.click(screen.getByRole('radio', { name: '无锡市' }))
  fireEvent.click(screen.getByRole('radio', { name: '梁溪区' }))
  expect(await screen.findByText('区县：无锡市 梁溪区')).toBeTruthy()
  expect(getStorageSync('nx.pref.station.filters')).toMatchObject({ district: '320213' })
})

// A quiet spot of the interior where no other test puts stations (the component tests share one server).
const GPS_HERE = { longitude: 119.4521, latitude: 33.2087 }

test('with the rider’s consent: the browser’s GPS point, converted, and the stations nearest first in metres and kilometres', async () => {
  const here = wgs84ToGcj02(GPS_HERE.longitude, GPS_HERE.latitude)
  const [near, mid, far] = await withStations(
    [
      stationInput({ name: unique('近处驿站'), ...offset(here, 30), services: ['rest', 'charge'], type: 'bee' }),
      stationInput({ name: unique('中间驿站'), ...offset(here, 350), services: ['toilet'] }),
      stationInput({ name: unique('远处驿站'), ...offset(here, 0, 1200), services: ['truckParking', 'shower'], type: 'driver' }),
    ],
    'demo-rider',
  )
  givePosition(GPS_HERE)
  render(<NearbyPage />)
  fireEvent.click(await screen.findByText('同意，用我的位置'))
  expect(await screen.findByText('按您现在的位置')).toBeTruthy()
  // The nearest are these three; a search widens until it has twenty, so farther ones of other tests may follow.
  await waitFor(() => expect(rowNames().slice(0, 3)).toEqual([near.name, mid.name, far.name]))
  expect(located).toEqual([{ type: 'wgs84' }])
  const rows = screen.getAllByRole('link')
  expect(rows.slice(0, 3).map((r) => r.getAttribute('aria-label'))).toEqual([
    `1 号，${near.name}，离您 30 米，24 小时营业`,
    `2 号，${mid.name}，离您 350 米，24 小时营业`,
    `3 号，${far.name}，离您 1.2 公里，24 小时营业`,
  ])
  expect(rows[0].textContent).toContain('小蜜蜂驿站 · 崇川区测试路 1 号')
  expect(rows[2].textContent).toContain('货车停车淋浴')
  expect(screen.getByText(new RegExp(`^离您最近的 ${rows.length} 个，由近到远，最远 `))).toBeTruthy()
  fireEvent.click(rows[1])
  expect(navigations).toEqual([{ kind: 'navigateTo', url: `/packages/station/pages/detail/index?id=${encodeURIComponent(mid.id)}` }])

  // Withdrawing is one tap, and the list goes back to a district.
  fireEvent.click(screen.getByText('不用位置，按区县找'))
  expect(await screen.findByText('区县：南通市 崇川区')).toBeTruthy()
  expect(getStorageSync('nx.draft.station.location')).toMatchObject({ answer: 'declined' })
})

const GPS_DEAD_ZONE = { longitude: 119.6013, latitude: 33.3502 }

test('in a dead zone the last answer stays readable: the nearest three, how old, from where — and a station’s phone and way there', async () => {
  const here = wgs84ToGcj02(GPS_DEAD_ZONE.longitude, GPS_DEAD_ZONE.latitude)
  const made = await withStations(
    [100, 200, 300, 400].map((m, i) => stationInput({ name: unique(`盲区驿站${i + 1}`), ...offset(here, m), phone: `0513-8512345${i}` })),
    null,
  )
  givePosition(GPS_DEAD_ZONE)
  setStorageSync('nx.draft.station.location', { answer: 'granted', at: new Date().toISOString() })
  const online = render(<NearbyPage />)
  await waitFor(() => expect(rowNames().slice(0, 4)).toEqual(made.map((s) => s.name)))
  const found = rowNames().length
  online.unmount()

  // Twelve minutes later, in the basement car park: nothing gets through.
  const key = 'nx.draft.station.lastNearby'
  setStorageSync(key, { ...(getStorageSync(key) as object), savedAt: Date.now() - 12 * 60_000 })
  jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'))
  render(<NearbyPage />)
  const offline = await screen.findByRole('region', { name: '离线结果' })
  expect(within(offline).getByText('⚠ 离线：这是 12 分钟前的结果')).toBeTruthy()
  expect(within(offline).getByText('当时按您的位置找（在南通市 崇川区一带）')).toBeTruthy()
  expect(rowNames(offline)).toEqual(made.slice(0, 3).map((s) => s.name))
  expect(within(offline).getByText(`还有 ${found - 3} 个，联网后再看。`)).toBeTruthy()
  expect(within(offline).getAllByRole('link')[0].getAttribute('aria-label')).toBe(`1 号，${made[0].name}，离您 100 米，24 小时营业`)

  // Its page, still offline: the kept card, with the phone and the way there.
  const open = jest.spyOn(window, 'open').mockImplementation(() => ({ opener: window }) as unknown as Window)
  setRouterParams({ id: made[0].id })
  const page = render(<StationDetailPage />)
  expect(await within(page.container).findByText('⚠ 离线：这是 12 分钟前的信息')).toBeTruthy()
  expect(within(page.container).getByText(made[0].name)).toBeTruthy()
  fireEvent.click(within(page.container).getByText('导航去这里'))
  await waitFor(() => expect(open).toHaveBeenCalledWith(expect.stringContaining(`position=${made[0].longitude},${made[0].latitude}&name=${encodeURIComponent(made[0].name)}`), '_blank'))
  page.unmount()

  // The network is back: 重新查一次 brings the live list.
  jest.restoreAllMocks()
  fireEvent.click(screen.getByText('重新查一次'))
  await until(() => !document.querySelector('[aria-label="离线结果"]'))
  await waitFor(() => expect(rowNames().slice(0, 4)).toEqual(made.map((s) => s.name)))
})
