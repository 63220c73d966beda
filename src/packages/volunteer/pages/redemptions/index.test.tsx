import { configure, render, screen } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { resetTaroStub } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import { PickupQr } from '../../lib/pickup-qr'
import RedemptionsPage from './index'

configure({ asyncUtilTimeout: 3000 })

beforeEach(() => resetTaroStub())

test('nothing redeemed yet: the page says where codes will appear', async () => {
  const openid = `cmp-redemptions-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(62, { idNumber: demoIdNumber('320613', '1996-08-08', 62), mobile: '13900000062' }))
  await signInDemo(openid)
  render(<RedemptionsPage />)
  expect(await screen.findByText('还没有兑换过礼品')).toBeTruthy()
  expect(screen.getByText('在积分商城用积分兑换，领取码会显示在这里。')).toBeTruthy()
})

test('a code as a QR image: a GIF drawn without a canvas, the same in both builds', () => {
  const { container } = render(<PickupQr code="48210937" />)
  const img = container.querySelector('[aria-label="领取码 48210937 的二维码"]')!
  const src = img.getAttribute('src') ?? img.querySelector('img')?.getAttribute('src') ?? ''
  expect(src).toMatch(/^data:image\/gif;base64,R0lGOD/)
})
