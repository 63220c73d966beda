import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { modalAnswers, modals, navigations, resetTaroStub, toasts } from '../../../../../test/support/taro-stub'
import { api, newRequestId } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import WorkbenchPage from '../../../workbench/pages/index/index'
import ManagePage from './index'

configure({ asyncUtilTimeout: 4000 })
beforeEach(() => resetTaroStub())

const TITLE = '网约配送员五级 管理页测试班'

test('the workbench links to 学院课程管理 only for staff holding the academy', async () => {
  await signInDemo('demo-staff-wuxi') // 钱伟: legal aid, volunteers, stations
  const first = render(<WorkbenchPage />)
  await screen.findByText(/您负责以下区县的服务/)
  expect(screen.queryByText('学院课程管理')).toBeNull()
  first.unmount()
  await signInDemo('demo-staff-wuxi-academy')
  render(<WorkbenchPage />)
  fireEvent.click(await screen.findByText('学院课程管理'))
  expect(navigations).toEqual([{ kind: 'navigateTo', url: '/packages/academy/pages/manage/index' }])
})

test('a worker without the academy sees why; staff see the figures and publish, then close after confirming', async () => {
  await signInDemo('demo-staff-wuxi')
  const denied = render(<ManagePage />)
  expect(await screen.findByText('课程管理只对学院工作人员开放')).toBeTruthy()
  denied.unmount()

  await signInDemo('demo-staff-wuxi-academy')
  const draft = await api.academy.saveOffer(
    {
      type: 'skill', title: TITLE, provider: '梁溪区职业技能培训中心', district: '320213', cityWide: false, description: '', occupation: '网约配送员', skillLevel: 5,
      leadsTo: '网约配送员五级证书', enrolUntil: '2099-01-10', seats: 12, sessions: [{ date: '2099-01-15', start: '19:00', end: '21:00', online: true }],
    },
    { requestId: newRequestId() },
  )
  render(<ManagePage />)
  const figures = await screen.findByRole('list', { name: '学院数字' })
  expect(within(figures).getByText('在读或已占名额')).toBeTruthy()
  expect(within(figures).getByText(/^\d+ 笔，共 [\d,.]+ 元$/)).toBeTruthy()
  // Drafts only: the new one is there, in words.
  fireEvent.click(screen.getByRole('radio', { name: /草稿/ }))
  const row = () => within(screen.getByRole('list', { name: '课程' })).getByRole('listitem', { name: TITLE })
  await waitFor(() => expect(within(row()).getByText('草稿（还没发布，学员看不到）')).toBeTruthy())
  expect(within(row()).getByText(/已占 0 \/ 12 个名额 · 无人候补/)).toBeTruthy()
  fireEvent.click(within(row()).getByText('班级和出勤'))
  expect(navigations.at(-1)!.url).toBe(`/packages/academy/pages/class/index?id=${draft.id}`)

  fireEvent.click(screen.getByRole('radio', { name: /全部/ }))
  await waitFor(() => expect(within(row()).getByText('发布')).toBeTruthy())
  fireEvent.click(within(row()).getByText('发布'))
  await waitFor(() => expect(toasts).toEqual(['已发布']))
  await waitFor(() => expect(within(row()).getByText('已发布（可以报名）')).toBeTruthy())

  // Closing asks first; "不关闭" leaves it open.
  modalAnswers.push(false, true)
  fireEvent.click(within(row()).getByText('关闭报名'))
  await waitFor(() => expect(modals).toHaveLength(1))
  expect(modals[0].content).toMatch(/已经报名的学员不受影响/)
  fireEvent.click(within(row()).getByText('关闭报名'))
  await waitFor(() => expect(toasts).toEqual(['已发布', '已关闭']))
  await waitFor(() => expect(within(row()).getByText('已关闭（不再接受报名）')).toBeTruthy())
  expect(within(row()).getByText('重新发布')).toBeTruthy()
})
