import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api } from '../../api/client'
import { setUser, signInDemo } from '../../store/session'
import { demoIdNumber } from '../../../server/demo-id'
import { validProfile } from '../../../test/support/profiles'
import { navigations, resetTaroStub, tabBarBadges } from '../../../test/support/taro-stub'
import InboxPage from './index'

/** A new rider with a complete profile: their inbox holds just the welcome message. */
async function signInNewRider(name: string, seq: number) {
  await signInDemo(`inbox-test-${name}-${Date.now()}`)
  setUser(await api.user.saveProfile(validProfile(seq, { idNumber: demoIdNumber('320682', '1991-02-03', seq) })))
}

beforeEach(() => resetTaroStub())

test('消息 lists the welcome message as unread, with the count on the tab badge', async () => {
  await signInNewRider('list', 1)
  render(<InboxPage />)
  expect(await screen.findByText('欢迎来到暖新')).toBeTruthy()
  expect(screen.getByText('未读')).toBeTruthy()
  expect(screen.getByText('您有 1 条未读消息')).toBeTruthy()
  expect(screen.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)).toBeTruthy()
  await waitFor(() => expect(tabBarBadges.get(1)).toBe('1'))
})

test('opening a message shows its body and marks it read, lowering the unread count', async () => {
  await signInNewRider('read', 2)
  render(<InboxPage />)
  fireEvent.click(await screen.findByText('欢迎来到暖新'))
  // Right whether or not the profile is complete yet (this rider's is).
  expect(screen.getByText(/已经填好的不用再填/)).toBeTruthy()
  expect(screen.queryByText(/第一次使用请先完善个人信息/)).toBeNull()
  expect(await screen.findByText('消息都已读过')).toBeTruthy()
  expect(screen.queryByText('未读')).toBeNull()
  expect(tabBarBadges.has(1)).toBe(false)
  // The server agrees: reading again finds nothing unread.
  expect((await api.user.listMessages({})).unread).toBe(0)
})

test('a failed load says so in words and loads on retry', async () => {
  await signInNewRider('offline', 3)
  const base = NUANXIN_API_BASE
  // Nothing listens on port 9: a real network failure, as on a phone without signal.
  Object.assign(globalThis, { NUANXIN_API_BASE: 'http://127.0.0.1:9' })
  render(<InboxPage />)
  expect(await screen.findByText(/网络不太好，没有加载出来/)).toBeTruthy()
  Object.assign(globalThis, { NUANXIN_API_BASE: base })
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('欢迎来到暖新')).toBeTruthy()
  expect(screen.queryByText(/网络不太好/)).toBeNull()
})

test('a message about an application opens that application; the welcome has no such link', async () => {
  await signInNewRider('target', 4)
  const filed = await api.legalAid.submit(
    { caseType: 'wages', otherParty: { kind: 'platform', name: '某某外卖配送站' }, amountFen: 100000, facts: '9 月跑单 20 天没有结算工资。', urgent: { limitationEndsSoon: false, preservationNeeded: false }, attachments: [] },
    { requestId: `inbox-target-${Date.now()}` },
  )
  render(<InboxPage />)
  fireEvent.click(await screen.findByText('欢迎来到暖新'))
  expect(screen.queryByText('查看这份申请 ›')).toBeNull()
  fireEvent.click(screen.getByText('已收到您的法律援助申请'))
  fireEvent.click(await screen.findByText('查看这份申请 ›'))
  expect(navigations).toContainEqual(expect.objectContaining({ url: `/packages/applications/pages/detail/index?id=${filed.id}` }))
})

test('全部标为已读 marks every message read at once, without opening each', async () => {
  await signInNewRider('all', 5)
  for (const i of [1, 2]) {
    await api.legalAid.submit(
      { caseType: 'wages', otherParty: { kind: 'platform', name: '某某外卖配送站' }, amountFen: 100000, facts: `第 ${i} 份：9 月跑单 20 天没有结算工资。`, urgent: { limitationEndsSoon: false, preservationNeeded: false }, attachments: [] },
      { requestId: `inbox-all-${i}-${Date.now()}` },
    )
  }
  render(<InboxPage />)
  expect(await screen.findByText('您有 3 条未读消息')).toBeTruthy()
  expect(screen.getAllByText('未读')).toHaveLength(3)
  fireEvent.click(screen.getByRole('button', { name: '全部标为已读' }))
  expect(await screen.findByText('消息都已读过')).toBeTruthy()
  expect(screen.queryByText('未读')).toBeNull()
  expect(screen.queryByRole('button', { name: '全部标为已读' })).toBeNull()
  await waitFor(() => expect(tabBarBadges.has(1)).toBe(false))
  expect((await api.user.listMessages({})).unread).toBe(0)
})
