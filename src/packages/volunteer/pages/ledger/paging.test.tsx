import { configure, fireEvent, render, screen } from '@testing-library/react'
import type { LedgerEntryView, LedgerPage } from '~types/volunteer.schema'
import { navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import LedgerPageView from './index'

/**
 * Paging and the check's other answer, against a stand-in API: a real history of 45 entries or a sum that disagrees
 * cannot be made through the app in a component test (the server side of both is tested in test/integration).
 */
const entry = (seq: number): LedgerEntryView => ({
  id: `e${seq}`, seq, amount: seq % 5 ? 10 : -30, reason: seq % 5 ? `随手拍已处理：第 ${seq} 条` : `兑换：矿泉水 ${seq}`,
  source: seq % 5 ? { type: 'report', id: `app-${seq}` } : { type: 'redemption', id: `red-${seq}` }, at: '2026-12-10T02:00:00.000Z', balanceAfter: 1000 + seq,
})
const page = (before: number | undefined): LedgerPage => {
  const top = before ? before - 1 : 45
  const entries = Array.from({ length: Math.min(20, top) }, (_, i) => entry(top - i))
  const last = entries[entries.length - 1]
  return { entries, next: entries.length === 20 && last.seq > 1 ? last.seq : null }
}
const calls: unknown[] = []
jest.mock('../../../../api/client', () => ({
  api: {
    volunteer: {
      account: async () => ({ balance: 1045 }),
      ledger: async (input: { before?: number }) => (calls.push(input), page(input.before)),
      checkLedger: async () => ({ balance: 1045, sum: 1015, entries: 45, ok: false }),
    },
  },
}))
jest.mock('../../../../hooks/use-guard', () => ({ useGuard: () => ({ status: 'signedIn', user: { id: 'u1', ready: true, roles: { admin: false, staff: [] } } }) }))

configure({ asyncUtilTimeout: 3000 })
beforeEach(() => {
  resetTaroStub()
  calls.length = 0
})

test('更多 pages back by `before` until the first entry, then says the whole history is shown', async () => {
  render(<LedgerPageView />)
  expect(await screen.findByText('随手拍已处理：第 44 条')).toBeTruthy()
  expect(screen.getByLabelText('现有 1045 分')).toBeTruthy()
  fireEvent.click(screen.getByText('更多'))
  expect(await screen.findByText('随手拍已处理：第 24 条')).toBeTruthy()
  fireEvent.click(screen.getByText('更多'))
  expect(await screen.findByText('以上是全部 45 笔记录')).toBeTruthy()
  expect(calls).toEqual([{}, { before: 26 }, { before: 6 }])
  expect(screen.queryByText('更多')).toBeNull()
  // A debit: the minus sign and 支出, and it opens 我的兑换 at that redemption.
  const debit = screen.getByLabelText(/^支出 30 分，兑换：矿泉水 40，/)
  expect(debit.textContent).toContain('−30 分')
  expect(debit.textContent).toContain('支出')
  fireEvent.click(debit)
  expect(navigations.pop()).toEqual({ kind: 'navigateTo', url: '/packages/volunteer/pages/redemptions/index?id=red-40' })
})

test('a check that disagrees says so in words, with what to do', async () => {
  render(<LedgerPageView />)
  fireEvent.click(await screen.findByText('核对积分'))
  expect(await screen.findByText('⚠ 核对不一致')).toBeTruthy()
  expect(screen.getByText('45 笔明细加起来是 1015 分，现有积分记为 1045 分。请截图后联系所在区县的志愿服务工作人员核查。')).toBeTruthy()
})
