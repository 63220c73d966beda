import { fireEvent, render, screen, within } from '@testing-library/react'
import { navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import { api, newRequestId } from '../../../../api/client'
import { REQUEST, newWorker, newWorkerWithRequest } from '../../lib/testing'
import MinePage from './index'

beforeEach(() => resetTaroStub())

test('我的申请 lists every application newest first, with status in words and the deadline; a tap opens it', async () => {
  const { filed } = await newWorkerWithRequest('list', 4)
  const second = await api.legalAid.submit({ ...REQUEST, caseType: 'workInjury', amountFen: 0, otherParty: { kind: 'employer', name: '某某物流公司' } }, { requestId: newRequestId() })
  await api.application.withdraw({ id: filed.id }, { requestId: newRequestId() })
  render(<MinePage />)
  const list = await screen.findByRole('list', { name: '我的申请' })
  const items = within(list).getAllByRole('listitem')
  expect(items).toHaveLength(2)
  expect(within(items[0]).getByText('工伤赔偿 · 某某物流公司')).toBeTruthy()
  expect(within(items[0]).getByText('○ 已提交')).toBeTruthy()
  expect(within(items[0]).getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 前给您答复$/)).toBeTruthy()
  expect(within(items[0]).getByText(new RegExp(`^${second.caseNo} · `))).toBeTruthy()
  expect(within(items[1]).getByText('← 已撤回')).toBeTruthy()
  expect(within(items[1]).getByText('已撤回')).toBeTruthy()
  expect(within(items[0]).getAllByText('法律援助')).toHaveLength(1)

  fireEvent.click(within(items[1]).getByText(/某某外卖配送站/))
  expect(navigations).toEqual([{ kind: 'navigateTo', url: `/packages/applications/pages/detail/index?id=${encodeURIComponent(filed.id)}` }])
})

test('with nothing filed yet it says so and points to the hub, where every service starts', async () => {
  await newWorker('empty', 5)
  render(<MinePage />)
  expect(await screen.findByText('您还没有提交过申请')).toBeTruthy()
  fireEvent.click(screen.getByText('去首页看看能办什么'))
  expect(navigations).toEqual([{ kind: 'switchTab', url: '/pages/hub/index' }])
})
