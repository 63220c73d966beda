import { fireEvent, render, screen } from '@testing-library/react'
import { navigations, resetTaroStub } from '../../../test/support/taro-stub'
import MePage from './index'

beforeEach(() => resetTaroStub())

test('我的 lists the account entries, with the demo sign-in on H5', () => {
  render(<MePage />)
  expect(screen.getByText('我的')).toBeTruthy()
  for (const label of ['演示登录', '个人资料', '授权记录', '工作台', '角色授权']) {
    expect(screen.getByText(label)).toBeTruthy()
  }
})

test('tapping 个人资料 opens the profile form', () => {
  render(<MePage />)
  fireEvent.click(screen.getByText('个人资料'))
  expect(navigations).toEqual([{ kind: 'navigateTo', url: '/packages/account/pages/profile/index' }])
})
