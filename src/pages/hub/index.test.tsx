import { fireEvent, render, screen } from '@testing-library/react'
import { navigations, resetTaroStub } from '../../../test/support/taro-stub'
import { api, newRequestId } from '../../api/client'
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
