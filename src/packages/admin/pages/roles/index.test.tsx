import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { modalAnswers, modals, resetTaroStub, toasts } from '../../../../../test/support/taro-stub'
import RolesPage from './index'

const NAME = '林授权'

beforeEach(() => resetTaroStub())

/** A fresh worker with a complete profile, then back to the admin. */
async function newWorkerThenAdmin() {
  await signInDemo(`roles-test-${Date.now()}`)
  await api.user.saveProfile(validProfile(1, { realName: NAME, mobile: '13712340001', districtCode: '320581', idNumber: demoIdNumber('320581', '1992-04-05', 1) }))
  await signInDemo('demo-admin')
}

const click = (text: string, scope: HTMLElement = document.body) => fireEvent.click(within(scope).getByText(text))

/** The staff list's entry for one person, once it shows. */
async function staffEntry(name: string) {
  const list = await screen.findByRole('list', { name: '现有工作人员' })
  return waitFor(() => {
    const item = within(list).getAllByRole('listitem').find((li) => within(li).queryByText(name))
    if (!item) throw new Error(`${name} is not in the staff list`)
    return item
  })
}

test('an admin finds a worker, grants a district with services, then revokes it', async () => {
  await newWorkerThenAdmin()
  render(<RolesPage />)
  await staffEntry('顾敏')

  fireEvent.input(document.querySelector('input')!, { target: { value: NAME } })
  click('查找')
  const results = await screen.findByRole('list', { name: '查找结果' })
  expect(within(results).getByText('137****0001 · 苏州市 常熟市')).toBeTruthy()
  click('选择', results)

  // Nothing chosen yet: the errors appear under the fields they belong to.
  click('授权')
  expect(await screen.findByText(/请先选择城市，再选区县/)).toBeTruthy()
  expect(screen.getByText(/至少选择一项服务/)).toBeTruthy()

  click('苏州市')
  click('张家港市')
  click('法律援助')
  click('暖心驿站')
  click('授权')
  await waitFor(() => expect(toasts).toContain('已授权'))
  const entry = await staffEntry(NAME)
  expect(within(entry).getByText('苏州市 张家港市')).toBeTruthy()
  expect(within(entry).getByText('法律援助、暖心驿站')).toBeTruthy()

  // A cancelled confirmation changes nothing.
  modalAnswers.push(false)
  click('撤销', entry)
  await waitFor(() => expect(modals).toHaveLength(1))
  expect(modals[0].content).toContain('苏州市 张家港市')
  expect(toasts).not.toContain('已撤销')

  modalAnswers.push(true)
  click('撤销', entry)
  await waitFor(() => expect(toasts).toContain('已撤销'))
  const list = screen.getByRole('list', { name: '现有工作人员' })
  await waitFor(() => expect(within(list).queryByText(NAME)).toBeNull())
  expect(within(list).getByText('顾敏')).toBeTruthy()
})

test('someone who is not an admin sees that they have no permission', async () => {
  await signInDemo('demo-staff-wuxi')
  render(<RolesPage />)
  expect(await screen.findByText(/没有权限/)).toBeTruthy()
  expect(screen.getByText(/人员授权只对管理员开放/)).toBeTruthy()
  expect(screen.queryByText('现有工作人员')).toBeNull()
})
