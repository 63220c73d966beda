import { configure, fireEvent, render, screen } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { resetTaroStub } from '../../../../../test/support/taro-stub'
import { signInDemo } from '../../../../store/session'
import PickupPage from './index'

configure({ asyncUtilTimeout: 3000 })

beforeEach(() => resetTaroStub())

test('the desk types a code: too short is said under the field; one that does not exist is said plainly', async () => {
  await signInDemo('demo-staff-nantong')
  const { container } = render(<PickupPage />)
  await screen.findByText('兑换核销')
  typeInto(inputByPlaceholder(container, '8 位数字'), '1234567')
  fireEvent.click(screen.getByText('查询'))
  expect(await screen.findByText(/兑换码是 8 位数字，请核对/)).toBeTruthy()
  typeInto(inputByPlaceholder(container, '8 位数字'), '00000001')
  fireEvent.click(screen.getByText('查询'))
  expect(await screen.findByText('没有这个兑换码，请核对后再输入')).toBeTruthy()
})

test('a worker who opens the desk page is told it is for staff', async () => {
  await signInDemo('demo-rider')
  render(<PickupPage />)
  expect(await screen.findByText('兑换核销只对志愿服务工作人员开放')).toBeTruthy()
})
