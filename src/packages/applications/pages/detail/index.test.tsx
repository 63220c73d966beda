import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { modalAnswers, modals, phoneCalls, resetTaroStub, setRouterParams, toasts } from '../../../../../test/support/taro-stub'
import { api, newRequestId } from '../../../../api/client'
import { asNantongStaff, newWorkerWithRequest, typeIntoTextarea } from '../../lib/testing'
import DetailPage from './index'


test('withdraw asks first; cancelling changes nothing, confirming shows 已撤回 and stops the clock', async () => {
  resetTaroStub()
  const { filed } = await newWorkerWithRequest('withdraw', 1, { urgent: { limitationEndsSoon: true, preservationNeeded: false } })
  setRouterParams({ id: filed.id })
  render(<DetailPage />)
  expect(await screen.findByText('○ 已提交')).toBeTruthy()
  expect(screen.getByText('⚠ 紧急')).toBeTruthy()
  expect(screen.getByText(/您标记了紧急情况/)).toBeTruthy()
  expect(screen.getByText('不需要证明（拖欠工资、工伤赔偿）')).toBeTruthy()

  modalAnswers.push(false)
  fireEvent.click(screen.getByText('撤回申请'))
  await waitFor(() => expect(modals).toHaveLength(1))
  expect(modals[0].title).toBe('撤回这份申请？')
  expect(screen.getByText('○ 已提交')).toBeTruthy()

  fireEvent.click(screen.getByText('撤回申请'))
  expect(await screen.findByText('← 已撤回')).toBeTruthy()
  expect(toasts).toContain('已撤回')
  expect(screen.getByText('已撤回')).toBeTruthy()
  expect(within(screen.getByRole('list', { name: '办理记录' })).getByText('申请已撤回')).toBeTruthy()
  expect(screen.queryByText('撤回申请')).toBeNull()
  expect((await api.application.getMine({ id: filed.id })).status).toBe('withdrawn')
})

test('a request for materials pauses the clock; the worker supplements; the approval gives a number to call', async () => {
  resetTaroStub()
  const { filed, openid } = await newWorkerWithRequest('supplement', 2)
  await asNantongStaff(openid, async () => {
    const started = await api.application.startReview({ id: filed.id, version: filed.version }, { requestId: newRequestId() })
    await api.application.requestMore({ id: filed.id, version: started.version, missing: '8 月的工资条或转账记录' }, { requestId: newRequestId() })
  })
  setRouterParams({ id: filed.id })
  const page = render(<DetailPage />)
  expect(await screen.findByText('⚠ 需补充材料')).toBeTruthy()
  expect(screen.getByText('还需要：8 月的工资条或转账记录')).toBeTruthy()
  expect(screen.getByText('暂停计时：等您补充材料')).toBeTruthy()
  expect(screen.getByText(/^请在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前补充/)).toBeTruthy()

  fireEvent.click(screen.getByText('提交补充材料'))
  expect(await screen.findByText('⚠ 请上传补充的材料，或者说明补充了什么')).toBeTruthy()
  typeIntoTextarea(page.container, '说说补充了什么', '补上了 8 月的工资转账记录截图')
  fireEvent.click(screen.getByText('提交补充材料'))
  expect(await screen.findByText('○ 已补充材料')).toBeTruthy()
  expect(toasts).toContain('已补充')
  expect(screen.getByText(/^.* 前给您答复$/)).toBeTruthy()
  expect(screen.getByText('补上了 8 月的工资转账记录截图')).toBeTruthy()
  page.unmount()

  await asNantongStaff(openid, async () => {
    const now = await api.application.detail({ id: filed.id })
    await api.application.approve({ id: filed.id, version: now.version, details: { agency: '崇川区法律援助中心', contact: '0513-83550000' } }, { requestId: newRequestId() })
  })
  render(<DetailPage />)
  expect(await screen.findByText('✓ 已批准')).toBeTruthy()
  expect(screen.getByText('崇川区法律援助中心')).toBeTruthy()
  fireEvent.click(screen.getByRole('link', { name: '拨打 0513-83550000' }))
  expect(phoneCalls).toEqual(['0513-83550000'])
  expect(screen.queryByText('撤回申请')).toBeNull()
})

test('a withdrawal that comes too late is a conflict told in words, and the page reloads to the decision', async () => {
  resetTaroStub()
  const { filed, openid } = await newWorkerWithRequest('conflict', 3)
  setRouterParams({ id: filed.id })
  render(<DetailPage />)
  expect(await screen.findByText('○ 已提交')).toBeTruthy()
  // Meanwhile, at the district office…
  await asNantongStaff(openid, async () => {
    const started = await api.application.startReview({ id: filed.id, version: filed.version }, { requestId: newRequestId() })
    await api.application.reject({ id: filed.id, version: started.version, reason: '对方已全额支付拖欠的工资' }, { requestId: newRequestId() })
  })
  fireEvent.click(screen.getByText('撤回申请'))
  expect(await screen.findByText('没有办成：这份申请现在是“未批准”，不能撤回申请')).toBeTruthy()
  expect(await screen.findByText('× 未批准')).toBeTruthy()
  expect(within(screen.getByRole('region', { name: '× 申请未获批准' })).getByText('对方已全额支付拖欠的工资')).toBeTruthy()
  expect(screen.queryByText('撤回申请')).toBeNull()
})
