import { configure, fireEvent, render, screen } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { resetTaroStub, setRouterParams } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo, signOut } from '../../../../store/session'
import RecordVerifyPage from './index'

configure({ asyncUtilTimeout: 5000 })

beforeEach(() => resetTaroStub())

test('opened with a number: found, the holder masked, no ID number; an unknown number says so in words', async () => {
  await signInDemo('demo-rider')
  const { issued } = await api.volunteer.records({})
  const number = issued[issued.length - 1].number
  signOut()
  setRouterParams({ number })
  const { container } = render(<RecordVerifyPage />)
  expect(await screen.findByText('✓ 查到这份证明')).toBeTruthy()
  expect(screen.getByText('周**')).toBeTruthy()
  expect(screen.getByText('南通市崇川区新就业群体志愿服务站')).toBeTruthy()
  expect(container.textContent).not.toMatch(/320\*+/)

  typeInto(inputByPlaceholder(container, '如 ZYZM'), 'zyzm2026999999')
  fireEvent.click(screen.getByText('查询'))
  expect(await screen.findByText('没有查到编号为 ZYZM-2026-999999 的志愿服务记录证明，请核对编号后再查')).toBeTruthy()
  typeInto(inputByPlaceholder(container, '如 ZYZM'), '12345')
  fireEvent.click(screen.getByText('查询'))
  expect(await screen.findByText(/证明编号应为 ZYZM-2026-000123 这样的格式/)).toBeTruthy()
})
