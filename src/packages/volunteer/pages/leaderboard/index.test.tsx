import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { LeaderboardView } from '~types/volunteer.schema'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { resetTaroStub } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import { monthStep, monthWords, myPlaceText } from '../../lib/board'
import LeaderboardPage from './index'

configure({ asyncUtilTimeout: 5000 })

beforeEach(() => resetTaroStub())

test('the caller’s place in words: ranked, not yet this month, or a past month', () => {
  const b: LeaderboardView = { month: '2026-12', district: '320613', rows: [], me: { rank: 7, points: 120 }, total: 35 }
  expect(myPlaceText(b, true)).toEqual({ line: '您排第 7 名，本月 120 分', hint: '南通市 崇川区本月共 35 人获得积分' })
  expect(myPlaceText({ ...b, me: null }, true).line).toBe('本月您还没有上榜')
  expect(myPlaceText({ ...b, month: '2026-11', me: null }, false).line).toBe('2026年11月您没有获得积分')
  expect(monthStep('2026-01', -1)).toBe('2025-12')
  expect(monthStep('2025-12', 1)).toBe('2026-01')
  expect(monthWords('2026-03')).toBe('2026年3月')
})

test('a worker of 崇川 without points this month: the board of the district, the month stepped back and forth, 下个月 off at this month', async () => {
  const openid = `cmp-board-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(72, { idNumber: demoIdNumber('320613', '1992-02-02', 72), mobile: '13900000072' }))
  await signInDemo(openid)
  const now = await api.volunteer.leaderboard({})
  render(<LeaderboardPage />)
  expect(await screen.findByText('本月您还没有上榜')).toBeTruthy()
  expect(screen.getByText('南通市 崇川区 · 按当月获得的积分排名')).toBeTruthy()
  expect(screen.getByText(monthWords(now.month))).toBeTruthy()
  // The demo's points, if any this month, are on the board with masked names — never this worker's row.
  for (const r of now.rows) expect(screen.getAllByText(`${r.points} 分`).length).toBeGreaterThan(0)
  if (!now.rows.length) expect(screen.getByText('本月还没有人获得积分')).toBeTruthy()
  expect(screen.getByText('下个月').closest('[aria-disabled="true"]')).toBeTruthy()

  fireEvent.click(screen.getByText('上个月'))
  const before = monthStep(now.month, -1)
  expect(await screen.findByText(monthWords(before))).toBeTruthy()
  expect(await screen.findByText(`${monthWords(before)}您没有获得积分`)).toBeTruthy()
  fireEvent.click(screen.getByText('下个月'))
  await waitFor(() => expect(screen.getByText('本月您还没有上榜')).toBeTruthy())
})
