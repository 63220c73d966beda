import { fireEvent, render, screen } from '@testing-library/react'
import { SERVICE_LABELS } from '~types/roles'
import { signInDemo } from '../../../../store/session'
import { navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import WorkbenchPage from './index'

beforeEach(() => resetTaroStub())

test('工作台 shows the Nantong staff member their district and services, and an honest empty queue', async () => {
  await signInDemo('demo-staff-nantong')
  render(<WorkbenchPage />)
  expect(await screen.findByText('南通市 崇川区')).toBeTruthy()
  for (const label of Object.values(SERVICE_LABELS)) expect(screen.getByText(label)).toBeTruthy()
  expect(screen.getByText('顾敏，您负责以下区县的服务。')).toBeTruthy()
  expect(screen.getByText(/审核队列将在法律援助上线后出现在这里/)).toBeTruthy()
})

test('工作台 refuses a plain worker and offers the way back', async () => {
  await signInDemo('demo-rider')
  render(<WorkbenchPage />)
  expect(await screen.findByText(/工作台只对工作人员开放/)).toBeTruthy()
  expect(screen.queryByText('我的负责范围')).toBeNull()
  fireEvent.click(screen.getByText('回到“我的”'))
  expect(navigations).toEqual([{ kind: 'switchTab', url: '/pages/me/index' }])
})
