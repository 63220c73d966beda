import { fireEvent, render, screen, within } from '@testing-library/react'
import type { StationCard } from '~types/station.schema'
import { navigations, resetTaroStub, setPageDepth, setStorageSync } from '../../../../../test/support/taro-stub'
import { frameFor, scaleBar, tilesFor } from '../../lib/plot'
import { StationPlot } from '../../lib/station-plot'
import { distanceWords } from '../../lib/words'
import MapPage from './index'

beforeEach(() => resetTaroStub())

const HERE = { longitude: 120.8645, latitude: 32.0106 }
const card = (over: Partial<StationCard> & Pick<StationCard, 'id' | 'name' | 'longitude' | 'latitude' | 'distanceM'>): StationCard => ({
  type: 'heart', district: '320613', address: '崇川区南大街 1 号', open: { now: true, allDay: false, text: '营业中 · 22:00 关门' }, services: ['rest', 'water'], phone: null, ...over,
})
const STATIONS = [
  card({ id: 'a', name: '南大街驿站', longitude: 120.8675, latitude: 32.0106, distanceM: 283 }),
  card({ id: 'b', name: '濠河边驿站', longitude: 120.8645, latitude: 32.0196, distanceM: 1001, open: { now: false, allDay: false, text: '已关门 · 明天 08:00 开门' } }),
  card({ id: 'c', name: '钟秀路司机之家', type: 'driver', longitude: 120.8445, latitude: 32.0006, distanceM: 2170, services: ['truckParking', 'shower'] }),
]

function keep(from: object, savedAt = Date.now()) {
  setStorageSync('nx.draft.station.lastNearby', { view: { stations: STATIONS, radiusM: 3000, at: new Date(savedAt).toISOString() }, from, savedAt })
}

test('the browser’s map plots the list’s stations around the rider, numbered as in the list; a marker opens its card', () => {
  keep({ kind: 'position', at: HERE })
  setPageDepth(2)
  const { container } = render(<MapPage />)
  expect(screen.getByText('3 个驿站，数字和列表里一样')).toBeTruthy()
  const plot = screen.getByRole('group', { name: '驿站分布图，3 个驿站，中间是您的位置' })
  expect(within(plot).getByRole('img', { name: '您的位置' })).toBeTruthy()
  const markers = within(plot).getAllByRole('button')
  // Drawn farthest first, so number 1 lies on top; each says what the list row says.
  expect(markers.map((m) => m.getAttribute('aria-label')).reverse()).toEqual([
    '1 号，南大街驿站，离您 280 米，营业中 · 22:00 关门',
    '2 号，濠河边驿站，离您 1 公里，已关门 · 明天 08:00 开门',
    '3 号，钟秀路司机之家，离您 2.2 公里，营业中 · 22:00 关门',
  ])
  // Open filled, closed hollow and dashed: shape as well as colour.
  const ring = (m: Element) => m.querySelectorAll('circle')[1]
  expect(ring(markers[2]).getAttribute('stroke-dasharray')).toBeNull()
  expect(ring(markers[1]).getAttribute('stroke-dasharray')).toBe('4 3')
  // A scale bar in round metres; north is marked.
  expect(container.querySelector('svg')!.textContent).toMatch(/(\d+ 米|\d+ 公里)北|北.*(\d+ 米|\d+ 公里)/)

  fireEvent.click(markers[1])
  const selected = screen.getByRole('region', { name: '选中的驿站' })
  expect(within(selected).getByText('濠河边驿站')).toBeTruthy()
  expect(within(selected).getByText('× 已关门 · 明天 08:00 开门')).toBeTruthy()
  fireEvent.click(within(selected).getByText('查看详情和导航（1 公里）'))
  expect(navigations).toEqual([{ kind: 'navigateTo', url: '/packages/station/pages/detail/index?id=b' }])

  // The list is one tap away: back to the list it came from.
  fireEvent.click(screen.getByRole('tab', { name: '列表' }))
  expect(navigations[1]).toEqual({ kind: 'navigateBack', delta: 1 })
  // Every marker once more as text, for a screen reader and large text.
  expect(within(screen.getByRole('list', { name: '地图上的驿站' })).getAllByRole('listitem').map((r) => r.textContent)).toEqual([
    '1南大街驿站 · 280 米 · ✓ 营业中 · 22:00 关门',
    '2濠河边驿站 · 1 公里 · × 已关门 · 明天 08:00 开门',
    '3钟秀路司机之家 · 2.2 公里 · ✓ 营业中 · 22:00 关门',
  ])
})

test('searched by district: no position on the map, and an old answer says how old', () => {
  keep({ kind: 'district', district: '320613' }, Date.now() - 3 * 3600_000)
  render(<MapPage />)
  expect(screen.getByText('3 个驿站，数字和列表里一样（按区县找的，没有您的位置）')).toBeTruthy()
  expect(screen.getByText('这是 3 小时前的结果。当时按区县找：南通市 崇川区。回到列表可以重新查。')).toBeTruthy()
  expect(screen.queryByRole('img', { name: '您的位置' })).toBeNull()
  // Opened on its own, 列表 replaces the map.
  fireEvent.click(screen.getByRole('tab', { name: '列表' }))
  expect(navigations).toEqual([{ kind: 'redirectTo', url: '/packages/station/pages/nearby/index' }])
})

test('nothing searched yet: the map sends the rider to the list', () => {
  render(<MapPage />)
  fireEvent.click(screen.getByText('去列表找驿站'))
  expect(navigations).toEqual([{ kind: 'redirectTo', url: '/packages/station/pages/nearby/index' }])
})

test('with a tile server configured, its tiles lie under the plot at the matching zoom', () => {
  const { container } = render(<StationPlot stations={STATIONS} me={HERE} selected={null} onSelect={() => undefined} tiles="https://tiles.example.cn/{z}/{x}/{y}.png" />)
  const hrefs = [...container.querySelectorAll('image')].map((i) => i.getAttribute('href'))
  expect(hrefs.length).toBeGreaterThan(0)
  expect(hrefs.every((h) => /^https:\/\/tiles\.example\.cn\/1[3-5]\/\d+\/\d+\.png$/.test(h ?? ''))).toBe(true)
  // Without one (the default here): the plot alone.
  const plain = render(<StationPlot stations={STATIONS} me={HERE} selected={null} onSelect={() => undefined} />)
  expect(plain.container.querySelectorAll('image')).toHaveLength(0)
})

test('the plot’s arithmetic: metres both ways around the centre, round scale bars, distances in words', () => {
  const f = frameFor(HERE, STATIONS, 360, 300, 20)
  const a = f.toXY(STATIONS[0])
  const me = f.toXY(HERE)
  expect(me).toEqual({ x: 180, y: 150 })
  // 283 m east of the rider, on the same latitude.
  expect(a.y).toBeCloseTo(150, 6)
  expect((a.x - 180) * f.metresPerUnit).toBeCloseTo(283, -1)
  const back = f.toLngLat(a.x, a.y)
  expect(back.longitude).toBeCloseTo(STATIONS[0].longitude, 9)
  expect(scaleBar(10, 120)).toEqual({ metres: 1000, units: 100, label: '1 公里' })
  expect(scaleBar(2, 120).label).toBe('200 米')
  expect(tilesFor(f, '')).toEqual([])
  expect([35, 349, 354, 999, 1000, 1240, 9960, 12_400].map(distanceWords)).toEqual(['35 米', '350 米', '350 米', '1 公里', '1 公里', '1.2 公里', '10 公里', '12 公里'])
})
