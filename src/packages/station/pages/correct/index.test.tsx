import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { getStorageSync, navigations, resetTaroStub, setRouterParams } from '../../../../../test/support/taro-stub'
import { typeInto } from '../../../../../test/support/taro-events'
import { stationInput, unique, withStations } from '../../lib/testing'
import CorrectionPage from './index'

configure({ asyncUtilTimeout: 8000 })

beforeEach(() => resetTaroStub())
afterEach(() => jest.restoreAllMocks())

const note = (container: HTMLElement) => container.querySelector('taro-textarea-core')!

test('信息有误: what was written survives a failed send and a restart, then goes to staff once, and the draft is gone', async () => {
  const [s] = await withStations([stationInput({ name: unique('纠错驿站'), longitude: 120.8801, latitude: 32.0001 })], 'demo-rider')
  setRouterParams({ id: s.id, name: encodeURIComponent(s.name) })
  const first = render(<CorrectionPage />)
  expect(await screen.findByText(`“${s.name}”哪里和实际不一样？工作人员会去核实。`)).toBeTruthy()
  // Nothing chosen: the schema's words under the chips, nothing sent.
  fireEvent.click(screen.getByText('发给工作人员'))
  expect(await screen.findByText(/请选择哪里不对/)).toBeTruthy()
  fireEvent.click(screen.getByRole('radio', { name: '开放时间不对' }))
  expect(note(first.container).getAttribute('placeholder')).toBe('如 晚上 9 点就关门了，不是 22:00')
  typeInto(note(first.container), '晚上 9 点就关门了，牌子上写的 22:00')

  // No signal at the station: the send fails, the words stay on the phone.
  jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'))
  fireEvent.click(screen.getByText('发给工作人员'))
  expect(await screen.findByText(/网络不太好，没有提交成功。内容已保存/)).toBeTruthy()
  const key = `nx.draft.station.correct.${s.id}`
  expect(getStorageSync(key)).toMatchObject({ value: { kind: 'hours', note: '晚上 9 点就关门了，牌子上写的 22:00' } })
  first.unmount()
  jest.restoreAllMocks()

  const second = render(<CorrectionPage />)
  await screen.findByText('信息有误')
  expect(note(second.container).getAttribute('value')).toBe('晚上 9 点就关门了，牌子上写的 22:00')
  expect(screen.getByRole('radio', { name: '✓ 开放时间不对' }).getAttribute('aria-checked')).toBe('true')
  fireEvent.click(screen.getByText('发给工作人员'))
  expect(await screen.findByText('✓ 谢谢您')).toBeTruthy()
  expect(screen.getByText(/处理结果会在“消息”里告诉您/)).toBeTruthy()
  expect(getStorageSync(key)).toBe('')
  fireEvent.click(screen.getByText('回到驿站'))
  await waitFor(() => expect(navigations).toEqual([{ kind: 'navigateBack', delta: 1 }]))
})

test('a visitor can write it down, and is asked to sign in to send it', async () => {
  const [s] = await withStations([stationInput({ name: unique('访客纠错驿站'), longitude: 120.8802, latitude: 32.0002 })], null)
  setRouterParams({ id: s.id, name: s.name })
  const page = render(<CorrectionPage />)
  expect(await screen.findByText('要先登录才能发送')).toBeTruthy()
  typeInto(note(page.container), '门口贴了通知，已经搬走了')
  expect(getStorageSync(`nx.draft.station.correct.${s.id}`)).toMatchObject({ value: { note: '门口贴了通知，已经搬走了' } })
  fireEvent.click(screen.getByText('去登录'))
  expect(navigations).toEqual([{ kind: 'navigateTo', url: '/packages/account/pages/signin/index' }])
})
