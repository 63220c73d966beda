import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, navigations, resetTaroStub, toasts } from '../../../../../test/support/taro-stub'
import { formatDateTime } from '~types/format'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import { typeIntoTextarea } from '../../../applications/lib/testing'
import HoursPage from './index'

configure({ asyncUtilTimeout: 3000 })
beforeEach(() => resetTaroStub())

const type = (c: HTMLElement, prefix: string, value: string) => typeInto(inputByPlaceholder(c, prefix), value)

/** A fresh worker in 南通崇川, so no other test's claims count against the year's cap. */
async function newWorker(openid: string) {
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(1, { realName: '钱补录', idNumber: demoIdNumber('320613', '1990-08-18', 3), mobile: '13700004041' }))
  return signInDemo(openid)
}

test('补录 keeps what was typed through a failed submit and a restart, shows the cap, and files a volunteerHours claim', async () => {
  const user = await newWorker(`cmp-vol-hours-${Date.now().toString(36)}`)
  const first = render(<HoursPage />)
  expect(await screen.findByText(/年最多补录 20 小时。已认定 0 小时，还能补录 20 小时/)).toBeTruthy()
  const c = first.container
  type(c, '如 2026-11-28', '2099-01-01')
  type(c, '如 2 或 2.5', '1.3')
  typeIntoTextarea(c, '如 在社区疫苗接种点', '社区疫苗接种点引导')
  type(c, '如 崇川区和平桥街道', '和平桥社区服务中心')
  type(c, '如 和平桥社区', '和平桥社区 张主任')

  // Hours that are not half hours: said under the field, nothing sent.
  fireEvent.click(screen.getByText('提交补录'))
  expect(await screen.findByText('⚠ 时长按半小时填写，如 2 或 2.5')).toBeTruthy()
  type(c, '如 2 或 2.5', '2')
  // A day not yet come: only the server knows today — its refusal lands under the date.
  fireEvent.click(screen.getByText('提交补录'))
  expect(await screen.findByText('⚠ 服务日期不能晚于今天')).toBeTruthy()
  expect(screen.getByText('请修改：服务日期')).toBeTruthy()
  expect(navigations).toEqual([])

  const key = `nx.draft.volunteer.hours.${user.id}`
  expect(getStorageSync(key)).toMatchObject({ value: { date: '2099-01-01', hours: '2', what: '社区疫苗接种点引导', organiser: '和平桥社区 张主任' } })
  first.unmount()
  const second = render(<HoursPage />)
  await screen.findByText(/年最多补录 20 小时。/)
  expect(inputByPlaceholder(second.container, '如 和平桥社区').getAttribute('value')).toBe('和平桥社区 张主任')

  const threeDaysAgo = formatDateTime(Date.now() - 3 * 86_400_000).slice(0, 10)
  type(second.container, '如 2026-11-28', threeDaysAgo)
  fireEvent.click(screen.getByText('提交补录'))
  await waitFor(() => expect(toasts).toEqual(['已提交']))
  expect(navigations[0]).toMatchObject({ kind: 'redirectTo', url: expect.stringMatching(/^\/packages\/applications\/pages\/detail\/index\?id=/) })
  expect(getStorageSync(key)).toBe('')
  const [claim] = (await api.application.listMine({})).filter((a) => a.kind === 'volunteerHours')
  expect(claim.payload).toMatchObject({ date: threeDaysAgo, minutes: 120, what: '社区疫苗接种点引导', place: '和平桥社区服务中心', confirmedMinutes: null })
  expect(await api.volunteer.makeUpQuota({})).toMatchObject({ pendingMinutes: 120, leftMinutes: 1080 })
})
