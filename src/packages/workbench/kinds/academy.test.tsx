import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { LearningView } from '~types/academy.schema'
import { api } from '../../../api/client'
import { signInDemo } from '../../../store/session'
import { resetTaroStub, toasts } from '../../../../test/support/taro-stub'
import { typeInto } from '../../../../test/support/taro-events'
import DetailPage from '../pages/detail/index'

configure({ asyncUtilTimeout: 3000 })

const field = (prefix: string) => [...document.querySelectorAll('taro-input-core, taro-textarea-core')].find((e) => (e.getAttribute('label') ?? e.getAttribute('placeholder') ?? '').startsWith(prefix))

test('a skill subsidy at the desk: the rule’s amount and reasoning, prefilled; lowering it asks for a reason; never above', async () => {
  // 周小勇's certificate from the demo (inside its window) → a claim.
  resetTaroStub()
  await signInDemo('demo-rider')
  const learning: LearningView = await api.academy.learning({})
  // The courier certificate of the demo (other tests count down the other one's window).
  const cert = learning.certificates.find((c) => c.occupation === '快递员' && !c.claim && c.daysLeft >= 0)!
  const claim = await api.academy.claimSkillSubsidy({ certificateId: cert.id })

  resetTaroStub({ id: claim.id })
  await signInDemo('demo-staff-nantong')
  render(<DetailPage />)
  const request = await screen.findByRole('region', { name: '申请内容' })
  expect(within(request).getByText('本学院颁发，已核验')).toBeTruthy()
  expect(within(request).getByText('五级/初级工证书的补贴标准是 1,000 元')).toBeTruthy()

  fireEvent.click(await screen.findByRole('button', { name: '开始审核' }))
  fireEvent.click(await screen.findByRole('button', { name: '批准' }))
  const amount = await waitFor(() => {
    const el = document.querySelector('taro-input-core[value="1000"]')
    if (!el) throw new Error('no prefilled amount yet')
    return el
  })
  expect(screen.getByText('按规则算出 1,000 元，只能照批或调低，不能调高。')).toBeTruthy()

  // Above the rule: the server says so under the amount.
  typeInto(amount, '1200')
  fireEvent.click(screen.getByRole('button', { name: '确认批准' }))
  expect(await screen.findByText(/不能高于按规则算出的 1,000 元/)).toBeTruthy()

  // Lower: a reason field appears, and is required.
  typeInto(amount, '800')
  expect(await screen.findByText('调低的理由（申请人会看到）')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '确认批准' }))
  expect(await screen.findByText(/请写明理由/)).toBeTruthy()
  typeInto(field('调低的理由') ?? document.querySelectorAll('taro-input-core')[1], '当月已领取同类培训补贴 200 元')
  fireEvent.click(screen.getByRole('button', { name: '确认批准' }))
  await waitFor(() => expect(toasts).toContain('已批准'))
  expect(await screen.findByText('800 元')).toBeTruthy()
  expect(screen.getByText('当月已领取同类培训补贴 200 元')).toBeTruthy()
})
