import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { api } from '../../../api/client'
import { signInDemo } from '../../../store/session'
import { resetTaroStub } from '../../../../test/support/taro-stub'
import DetailPage from '../pages/detail/index'

configure({ asyncUtilTimeout: 3000 })

test('a claim at the desk: what happened, its deadlines and checklist; asking for materials starts from the missing items', async () => {
  resetTaroStub()
  await signInDemo('demo-rider')
  const claim = await api.insurance.report({ schemeKey: 'jiangsu-pilot', occurredAt: new Date(Date.now() - 3600_000).toISOString(), place: { text: '崇川区工农路与青年路路口' }, what: '送餐时被电动车撞倒', bodyPart: 'leg', advanceFen: 300_000 })

  resetTaroStub({ id: claim.id })
  await signInDemo('demo-staff-nantong')
  render(<DetailPage />)
  const request = await screen.findByRole('region', { name: '申请内容' })
  expect(within(request).getByText(/崇川区工农路与青年路路口/)).toBeTruthy()
  expect(within(request).getByText('新就业形态就业人员职业伤害保障（江苏）（平台缴费，无个人保单）')).toBeTruthy()
  expect(within(request).getByText(/^在期限内：本人申请截止/)).toBeTruthy()
  expect(within(request).getByText('× 还没有：诊断证明')).toBeTruthy()
  // The deposit advance waits for a decision, flagged in words.
  expect(within(request).getByText('⚠ 申请预付住院押金 3,000 元，请先决定')).toBeTruthy()

  fireEvent.click(await screen.findByRole('button', { name: '开始审核' }))
  // Approving: the missing items and the pilot's lack of a personal cover limit are said at the form itself.
  fireEvent.click(await screen.findByRole('button', { name: '批准' }))
  expect(await screen.findByText('⚠ 还没有收到：现场照片或视频、诊断证明、医疗费票据、接单截图（能看到时间和地点）')).toBeTruthy()
  expect(screen.getByText('平台缴费的保障，没有个人保单，不扣个人保额。')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '取消' }))
  fireEvent.click(await screen.findByRole('button', { name: '要求补充材料' }))
  await waitFor(() => {
    const box = document.querySelector('taro-textarea-core[value^="请补充："]')
    if (!box) throw new Error('no prefilled request yet')
    expect(box.getAttribute('value')).toBe('请补充：现场照片或视频、诊断证明、医疗费票据、接单截图（能看到时间和地点）')
  })
})

test('the advance is decided at the desk first; an approved claim records its payout, never above the approval', async () => {
  resetTaroStub()
  await signInDemo('demo-rider')
  const claim = await api.insurance.report({ schemeKey: 'jiangsu-pilot', occurredAt: new Date(Date.now() - 7200_000).toISOString(), place: { text: '崇川区青年中路' }, what: '雨天路滑摔倒', bodyPart: 'arm', advanceFen: 200_000 })

  resetTaroStub({ id: claim.id })
  await signInDemo('demo-staff-nantong')
  const page = render(<DetailPage />)
  const advance = await screen.findByRole('form', { name: '预付住院押金' })
  fireEvent.click(within(advance).getByRole('button', { name: '同意预付' }))
  await waitFor(() => expect(within(screen.getByRole('region', { name: '申请内容' })).getByText('申请 2,000 元，已同意 2,000 元')).toBeTruthy())
  expect(screen.queryByRole('form', { name: '预付住院押金' })).toBeNull()

  // Approve through the API (the form is the workflow's) — the whole benefit, the 2,000 advance included — then the payout at the desk.
  const seen = await api.application.startReview({ id: claim.id, version: 1 })
  await api.application.approve({ id: claim.id, version: seen.version, details: { benefit: 'medical', amountFen: 300_000 } })
  page.unmount()
  render(<DetailPage />)
  const payout = await screen.findByRole('form', { name: '记录打款' })
  const inputs = payout.querySelectorAll('taro-input-core')
  const { typeInto } = await import('../../../../test/support/taro-events')
  typeInto(inputs[0], '3100')
  typeInto(inputs[2], 'NT20261201001')
  fireEvent.click(within(payout).getByRole('button', { name: '记录打款并通知申请人' }))
  expect(await screen.findByText(/打款合计不能超过核定的 3,000 元/)).toBeTruthy()
  typeInto(inputs[0], '1000')
  fireEvent.click(within(payout).getByRole('button', { name: '记录打款并通知申请人' }))
  expect(await screen.findByText('核定 3,000 元，已打 1,000 元，还差 2,000 元')).toBeTruthy()
  // A fresh form for the next transfer: what is left, and no bank reference one tap from being recorded twice.
  const next = await screen.findByRole('form', { name: '记录打款' })
  const again = next.querySelectorAll('taro-input-core')
  expect(again[0].getAttribute('value')).toBe('2000')
  expect(again[2].getAttribute('value') ?? '').toBe('')
  typeInto(again[2], 'NT20261201002')
  fireEvent.click(within(next).getByRole('button', { name: '记录打款并通知申请人' }))
  expect(await screen.findByText('核定 3,000 元，已打 3,000 元，已全部打款')).toBeTruthy()
})
