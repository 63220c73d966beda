import { configure, fireEvent, render, screen, within } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import MallPage from './index'

configure({ asyncUtilTimeout: 3000 })

beforeEach(() => resetTaroStub())

/** A new rider in 南通崇川 with no points yet. */
async function newRider(seq: number) {
  const openid = `cmp-mall-${seq}-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(seq, { realName: '钱小满', idNumber: demoIdNumber('320613', '1996-08-08', seq), mobile: `1390000${String(seq).padStart(4, '0')}` }))
  await signInDemo(openid)
}

test("崇川's rewards, cheapest first, with what is left and what the rider still needs — in words, no button while it cannot be had", async () => {
  await newRider(61)
  render(<MallPage />)
  const list = await screen.findByRole('list', { name: '礼品' })
  expect(screen.getByText('0')).toBeTruthy()
  const swap = within(list).getByRole('listitem', { name: '免费换电一次' })
  expect(within(swap).getByText('300 分')).toBeTruthy()
  expect(within(swap).getByText('还剩 50 件')).toBeTruthy()
  expect(within(swap).getByText('还差 300 分（您现有 0 分）')).toBeTruthy()
  expect(within(swap).getByText('领取：崇川区和平桥暖心驿站（工农路 18 号）')).toBeTruthy()
  expect(within(swap).queryByRole('button', { name: /兑换/ })).toBeNull()
  const names = within(list).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))
  expect(names.indexOf('免费换电一次')).toBeLessThan(names.indexOf('外卖保温箱'))
  // 梁溪's rewards are not 崇川's.
  expect(screen.queryByText(/崇安寺/)).toBeNull()
  fireEvent.click(screen.getByText('我的兑换和领取码'))
  expect(navigations.at(-1)?.url).toBe('/packages/volunteer/pages/redemptions/index')
})
