import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, navigations, resetTaroStub, setRouterParams, toasts } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import { typeIntoTextarea } from '../../../applications/lib/testing'
import { creditsToTenths, dateText, timeText } from '../../lib/staff'
import EditPage from './index'

configure({ asyncUtilTimeout: 3000 })
beforeEach(() => resetTaroStub())
afterEach(() => jest.restoreAllMocks())

const STAFF = 'demo-staff-wuxi-academy' // 林芳, academy of 无锡梁溪 only
const type = (container: HTMLElement, prefix: string, value: string) => typeInto(inputByPlaceholder(container, prefix), value)
const group = (name: string) => screen.getByRole('group', { name })
const valueOf = (container: HTMLElement, prefix: string) => inputByPlaceholder(container, prefix).getAttribute('value')

test('credits, dates and times as typed are read by string arithmetic', () => {
  expect(creditsToTenths('80')).toBe(800)
  expect(creditsToTenths('80.5')).toBe(805)
  expect(creditsToTenths('８０')).toBe(800)
  expect(creditsToTenths('80.55')).toBeNull()
  expect(creditsToTenths('八十')).toBeNull()
  expect(dateText('2026.12.1')).toBe('2026-12-01')
  expect(dateText('2026年12月1日')).toBe('2026-12-01')
  expect(dateText('12/1')).toBe('12/1')
  expect(timeText('9:30')).toBe('09:30')
  expect(timeText('1900')).toBe('19:00')
  expect(timeText('19：00')).toBe('19:00')
})

test('the offer form shows only what its type needs, puts a server error under its session, and keeps the draft', async () => {
  const user = await signInDemo(STAFF)
  const first = render(<EditPage />)
  await screen.findByText('类型')
  // Before a type: nothing else to fill. Only the caller's own academy district is offered.
  expect(screen.queryByText('名称')).toBeNull()
  fireEvent.click(screen.getByText('学历教育'))
  expect(screen.getByText('毕业所需学分')).toBeTruthy()
  expect(screen.queryByText('证书等级')).toBeNull()
  fireEvent.click(screen.getByText('技能培训'))
  expect(screen.queryByText('毕业所需学分')).toBeNull()
  expect(screen.getByText('证书等级')).toBeTruthy()
  expect(screen.getByText('✓ 无锡市 梁溪区')).toBeTruthy()
  expect(screen.queryByText(/南通市/)).toBeNull()

  const c = first.container
  type(c, '如 快递员四级', '快递员五级 周末班（测试）')
  type(c, '如 崇川区职业技能培训中心', '梁溪区职业技能培训中心')
  typeIntoTextarea(c, '上课方式', '周六上午两次课，免费。')
  type(c, '如 快递员、网约配送员', '快递员')
  fireEvent.click(screen.getByText('五级/初级工'))
  type(c, '如 快递员四级证书', '快递员五级证书')
  type(c, '如 2026-12-10', '2099-12-10')
  type(c, '如 40', '20')
  fireEvent.click(screen.getByText('加一次课'))
  fireEvent.click(screen.getByText('再加一次课'))
  const s1 = group('第 1 次课')
  type(s1, '如 2026-12-12', '2099-12-12')
  type(s1, '如 崇川区工农路', '梁溪区解放西路 168 号')
  const s2 = group('第 2 次课')
  type(s2, '如 2026-12-12', '2099-12-19')
  type(s2, '如 19:00', '09:00')
  type(s2, '如 21:00', '08:00')
  type(s2, '如 崇川区工农路', 'A')

  // The form's own check: end before start, under the second session's end time.
  fireEvent.click(screen.getByText('存为草稿'))
  expect(await within(group('第 2 次课')).findByText('⚠ 结束时间要晚于开始时间')).toBeTruthy()
  expect(within(group('第 1 次课')).queryByText(/⚠/)).toBeNull()
  expect(screen.getByText('请修改：第 2 次课')).toBeTruthy()
  type(group('第 2 次课'), '如 21:00', '12:00')

  // The server is the last word: a place the app let through (here cut to one character on its way) comes back
  // as `sessions.1.place` and lands under the second session's place, nowhere else.
  const realFetch = globalThis.fetch
  jest.spyOn(globalThis, 'fetch').mockImplementation((url, init) => {
    const body = JSON.parse(String(init?.body ?? '{}'))
    if (String(url).endsWith('/api/fn/academy') && body.action === 'saveOffer') {
      body.data.sessions[1].place = 'A'
      body.data.sessions[1].online = false
      return realFetch(url, { ...init, body: JSON.stringify(body) })
    }
    return realFetch(url, init)
  })
  // Online needs no place: the app's check passes, the server's (fed the offline row) does not.
  fireEvent.click(within(group('第 2 次课')).getByText('线上'))
  fireEvent.click(screen.getByText('存为草稿'))
  expect(await within(group('第 2 次课')).findByText('⚠ 线下上课请填写地点')).toBeTruthy()
  expect(within(group('第 1 次课')).queryByText(/⚠/)).toBeNull()
  expect(toasts).toEqual([])
  jest.restoreAllMocks()

  // A reload loses nothing: the draft comes back whole, both sessions with it.
  const key = `nx.draft.academy.staff.offer.${user.id}.new`
  expect(getStorageSync(key)).toMatchObject({ value: { type: 'skill', title: '快递员五级 周末班（测试）', seats: '20', sessions: [{ date: '2099-12-12' }, { date: '2099-12-19', end: '12:00', online: true }] } })
  first.unmount()
  const second = render(<EditPage />)
  await screen.findByText('类型')
  expect(valueOf(second.container, '如 快递员四级')).toBe('快递员五级 周末班（测试）')
  expect(within(group('第 2 次课')).getByText('✓ 线上')).toBeTruthy()
  expect(inputByPlaceholder(group('第 1 次课'), '如 崇川区工农路').getAttribute('value')).toBe('梁溪区解放西路 168 号')

  // Saved as a draft offer: the draft on the device goes, the page goes back to the list.
  fireEvent.click(screen.getByText('存为草稿'))
  await waitFor(() => expect(toasts).toEqual(['已存为草稿']))
  expect(getStorageSync(key)).toBe('')
  expect(navigations).toEqual([{ kind: 'redirectTo', url: '/packages/academy/pages/manage/index' }])
  const mine = await api.academy.staffOffers({ status: 'draft' })
  const saved = mine.rows.find((o) => o.title === '快递员五级 周末班（测试）')!
  expect(saved).toMatchObject({ status: 'draft', seats: 20, where: '无锡市 梁溪区', firstDate: '2099-12-12', lastDate: '2099-12-19' })

  // Opened again to edit: the saved values, the type fixed.
  second.unmount()
  navigations.length = 0
  setRouterParams({ id: saved.id })
  const third = render(<EditPage />)
  await screen.findByText('保存修改')
  expect(screen.queryByText('学历教育')).toBeNull()
  expect(valueOf(third.container, '如 40')).toBe('20')
  expect(screen.getByText('保存并发布')).toBeTruthy()
})

test('a diploma programme: credits in credits and tuition in yuan are stored in tenths and fen', async () => {
  await signInDemo(STAFF)
  const { container: c } = render(<EditPage />)
  fireEvent.click(await screen.findByText('学历教育'))
  type(c, '如 物流管理（专科）', '电子商务（专科，测试）')
  type(c, '如 崇川区职业技能培训中心', '江苏开放大学无锡分校')
  typeIntoTextarea(c, '上课方式', '线上为主。')
  type(c, '如 物流管理专科毕业证书', '电子商务专科毕业证书')
  type(c, '如 2026-12-10', '2099-09-01')
  fireEvent.click(screen.getByText('专科'))
  type(c, '如 电子商务', '电子商务')
  type(c, '如 江苏开放大学', '江苏开放大学')
  type(c, '如 30', '30')
  type(c, '如 80', '80.5')
  type(c, '如 6800', '6800.5元')
  fireEvent.click(screen.getByText('保存并发布'))
  await waitFor(() => expect([...document.querySelectorAll('.field-error, [role="alert"]')].map((e) => e.textContent).join(' | ') || toasts.join()).toBe('已保存并发布'))
  const row = (await api.academy.staffOffers({ status: 'published' })).rows.find((o) => o.title === '电子商务（专科，测试）')!
  const offer = await api.academy.offer({ id: row.id })
  expect(offer.diploma).toMatchObject({ creditsRequired: 805, tuitionFenPerYear: 680050, lengthMonths: 30, years: 3 })
  expect(offer.seats).toBeNull()
})
