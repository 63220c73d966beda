import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, navigations, resetTaroStub, setRouterParams, toasts } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import { splitPair } from '../../lib/manage'
import EditPage from './index'

configure({ asyncUtilTimeout: 3000 })
beforeEach(() => resetTaroStub())

const STAFF = 'demo-staff-wuxi' // 钱伟: stations of 无锡梁溪 only
const NAME = `组件测试驿站-${Date.now().toString(36)}`
const type = (container: HTMLElement, prefix: string, value: string) => typeInto(inputByPlaceholder(container, prefix), value)
const valueOf = (container: HTMLElement, prefix: string) => inputByPlaceholder(container, prefix).getAttribute('value')
/** The weekday boxes share a placeholder: Monday is the first. */
const day = (container: HTMLElement, i: number) => [...container.querySelectorAll('taro-input-core')].filter((e) => e.getAttribute('placeholder') === '如 08:00-20:00')[i]

test('a pasted coordinate pair fills both boxes', () => {
  expect(splitPair('120.3001, 31.5702')).toEqual({ longitude: '120.3001', latitude: '31.5702' })
  expect(splitPair('120.3001')).toBeNull()
})

test('the station form: errors under their fields (a weekday, a swapped position), 同周一, a kept draft, then saved and its status', async () => {
  const user = await signInDemo(STAFF)
  const first = render(<EditPage />)
  await screen.findByText('保存驿站')
  const c = first.container
  // One district: no district picker; the position hint says how to get the numbers.
  expect(screen.queryByText('所在区县')).toBeNull()
  expect(screen.getByText(/怎么取经纬度/)).toBeTruthy()

  type(c, '如 南大街暖心驿站', NAME)
  fireEvent.click(screen.getByText('小蜜蜂驿站'))
  type(c, '如 崇川区南大街 28 号', '梁溪区中山路 188 号')
  // The pair the wrong way round: the check names the swap under both boxes.
  type(c, '如 120.8645', '31.5702')
  type(c, '如 32.0106', '120.3001')
  typeInto(day(c, 1), '8点')
  fireEvent.click(screen.getByText('休息'))
  fireEvent.click(screen.getByText('充电/换电'))
  fireEvent.click(screen.getByText('保存驿站'))
  expect((await screen.findAllByText(/⚠ 经度和纬度好像填反了/)).length).toBe(2)

  type(c, '如 120.8645', '120.3001, 31.5702')
  expect(valueOf(c, '如 32.0106')).toBe('31.5702')
  fireEvent.click(screen.getByText('保存驿站'))
  expect(await screen.findByText(/⚠ 周二：“8点”看不懂/)).toBeTruthy()
  expect(screen.getByText('请修改：周二开放时间')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '周二同周一' }))
  expect(day(c, 1).getAttribute('value')).toBe('08:00-20:00')
  typeInto(day(c, 6), '休息')

  // A reload loses nothing.
  const key = `nx.draft.station.manage.${user.id}.new`
  expect(getStorageSync(key)).toMatchObject({ value: { name: NAME, type: 'bee', longitude: '120.3001', latitude: '31.5702', services: ['rest', 'charge'] } })
  first.unmount()
  const second = render(<EditPage />)
  await screen.findByText('保存驿站')
  expect(valueOf(second.container, '如 南大街暖心驿站')).toBe(NAME)
  expect(day(second.container, 6).getAttribute('value')).toBe('休息')

  fireEvent.click(screen.getByText('保存驿站'))
  await waitFor(() => expect(toasts).toEqual(['已新建']))
  expect(getStorageSync(key)).toBe('')
  expect(navigations).toEqual([{ kind: 'redirectTo', url: '/packages/station/pages/manage/index' }])
  const saved = (await api.station.list({ district: '320213' })).find((s) => s.name === NAME)!
  expect(saved).toMatchObject({ type: 'bee', longitude: 120.3001, latitude: 31.5702, services: ['rest', 'charge'], status: 'open' })
  expect(saved.hours).toEqual(['08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '08:00-20:00', '休息'])

  // Opened to edit: the saved values and the status form; a pause needs a day after today (the server's rule).
  second.unmount()
  setRouterParams({ id: saved.id })
  const third = render(<EditPage />)
  await screen.findByText('保存修改')
  expect(valueOf(third.container, '如 120.8645')).toBe('120.3001')
  expect(screen.getByText('现在：✓ 开放')).toBeTruthy()
  fireEvent.click(screen.getByText('暂停开放'))
  type(third.container, '如 内部装修', '内部装修')
  type(third.container, '如 2026-12-20', '2020-01-01')
  fireEvent.click(screen.getAllByText('暂停开放').at(-1)!)
  expect(await screen.findByText('⚠ 恢复开放的日期要在今天以后')).toBeTruthy()
  type(third.container, '如 2026-12-20', '2099-01-01')
  fireEvent.click(screen.getAllByText('暂停开放').at(-1)!)
  await waitFor(() => expect(toasts).toContain('已暂停'))
  expect(await api.station.manage({ id: saved.id })).toMatchObject({ status: 'paused', pauseReason: '内部装修' })
})
