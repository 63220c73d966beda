import Taro from '@tarojs/taro'
import { configure, fireEvent, render, screen, within } from '@testing-library/react'
import type { CallBody } from '~types/api'
import type { Envelope } from '~types/errors'
import type { PaymentView, WechatPayParams } from '~types/insurance.schema'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { resetTaroStub, setRouterParams } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import PayPage from './index'

configure({ asyncUtilTimeout: 3000 })

/**
 * STAND-IN for a server with a WeChat Pay merchant: the shared test server is local and answers the sandbox, so
 * while `mockMerchant.on` its `insurance.pay` answers get the requestPayment parameters a merchant's would carry
 * (test/integration/wechat-pay.test.ts checks the real ones). Everything else goes to the real server.
 */
const mockMerchant = { on: false }
const FAKE_PARAMS: WechatPayParams = { timeStamp: '1764554400', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA', paySign: 'c2lnbmVk' }
jest.mock('../../../../api/transport', () => {
  const actual = jest.requireActual<typeof import('../../../../api/transport')>('../../../../api/transport')
  return {
    transport: async (fn: string, body: CallBody): Promise<Envelope<unknown>> => {
      const answer = await actual.transport(fn, body)
      if (!mockMerchant.on || fn !== 'insurance' || body.action !== 'pay' || !answer.ok) return answer
      const view = answer.data as PaymentView
      return { ok: true, data: { ...view, sandbox: false, wechatPay: view.state === 'paid' ? null : FAKE_PARAMS } }
    },
  }
})

/** `Taro.requestPayment` as the tests decide (the jsdom stand-in of @tarojs/taro has none of its own). */
const requestPayment = jest.fn<Promise<unknown>, [Record<string, unknown>]>()
Object.assign(Taro, { requestPayment })

beforeEach(() => {
  resetTaroStub()
  mockMerchant.on = false
  requestPayment.mockReset()
})

/** A 常熟 ride-hailing driver whose enrolment 沈丽 (the demo's staff there) has approved; signed in again at the end. */
async function approvedOrder(seq: number): Promise<string> {
  const openid = `cmp-ins-pay-${seq}-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(seq, { realName: '常缴费', occupation: '网约车司机', platform: '曹操出行', districtCode: '320581', idNumber: demoIdNumber('320581', '1991-03-03', seq), mobile: `1370000${4000 + seq}` }))
  await signInDemo(openid)
  const filed = await api.insurance.enrol({ schemeKey: 'changshu-commercial', declaration: { noWorkInjuryInsurance: true, registeredHere: true }, beneficiary: { name: '常小妹', relation: 'spouse', mobile: '13700004999' } }, { requestId: `enrol-${openid}` })
  await signInDemo('demo-staff-changshu')
  const seen = await api.application.startReview({ id: filed.id, version: 1 })
  await api.application.approve({ id: filed.id, version: seen.version, details: {} })
  await signInDemo(openid)
  setRouterParams({ id: filed.id })
  return filed.id
}

test('缴费, locally: the sandbox says so, pays, and shows the policy it issued', async () => {
  await approvedOrder(21)
  render(<PayPage />)
  expect(await screen.findByText('沙箱支付（本地演示）：不会真的扣款')).toBeTruthy()
  expect(screen.getByText('360 元（一年）')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '模拟支付成功' }))
  expect(await screen.findByText('保费已缴，保单已出')).toBeTruthy()
  const policy = await screen.findByRole('group', { name: /^保单 ZS-\d{4}-\d{6}$/ })
  expect(within(policy).getByText('常熟市灵活就业人员职业伤害保险')).toBeTruthy()
  expect(requestPayment).not.toHaveBeenCalled()
})

test('缴费 with WeChat Pay: a cancelled payment says so plainly and keeps the button; nothing is paid', async () => {
  const id = await approvedOrder(22)
  mockMerchant.on = true
  requestPayment.mockRejectedValue({ errMsg: 'requestPayment:fail cancel' })
  render(<PayPage />)
  fireEvent.click(await screen.findByRole('button', { name: '微信支付 360 元' }))
  expect(await screen.findByText('您取消了支付，保费还没有交，钱没有扣。需要时再点“微信支付”。')).toBeTruthy()
  expect(requestPayment).toHaveBeenCalledWith(FAKE_PARAMS)
  expect(screen.getByRole('button', { name: '微信支付 360 元' })).toBeTruthy()
  expect(screen.queryByText(/沙箱/)).toBeNull()
  expect(await api.insurance.pay({ applicationId: id })).toMatchObject({ state: 'unpaid' })

  // Another failure is not a cancel: said differently, the button stays too.
  requestPayment.mockRejectedValue({ errMsg: 'requestPayment:fail (-1)' })
  fireEvent.click(screen.getByRole('button', { name: '微信支付 360 元' }))
  expect(await screen.findByText('支付没有成功，钱没有扣。请稍后再试。')).toBeTruthy()
})

test('缴费 with WeChat Pay: paid in WeChat, the page waits for the callback (“正在确认支付结果…”) and then shows the policy', async () => {
  const id = await approvedOrder(23)
  mockMerchant.on = true
  // WeChat answers at once; its callback reaches the server a little later (here the sandbox plays it).
  requestPayment.mockImplementation(async () => {
    setTimeout(() => void api.insurance.sandboxPaid({ orderId: id }, { requestId: `late-callback-${id}` }), 1200)
    return { errMsg: 'requestPayment:ok' }
  })
  render(<PayPage />)
  fireEvent.click(await screen.findByRole('button', { name: '微信支付 360 元' }))
  expect(await screen.findByText('正在确认支付结果…')).toBeTruthy()
  expect(await screen.findByText('保费已缴，保单已出', undefined, { timeout: 8000 })).toBeTruthy()
  expect(await screen.findByRole('group', { name: /^保单 ZS-/ })).toBeTruthy()
  expect(requestPayment).toHaveBeenCalledTimes(1)
}, 15_000)
