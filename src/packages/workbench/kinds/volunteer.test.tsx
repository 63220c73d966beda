import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { tinyPng } from '../../../../server/demo-files'
import { resetTaroStub } from '../../../../test/support/taro-stub'
import { api, newRequestId } from '../../../api/client'
import { getToken } from '../../../api/token'
import { signInDemo } from '../../../store/session'
import DetailPage from '../pages/detail/index'

configure({ asyncUtilTimeout: 3000 })

async function photo(): Promise<string> {
  const res = await fetch(`${process.env.NUANXIN_TEST_API}/api/files`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${getToken()}`, 'x-file-name': encodeURIComponent('现场.png') }, body: tinyPng() })
  return ((await res.json()) as { data: { fileId: string } }).data.fileId
}

// A spot of its own (no other test reports here): 0.001° of latitude ≈ 111 m.
const SPOT = { longitude: 120.9333, latitude: 31.9111 }
const north = (m: number) => ({ longitude: SPOT.longitude, latitude: SPOT.latitude + m / 111_320 })

test('随手拍 at the desk: a possible duplicate 60 m away, rejected as one in a tap; an accepted report handed to a department', async () => {
  resetTaroStub()
  await signInDemo('demo-rider')
  const first = await api.volunteer.report({ category: 'cityscape', photos: [await photo()], place: { text: '通富路共享单车乱停', ...SPOT } }, { requestId: newRequestId() })
  const second = await api.volunteer.report({ category: 'cityscape', photos: [await photo()], place: { text: '通富路单车堆在人行道', ...north(60) }, note: '堵住盲道了' }, { requestId: newRequestId() })

  resetTaroStub({ id: second.id })
  await signInDemo('demo-staff-nantong')
  const page = render(<DetailPage />)
  const dup = await screen.findByRole('region', { name: '可能重复的报告' })
  expect(await within(dup).findByText(`○ 更早 ${first.caseNo} · 已提交`)).toBeTruthy()
  expect(within(dup).getByText(/通富路共享单车乱停 · 相距 60 米/)).toBeTruthy()
  fireEvent.click(within(dup).getByRole('button', { name: '按重复驳回' }))
  const form = await screen.findByRole('form', { name: '按重复驳回' })
  expect(form.querySelector('taro-textarea-core')!.getAttribute('value')).toContain(`与 ${first.caseNo} 反映的是同一件事（相距 60 米）`)
  fireEvent.click(within(form).getByRole('button', { name: '确认按重复驳回' }))
  // Not yet accepted: accepted and rejected in one go.
  await waitFor(async () => expect((await api.application.detail({ id: second.id })).status).toBe('rejected'))
  const trail = (await api.application.detail({ id: second.id })).timeline.map((e) => e.step)
  expect(trail).toEqual(['submit', 'startReview', 'reject'])
  page.unmount()

  resetTaroStub({ id: first.id })
  await signInDemo('demo-staff-nantong')
  render(<DetailPage />)
  // The rejected one is still listed, later and decided; nothing to reject it for.
  const dup2 = await screen.findByRole('region', { name: '可能重复的报告' })
  expect(await within(dup2).findByText(`○ 更晚 ${second.caseNo} · 未批准`)).toBeTruthy()
  expect(within(dup2).queryByRole('button', { name: '按重复驳回' })).toBeNull()
  // 转交 only once accepted.
  expect(screen.queryByRole('form', { name: '转交部门' })).toBeNull()
  fireEvent.click(await screen.findByRole('button', { name: '开始审核' }))
  const fwd = await screen.findByRole('form', { name: '转交部门' })
  fireEvent.click(within(fwd).getByRole('button', { name: '转交并告诉报告人' }))
  expect(await within(fwd).findByText(/请写明转交给哪个部门/)).toBeTruthy()
  fireEvent.click(within(fwd).getByText('城管'))
  fireEvent.click(within(fwd).getByRole('button', { name: '转交并告诉报告人' }))
  await waitFor(() => expect(within(screen.getByRole('region', { name: '申请内容' })).getByText(/转交城管$/)).toBeTruthy())
  // A fresh form for the next department.
  const again = await screen.findByRole('form', { name: '转交部门' })
  expect(again.querySelector('taro-input-core')!.getAttribute('value') ?? '').toBe('')
})
