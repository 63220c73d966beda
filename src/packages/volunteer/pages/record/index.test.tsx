import { configure, fireEvent, render, screen, within } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { navigations, resetTaroStub, toasts } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { routes } from '../../../../routes'
import { signInDemo } from '../../../../store/session'
import RecordPage from './index'

configure({ asyncUtilTimeout: 5000 })

beforeEach(() => resetTaroStub())

test('周小勇’s certificate as a page: number, identity masked, hours, stars, issuer — a new one on request, checkable by number', async () => {
  await signInDemo('demo-rider')
  const before = await api.volunteer.records({})
  render(<RecordPage />)
  const paper = await screen.findByRole('document')
  const latest = before.issued[0]
  expect(within(paper).getByText(`编号：${latest.number}`)).toBeTruthy()
  expect(within(paper).getByText('周小勇')).toBeTruthy()
  expect(within(paper).getByText('居民身份证')).toBeTruthy()
  expect(within(paper).getByText(/^320\*{11}\d{3}[\dX]$/)).toBeTruthy()
  expect(within(paper).getAllByText('南通市崇川区新就业群体志愿服务站').length).toBe(2)
  expect(within(paper).getByText(/^累计 [\d.]+ 小时$/)).toBeTruthy()
  expect(screen.getByText('下载 PDF')).toBeTruthy()
  expect(screen.getByText('打印')).toBeTruthy()

  fireEvent.click(screen.getByText('按现在的时长再出具一份'))
  await screen.findByText('出具过的证明')
  expect(toasts).toContain('证明已出具')
  const after = await api.volunteer.records({})
  expect(after.issued.length).toBe(before.issued.length + 1)
  expect(within(screen.getByRole('document')).getByText(`编号：${after.issued[0].number}`)).toBeTruthy()
  fireEvent.click(screen.getByText('核验这份证明'))
  expect(navigations.pop()).toEqual({ kind: 'navigateTo', url: `${routes.volunteerRecordVerify}?number=${after.issued[0].number}` })
})

test('no confirmed hours yet: the page says so, and asking for a certificate explains why not', async () => {
  const openid = `cmp-record-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(73, { idNumber: demoIdNumber('320613', '1991-01-01', 73), mobile: '13900000073' }))
  await signInDemo(openid)
  render(<RecordPage />)
  expect(await screen.findByText('累计 0 小时')).toBeTruthy()
  expect(screen.getByText('尚未达到星级')).toBeTruthy()
  expect(screen.getByText('再服务 100 小时升到一星（累计满 100 小时）')).toBeTruthy()
  fireEvent.click(screen.getByText('出具志愿服务记录证明'))
  expect(await screen.findByText(/还没有经过确认的志愿服务时长，暂时不能出具记录证明/)).toBeTruthy()
  expect(screen.queryByRole('document')).toBeNull()
})
