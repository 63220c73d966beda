import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import { toApiError } from '../../../../api/api-error'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import EnrolPage from './index'

configure({ asyncUtilTimeout: 3000 })

beforeEach(() => resetTaroStub({ scheme: 'changshu-commercial' }))

function field(container: HTMLElement, prefix: string): Element {
  const el = [...container.querySelectorAll('taro-input-core')].find((e) => (e.getAttribute('placeholder') ?? '').startsWith(prefix))
  if (!el) throw new Error(`no field with placeholder "${prefix}…"`)
  return el
}

/** The box around a labelled field (TextField, ChipGroup, ConsentToggle): where its error must appear. */
const boxOf = (label: string) => screen.getByText(label).closest('.text-field, .chip-group, .consent-toggle-wrap') as HTMLElement

test('参保: an error lands under its own field — the server names the same fields — and the draft survives a restart', async () => {
  const openid = `cmp-ins-enrol-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(1, { realName: '常参保', occupation: '网约车司机', platform: '曹操出行', districtCode: '320581', idNumber: demoIdNumber('320581', '1993-09-09', 1), mobile: '13700003032' }))
  const user = await signInDemo(openid)
  // The server's own answer to the same mistakes: field names the form puts its errors under.
  const refused = await api.insurance.enrol({ schemeKey: 'changshu-commercial', declaration: { noWorkInjuryInsurance: false as true, registeredHere: true }, beneficiary: { name: '常小妹', relation: 'spouse', mobile: '1370000' } }).catch(toApiError)
  expect(refused).toMatchObject({ code: 'INVALID_INPUT', fields: { 'declaration.noWorkInjuryInsurance': expect.stringContaining('工伤保险'), 'beneficiary.mobile': '手机号是 11 位数字' } })

  const first = render(<EnrolPage />)
  await screen.findByText('常熟市灵活就业人员职业伤害保险')
  fireEvent.click(screen.getByText(/我在本市登记为灵活就业人员/))
  typeInto(field(first.container, '如 陆小梅'), '常小妹')
  fireEvent.click(screen.getByText('配偶'))
  typeInto(field(first.container, '11 位手机号'), '1370000')
  fireEvent.click(screen.getByText('提交参保申请'))
  expect(await within(boxOf('受益人手机号')).findByText(/手机号是 11 位数字/)).toBeTruthy()
  expect(within(boxOf('我没有参加工伤保险（有单位给交工伤保险的，不能参加这个保险）')).getByText(/已参加工伤保险的不能参加/)).toBeTruthy()
  expect(within(boxOf('受益人姓名')).queryByText(/⚠/)).toBeNull()
  expect(screen.getByText('请修改这 2 项：没有参加工伤保险、受益人手机号')).toBeTruthy()
  expect(navigations).toEqual([])
  expect(getStorageSync(`nx.draft.insurance.enrol.${user.id}.changshu-commercial`)).toMatchObject({ value: { name: '常小妹', relation: 'spouse', registeredHere: true } })

  first.unmount()
  const second = render(<EnrolPage />)
  await screen.findByText('常熟市灵活就业人员职业伤害保险')
  expect(field(second.container, '如 陆小梅').getAttribute('value')).toBe('常小妹')
  fireEvent.click(screen.getByText(/我没有参加工伤保险/))
  typeInto(field(second.container, '11 位手机号'), '13700003033')
  fireEvent.click(screen.getByText('提交参保申请'))
  await waitFor(() => expect(navigations[0]).toMatchObject({ kind: 'redirectTo', url: expect.stringMatching(/^\/packages\/applications\/pages\/detail\/index\?id=/) }))
  expect(getStorageSync(`nx.draft.insurance.enrol.${user.id}.changshu-commercial`)).toBe('')
})

test('参保 says so instead of the form when the server would refuse it: filed already, approved and unpaid, a policy held', async () => {
  const openid = `cmp-ins-enrol2-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(2, { realName: '常再报', occupation: '网约车司机', platform: '曹操出行', districtCode: '320581', idNumber: demoIdNumber('320581', '1993-09-09', 2), mobile: '13700003034' }))
  await signInDemo(openid)
  const filed = await api.insurance.enrol({ schemeKey: 'changshu-commercial', declaration: { noWorkInjuryInsurance: true, registeredHere: true }, beneficiary: { name: '常小妹', relation: 'spouse', mobile: '13700003035' } }, { requestId: `enrol-${openid}` })

  const pending = render(<EnrolPage />)
  expect(await screen.findByText('您已经申请过了')).toBeTruthy()
  expect(screen.queryByText('提交参保申请')).toBeNull()
  fireEvent.click(screen.getByText('看审核进度'))
  expect(navigations[0]).toMatchObject({ kind: 'redirectTo', url: `/packages/applications/pages/detail/index?id=${encodeURIComponent(filed.id)}` })
  pending.unmount()

  await signInDemo('demo-staff-changshu')
  const seen = await api.application.startReview({ id: filed.id, version: 1 })
  await api.application.approve({ id: filed.id, version: seen.version, details: {} })
  await signInDemo(openid)
  const approved = render(<EnrolPage />)
  expect(await screen.findByText('您的参保申请已通过，还没缴费')).toBeTruthy()
  expect(screen.getByText('去缴费')).toBeTruthy()
  approved.unmount()

  // 陆建华 of the demo holds a policy months from its end: renewal opens 30 days before.
  await signInDemo('demo-changshu')
  render(<EnrolPage />)
  expect(await screen.findByText(/^您已有这个保障/)).toBeTruthy()
  expect(screen.getByText(/到期前 30 天起可以在“我的保障”里续保/)).toBeTruthy()
  expect(screen.queryByText('提交参保申请')).toBeNull()
})
