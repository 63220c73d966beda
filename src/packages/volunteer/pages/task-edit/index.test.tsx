import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, navigations, resetTaroStub, toasts } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import { typeIntoTextarea } from '../../../applications/lib/testing'
import { clockText, dateText, hoursToMinutes, parsePosition } from '../../lib/task-draft'
import TaskEditPage from './index'

configure({ asyncUtilTimeout: 3000 })
beforeEach(() => resetTaroStub())
afterEach(() => jest.restoreAllMocks())

const STAFF = 'demo-staff-wuxi' // 钱伟, volunteer staff of 无锡梁溪 only
const type = (c: HTMLElement, prefix: string, value: string) => typeInto(inputByPlaceholder(c, prefix), value)
const valueOf = (c: HTMLElement, prefix: string) => inputByPlaceholder(c, prefix).getAttribute('value')

test('what staff type is read without floats: hours in half hours, a position either way round, dates and clocks', () => {
  expect(hoursToMinutes('2.5')).toBe(150)
  expect(hoursToMinutes('２小时')).toBe(120)
  expect(hoursToMinutes('2.3')).toBeNull()
  expect(parsePosition('120.3127, 31.5568')).toEqual({ longitude: 120.3127, latitude: 31.5568 })
  expect(parsePosition('31.5568，120.3127')).toEqual({ longitude: 120.3127, latitude: 31.5568 })
  expect(parsePosition('清名桥')).toBeNull()
  expect(dateText('2099.12.1')).toBe('2099-12-01')
  expect(clockText('9：30')).toBe('09:30')
})

test('the publish form: errors under each field, the server’s under its own, a draft that survives a failed send and a restart', async () => {
  const user = await signInDemo(STAFF)
  const first = render(<TaskEditPage />)
  await screen.findByText('任务名称')
  // Only the caller's own volunteer district is offered, already chosen.
  expect(screen.getByText('✓ 无锡市 梁溪区')).toBeTruthy()
  expect(screen.queryByText(/南通市/)).toBeNull()
  const c = first.container
  type(c, '如 护学岗', '运河边文明劝导（组件测试）')
  type(c, '如 2026-12-20', '2099-12-12')
  type(c, '如 09:00', '10:00')
  type(c, '如 11:30', '09:30')
  type(c, '如 崇川区实验小学', '清名桥历史文化街区北口')
  type(c, '如 120.88910', '清名桥')
  type(c, '如 10', '8')
  type(c, '如 2.5', '2.3')
  typeIntoTextarea(c, '做什么', '劝导游客不乱扔垃圾。')

  // The form's own reading and the schema's together: end before start, a position that is not one, odd hours.
  fireEvent.click(screen.getByText('发布'))
  expect(await screen.findByText('⚠ 结束时间要晚于开始时间')).toBeTruthy()
  expect(screen.getByText(/⚠ 经纬度请写成/)).toBeTruthy()
  expect(screen.getByText('⚠ 服务时长按半小时填写，如 2 或 2.5')).toBeTruthy()
  expect(screen.getByText('请修改这 3 项：结束时间、地点位置、服务时长')).toBeTruthy()
  expect(toasts).toEqual([])

  // Fixed, but in the past: only the server knows "now" — its answer lands under the start time.
  type(c, '如 2026-12-20', '2020-01-04')
  type(c, '如 11:30', '12:00')
  type(c, '如 120.88910', '31.5568, 120.3127')
  type(c, '如 2.5', '2')
  fireEvent.click(screen.getByText('发布'))
  expect(await screen.findByText('⚠ 开始时间已经过了，请改一下日期或时间')).toBeTruthy()
  expect(navigations).toEqual([])

  // A restart loses nothing.
  const key = `nx.draft.volunteer.task.${user.id}.new`
  expect(getStorageSync(key)).toMatchObject({ value: { title: '运河边文明劝导（组件测试）', date: '2020-01-04', hours: '2', slots: '8', district: '320213' } })
  first.unmount()
  const second = render(<TaskEditPage />)
  await screen.findByText('任务名称')
  expect(valueOf(second.container, '如 护学岗')).toBe('运河边文明劝导（组件测试）')
  expect(valueOf(second.container, '如 120.88910')).toBe('31.5568, 120.3127')

  type(second.container, '如 2026-12-20', '2099-12-12')
  fireEvent.click(screen.getByText('发布'))
  await waitFor(() => expect(toasts).toEqual(['已发布']))
  expect(getStorageSync(key)).toBe('')
  expect(navigations[0]).toMatchObject({ kind: 'redirectTo', url: expect.stringMatching(/^\/packages\/volunteer\/pages\/task-signups\/index\?id=/) })
  const id = decodeURIComponent(navigations[0].url!.split('id=')[1])
  const task = await api.volunteer.staffTask({ id })
  expect(task).toMatchObject({
    title: '运河边文明劝导（组件测试）', district: '320213', date: '2099-12-12', when: '12月12日 周六 10:00–12:00', slots: 8, minutes: 120,
    place: { text: '清名桥历史文化街区北口', longitude: 120.3127, latitude: 31.5568 }, description: '劝导游客不乱扔垃圾。', team: null,
  })
  expect(task.code).toMatch(/^\d{6}$/)
})
