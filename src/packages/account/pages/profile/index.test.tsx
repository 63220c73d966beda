import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api } from '../../../../api/client'
import { validProfile } from '../../../../../test/support/profiles'
import { demoIdNumber } from '../../../../../server/demo-id'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, navigations, phoneCalls, resetTaroStub, scrolls, setPageDepth, setStorageSync, toasts } from '../../../../../test/support/taro-stub'
import { getSession, signInDemo, signOut } from '../../../../store/session'
import ProfilePage from './index'

/** Runs against the real local server: validation, the ID check and the save are the server's own. */
const good = demoIdNumber('320613', '1993-02-14', 55)
const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1')

function fill(container: HTMLElement, idNumber: string) {
  typeInto(inputByPlaceholder(container, '与身份证上一致'), '刘晓峰')
  typeInto(inputByPlaceholder(container, '18 位'), idNumber)
  typeInto(inputByPlaceholder(container, '11 位'), '13655556666')
  fireEvent.click(screen.getByText('快递员'))
  typeInto(inputByPlaceholder(container, '如 美团外卖'), '顺丰速运')
  fireEvent.click(screen.getByText('南通市'))
  fireEvent.click(screen.getByText('崇川区'))
  fireEvent.click(screen.getByText(/^我已阅读并同意/))
  fireEvent.click(screen.getByText(/^我单独同意/))
}

test('a new worker sees every missing field at once, in Chinese, before anything is sent', async () => {
  resetTaroStub()
  await signInDemo(`component-empty-${Date.now()}`)
  render(<ProfilePage />)
  fireEvent.click(await screen.findByText('保存并开始使用'))
  expect(screen.getByText('请修改这 8 项：真实姓名、身份证号、手机号、职业、平台或单位、所在城市和区县、隐私保护指引、敏感信息的单独同意')).toBeTruthy()
  for (const msg of [/请填写真实姓名/, /身份证号/, /手机号应为 11 位/, /请选择职业/, /请填写平台或单位/, /请选择所在城市/, /请阅读并同意隐私保护指引/, /单独同意/]) {
    expect(screen.getAllByText(msg).length).toBeGreaterThan(0)
  }
  expect(navigations).toEqual([])
})

test('a bad ID number is caught on the phone; the draft survives a restart; the fixed form saves', async () => {
  resetTaroStub()
  const user = await signInDemo(`component-profile-${Date.now()}`)
  const first = render(<ProfilePage />)
  fill(first.container, bad)
  fireEvent.click(screen.getByText('保存并开始使用'))
  expect(await screen.findByText(/⚠ 身份证号不正确/)).toBeTruthy()
  expect(getStorageSync(`nx.draft.profile.${user.id}`)).toMatchObject({ value: { realName: '刘晓峰', idNumber: bad, districtCode: '320613' } })

  // "Restart": the page is gone and comes back; the draft is still there.
  first.unmount()
  const second = render(<ProfilePage />)
  expect(inputByPlaceholder(second.container, '18 位').getAttribute('value')).toBe(bad)
  typeInto(inputByPlaceholder(second.container, '18 位'), good)
  fireEvent.click(screen.getByText('保存并开始使用'))
  await waitFor(() => expect(navigations).toEqual([{ kind: 'reLaunch', url: '/pages/hub/index' }]))
  expect(getSession().user).toMatchObject({ ready: true, profile: { realName: '刘晓峰', idNumberMasked: `${good.slice(0, 3)}***********${good.slice(-4)}` } })
  expect(getStorageSync(`nx.draft.profile.${user.id}`)).toBe('')
  second.unmount()

  // Later, opened from another page (the legal-aid form's "去修改个人信息"): saving goes back there, and says so.
  navigations.length = 0
  setPageDepth(2)
  const edit = render(<ProfilePage />)
  typeInto(inputByPlaceholder(edit.container, '11 位'), '13712340000')
  fireEvent.click(screen.getByText('保存修改'))
  await waitFor(() => expect(navigations).toEqual([{ kind: 'navigateBack', delta: 1 }]))
  await waitFor(() => expect(toasts).toContain('已保存'))
  expect(getSession().user?.profile?.mobile).toBe('13712340000')
  edit.unmount()
})

test('ticks given for an older privacy guide do not carry over; sign-out clears the draft', async () => {
  resetTaroStub()
  const user = await signInDemo(`component-stale-${Date.now()}`)
  const key = `nx.draft.profile.${user.id}`
  setStorageSync(key, { savedAt: Date.now(), value: { realName: '旧草稿', privacy: true, sensitive: true, consentVersion: '2020-01-01' } })
  render(<ProfilePage />)
  expect(inputByPlaceholder(document.body, '与身份证上一致').getAttribute('value')).toBe('旧草稿')
  for (const box of screen.getAllByRole('checkbox')) expect(box.getAttribute('aria-checked')).toBe('false')
  signOut()
  expect(getStorageSync(key)).toBe('')
})

test('the server refusing the ID number (under 16) shows under the field, is named above the button, and the page goes there', async () => {
  resetTaroStub()
  await signInDemo(`component-young-${Date.now()}`)
  const { container } = render(<ProfilePage />)
  // A real number (check digit right), but its holder is 15: only the server knows today's date for sure.
  fill(container, demoIdNumber('320613', '2011-06-01', 56))
  fireEvent.click(screen.getByText('保存并开始使用'))
  expect(await screen.findByText(/⚠ .*16/)).toBeTruthy()
  expect(screen.getByText('请修改：身份证号')).toBeTruthy()
  await waitFor(() => expect(scrolls).toContain('.field-error'))
  expect(navigations).toEqual([])
})

test('an ID number bound to another account: said under the field, with what can be done and 12348 to call', async () => {
  resetTaroStub()
  const taken = demoIdNumber('320613', '1990-10-10', 57)
  await signInDemo(`component-owner-${Date.now()}`)
  await api.user.saveProfile(validProfile(57, { idNumber: taken }))
  await signInDemo(`component-second-${Date.now()}`)
  const { container } = render(<ProfilePage />)
  fill(container, taken)
  fireEvent.click(screen.getByText('保存并开始使用'))
  expect(await screen.findByText(/⚠ 这个身份证号已经绑定了另一个微信账号/)).toBeTruthy()
  expect(screen.getByText('请修改：身份证号')).toBeTruthy()
  await waitFor(() => expect(scrolls).toContain('.field-error'))
  expect(screen.getByText(/请换回那个微信号登录暖新/)).toBeTruthy()
  expect(screen.getByText(/向南通市 崇川区负责暖新的工作人员说明情况/)).toBeTruthy()
  fireEvent.click(screen.getByRole('link', { name: '拨打 12348 公共法律服务热线' }))
  expect(phoneCalls).toEqual(['12348'])
  // Another number: the help goes with the error.
  typeInto(inputByPlaceholder(container, '18 位'), good)
  expect(screen.queryByText(/请换回那个微信号/)).toBeNull()
})
