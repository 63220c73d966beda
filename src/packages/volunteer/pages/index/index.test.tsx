import { configure, fireEvent, render, screen } from '@testing-library/react'
import { navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { routes } from '../../../../routes'
import { signInDemo } from '../../../../store/session'
import VolunteerHome from './index'

configure({ asyncUtilTimeout: 5000 })

beforeEach(() => resetTaroStub())

test('周小勇’s points and hours at a glance, the star level and what the next one needs, and the cards’ own links', async () => {
  await signInDemo('demo-rider')
  const a = await api.volunteer.account({})
  render(<VolunteerHome />)
  expect(await screen.findByLabelText(`可用积分 ${a.balance} 分`)).toBeTruthy()
  expect(screen.getByText(`本月获得 ${a.monthPoints} 分 · 累计获得 ${a.earnedTotal} 分`)).toBeTruthy()
  expect(screen.getByText(/^志愿服务 [\d.]+ 小时$/)).toBeTruthy()
  expect(screen.getByText('尚未达到星级')).toBeTruthy()
  expect(screen.getByText(/^再服务 [\d.]+ 小时升到一星（累计满 100 小时）$/)).toBeTruthy()
  // The ledger, board and certificate are the cards' links, not repeated in the list below; a worker sees no staff entries.
  expect(screen.getAllByText('积分明细')).toHaveLength(1)
  expect(screen.queryByText('礼品管理')).toBeNull()
  expect(screen.getByText('记录证明核验')).toBeTruthy()
  fireEvent.click(screen.getByText('开志愿服务记录证明'))
  expect(navigations.pop()).toEqual({ kind: 'navigateTo', url: routes.volunteerRecord })
  fireEvent.click(screen.getByText('本月排行榜'))
  expect(navigations.pop()).toEqual({ kind: 'navigateTo', url: routes.volunteerLeaderboard })
})
