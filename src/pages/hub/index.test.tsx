import { fireEvent, render, screen } from '@testing-library/react'
import { navigations, resetTaroStub } from '../../../test/support/taro-stub'
import { api, newRequestId } from '../../api/client'
import { signInDemo } from '../../store/session'
import { asNantongStaff, newWorkerWithRequest } from '../../packages/applications/lib/testing'
import HubPage from './index'

beforeEach(() => resetTaroStub())

test('a request for materials waiting on the rider is the first card of the hub, and opens that application', async () => {
  const { filed, openid } = await newWorkerWithRequest('hub-todo', 71)
  await asNantongStaff(openid, async () => {
    const started = await api.application.startReview({ id: filed.id, version: 1 }, { requestId: newRequestId() })
    await api.application.requestMore({ id: filed.id, version: started.version, missing: '请补充站点排班表' }, { requestId: newRequestId() })
  })
  render(<HubPage />)
  const card = await screen.findByRole('link', { name: `需要您补充材料：法律援助 ${filed.caseNo}` })
  expect(card.textContent).toMatch(/⚠ 需要您补充材料/)
  expect(card.textContent).toMatch(/请在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前/)
  fireEvent.click(card)
  expect(navigations).toContainEqual({ kind: 'navigateTo', url: `/packages/applications/pages/detail/index?id=${encodeURIComponent(filed.id)}` })
})

test('staff registered as 其他 read their role under the greeting, not 其他', async () => {
  await signInDemo('demo-staff-nantong')
  render(<HubPage />)
  expect(await screen.findByText('顾敏，您好')).toBeTruthy()
  expect(screen.getByText('工作人员 · 南通市 崇川区')).toBeTruthy()
  expect(screen.queryByText(/^其他 ·/)).toBeNull()
})

test('a worker reads their occupation', async () => {
  await signInDemo('demo-other')
  render(<HubPage />)
  expect(await screen.findByText('赵平，您好')).toBeTruthy()
  expect(screen.getByText('其他 · 无锡市 梁溪区')).toBeTruthy()
})
