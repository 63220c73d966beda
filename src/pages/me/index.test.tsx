import { fireEvent, render, screen } from '@testing-library/react'
import { navigations, resetTaroStub } from '../../../test/support/taro-stub'
import { signInDemo } from '../../store/session'
import MePage from './index'

beforeEach(() => resetTaroStub())

test('我的 shows the profile from the server with the ID number masked, and the staff entry for staff', async () => {
  await signInDemo('demo-staff-wuxi')
  render(<MePage />)
  expect(await screen.findByText('钱伟')).toBeTruthy()
  expect(screen.getByText(/^320\*{11}\d{3}[\dX]$/)).toBeTruthy()
  expect(screen.getByText('无锡市 梁溪区')).toBeTruthy()
  expect(screen.getByText('工作台')).toBeTruthy()
  expect(screen.queryByText('人员授权')).toBeNull()
})

test('tapping 修改个人信息 opens the profile form; sign-out returns to the demo sign-in', async () => {
  await signInDemo('demo-rider')
  render(<MePage />)
  fireEvent.click(await screen.findByText('修改个人信息'))
  expect(navigations).toEqual([{ kind: 'navigateTo', url: '/packages/account/pages/profile/index' }])
  expect(screen.queryByText('工作台')).toBeNull()
  fireEvent.click(screen.getByText('退出登录（本地演示）'))
  expect(navigations.at(-1)).toEqual({ kind: 'reLaunch', url: '/packages/account/pages/signin/index' })
})
