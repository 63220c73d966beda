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
  expect(within(request).getByText('✗ 还没有：诊断证明')).toBeTruthy()
  // The deposit advance waits for a decision, flagged in words.
  expect(within(request).getByText('⚠ 申请预付住院押金 3,000 元，请先决定')).toBeTruthy()

  fireEvent.click(await screen.findByRole('button', { name: '开始审核' }))
  fireEvent.click(await screen.findByRole('button', { name: '要求补充材料' }))
  await waitFor(() => {
    const box = document.querySelector('taro-textarea-core[value^="请补充："]')
    if (!box) throw new Error('no prefilled request yet')
    expect(box.getAttribute('value')).toBe('请补充：现场照片或视频、诊断证明、医疗费票据、接单截图（能看到时间和地点）')
  })
})
