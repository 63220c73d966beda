import { configure, fireEvent, render, screen } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { routes } from '../../../../routes'
import { signInDemo } from '../../../../store/session'
import LedgerPage from './index'

configure({ asyncUtilTimeout: 5000 })

beforeEach(() => resetTaroStub())

test('周小勇’s entries: amount with its sign and in words, reason, date, balance after — each opens its source; 核对积分 says the sum agrees', async () => {
  const user = await signInDemo('demo-rider')
  const { entries } = await api.volunteer.ledger({})
  const report = entries.find((e) => e.source.type === 'report')!
  const task = entries.find((e) => e.source.type === 'task')!
  render(<LedgerPage />)
  // The handled report of the demo (hazard: +50 under the district's rules), as a link with every fact in words.
  const reportRow = await screen.findByLabelText(new RegExp(`^获得 ${report.amount} 分，${report.reason.replace(/[()（）]/g, '.')}，.*之后余额 ${report.balanceAfter} 分$`))
  expect(reportRow.textContent).toContain(`+${report.amount} 分`)
  expect(reportRow.textContent).toContain('获得')
  expect(reportRow.textContent).toContain(`余额 ${report.balanceAfter} 分`)
  expect(reportRow.textContent).toContain('随手拍')
  fireEvent.click(reportRow)
  expect(navigations.pop()).toEqual({ kind: 'navigateTo', url: `${routes.applicationDetail}?id=${report.source.id}` })
  // Confirmed hours open their task: the sign-up `<taskId>_<userId>` names it.
  fireEvent.click(screen.getByLabelText(new RegExp(`^获得 ${task.amount} 分，志愿服务：`)))
  expect(navigations.pop()).toEqual({ kind: 'navigateTo', url: `${routes.volunteerTask}?id=${task.source.id.slice(0, -`_${user.id}`.length)}` })

  fireEvent.click(screen.getByText('核对积分'))
  expect(await screen.findByText('✓ 核对无误')).toBeTruthy()
  expect(screen.getByText(/^全部 \d+ 笔明细加起来是 \d+ 分，和现有积分 \d+ 分一致。$/)).toBeTruthy()
})

test('a worker with no points yet: the page says how points arrive, and 核对积分 still answers', async () => {
  const openid = `cmp-ledger-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(71, { idNumber: demoIdNumber('320613', '1993-03-03', 71), mobile: '13900000071' }))
  await signInDemo(openid)
  render(<LedgerPage />)
  expect(await screen.findByText('还没有积分记录')).toBeTruthy()
  expect(screen.getByText('随手拍被处理、参加志愿服务确认时长后，积分会记在这里。')).toBeTruthy()
  fireEvent.click(screen.getByText('核对积分'))
  expect(await screen.findByText('全部 0 笔明细加起来是 0 分，和现有积分 0 分一致。')).toBeTruthy()
})
