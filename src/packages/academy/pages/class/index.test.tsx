import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { OfferInput } from '~types/academy.schema'
import type { ReviewView } from '~types/application.schema'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { modalAnswers, modals, navigations, resetTaroStub, setRouterParams, toasts } from '../../../../../test/support/taro-stub'
import { api, newRequestId } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import ClassPage from './index'

configure({ asyncUtilTimeout: 4000 })
beforeEach(() => resetTaroStub())
afterEach(() => jest.restoreAllMocks())

const STAFF = 'demo-staff-wuxi-academy' // 林芳, academy of 无锡梁溪
const BIRTH = '1991-11-21'
const region = (name: string) => screen.getByRole('region', { name })

const COURSE: OfferInput = {
  type: 'skill',
  title: '',
  provider: '梁溪区职业技能培训中心',
  district: '320213',
  cityWide: false,
  description: '两次课。',
  occupation: '快递员',
  skillLevel: 5,
  leadsTo: '快递员五级证书',
  enrolUntil: '2099-12-01',
  seats: 2,
  sessions: [
    { date: '2099-12-05', start: '09:00', end: '12:00', online: false, place: '梁溪区解放西路 168 号' },
    { date: '2099-12-12', start: '09:00', end: '12:00', online: false, place: '梁溪区解放西路 168 号' },
  ],
}

/** A published course of 梁溪 with `names` enrolled (each a new worker of 梁溪), approved unless `seatedOnly`. */
async function classWith(title: string, names: string[], seq0: number, approve = names.length) {
  await signInDemo(STAFF)
  const draft = await api.academy.saveOffer({ ...COURSE, title, seats: names.length + 1 }, { requestId: newRequestId() })
  await api.academy.setOfferStatus({ id: draft.id, status: 'published' }, { requestId: newRequestId() })
  const apps: string[] = []
  for (const [i, realName] of names.entries()) {
    await signInDemo(`cls-${seq0 + i}-${Date.now().toString(36)}`)
    await api.user.saveProfile(validProfile(seq0 + i, { realName, districtCode: '320213', idNumber: demoIdNumber('320213', BIRTH, seq0 + i), mobile: `1390000${String(seq0 + i).padStart(4, '0')}` }))
    apps.push((await api.academy.enrol({ offerId: draft.id, attachments: [] }, { requestId: newRequestId() })).id)
  }
  await signInDemo(STAFF)
  for (const id of apps.slice(0, approve)) {
    let seen: ReviewView = await api.application.detail({ id })
    seen = await api.application.startReview({ id, version: seen.version })
    await api.application.approve({ id, version: seen.version, details: {} })
  }
  setRouterParams({ id: draft.id })
  return { offerId: draft.id, apps }
}

test('the attendance form sends who came and who did not, and the class list shows it per session', async () => {
  const { offerId } = await classWith('快递员五级 出勤测试班', ['钱甲', '钱乙', '钱丙'], 1, 2)
  render(<ClassPage />)
  const list = await screen.findByRole('list', { name: '学员' })
  expect(within(list).getAllByRole('listitem').map((r) => r.getAttribute('aria-label'))).toEqual(['钱甲', '钱乙', '钱丙'])
  expect(within(within(list).getByRole('listitem', { name: '钱丙' })).getByText('已占名额，待审核录取')).toBeTruthy()
  // Each row opens its application in the workbench.
  fireEvent.click(within(within(list).getByRole('listitem', { name: '钱甲' })).getByText('查看报名申请 ›'))
  expect(navigations[0].url).toMatch(/^\/packages\/workbench\/pages\/detail\/index\?id=/)

  const form = region('记出勤')
  // Only the admitted can be marked; the seated one waits for review.
  expect(within(form).queryByText(/钱丙/)).toBeNull()
  const roster = await api.academy.roster({ offerId })
  const idOf = (name: string) => roster.rows.find((r) => r.name === name)!.enrolmentId
  const sent: unknown[] = []
  const realFetch = globalThis.fetch
  jest.spyOn(globalThis, 'fetch').mockImplementation((url, init) => {
    const body = JSON.parse(String(init?.body ?? '{}'))
    if (body.action === 'recordAttendance') sent.push(body.data)
    return realFetch(url, init)
  })
  fireEvent.click(within(form).getByText('钱甲'))
  fireEvent.click(within(form).getByText('记录第 1 次课的出勤（到 1 人，缺 1 人）'))
  await waitFor(() => expect(toasts).toEqual(['出勤已记录']))
  expect(sent).toEqual([{ offerId, sessionId: roster.offer.sessions[0].id, present: [idOf('钱甲')], absent: [idOf('钱乙')] }])
  expect(await within(region('记出勤')).findByText(/已记录第 1 次课：到课 1 人，缺课 1 人/)).toBeTruthy()
  const row = (name: string) => within(screen.getByRole('list', { name: '学员' })).getByRole('listitem', { name })
  await waitFor(() => expect(within(row('钱甲')).getByText('1. ✓ 到')).toBeTruthy())
  expect(within(row('钱乙')).getByText('1. × 缺')).toBeTruthy()
  expect(within(row('钱乙')).getByText('2. — 未记')).toBeTruthy()
  expect(within(row('钱甲')).getByText('到课 1 次，未记 1 次')).toBeTruthy()

  // The second session, everyone came.
  fireEvent.click(within(region('记出勤')).getByText(/^✓? ?第 2 次/))
  fireEvent.click(within(region('记出勤')).getByText('全部到课'))
  fireEvent.click(within(region('记出勤')).getByText('记录第 2 次课的出勤（到 2 人，缺 0 人）'))
  await waitFor(() => expect(toasts).toEqual(['出勤已记录', '出勤已记录']))
  expect(sent[1]).toEqual({ offerId, sessionId: roster.offer.sessions[1].id, present: [idOf('钱甲'), idOf('钱乙')], absent: [] })
})

test('未到课 asks first and gives the seat up; 结业 and 发证 show who got what and who did not', async () => {
  const { offerId } = await classWith('快递员五级 结业测试班', ['孙甲', '孙乙', '孙丙'], 11)
  await signInDemo(STAFF)
  const roster = await api.academy.roster({ offerId })
  const idOf = (name: string) => roster.rows.find((r) => r.name === name)!.enrolmentId
  // 孙甲 came to both; 孙乙 to one (80% of 2 is 2); 孙丙 never.
  await api.academy.recordAttendance({ offerId, sessionId: roster.offer.sessions[0].id, present: [idOf('孙甲'), idOf('孙乙')], absent: [idOf('孙丙')] }, { requestId: newRequestId() })
  await api.academy.recordAttendance({ offerId, sessionId: roster.offer.sessions[1].id, present: [idOf('孙甲')], absent: [idOf('孙乙'), idOf('孙丙')] }, { requestId: newRequestId() })
  render(<ClassPage />)
  const row = (name: string) => within(screen.getByRole('list', { name: '学员' })).getByRole('listitem', { name })
  await screen.findByRole('list', { name: '学员' })

  // Cancelled: nothing happens. Confirmed: released, the seat given up.
  modalAnswers.push(false)
  fireEvent.click(within(row('孙丙')).getByText('未到课'))
  await waitFor(() => expect(modals).toHaveLength(1))
  expect(modals[0].title).toBe('孙丙 未到课？')
  expect(within(row('孙丙')).getByText('已录取')).toBeTruthy()
  fireEvent.click(within(row('孙丙')).getByText('未到课'))
  expect(await within(row('孙丙')).findByText('已退出（未到课，名额已让出）')).toBeTruthy()
  expect(toasts).toEqual(['已标记未到课'])

  fireEvent.click(within(region('结业')).getByText('按出勤结业'))
  expect(await within(region('结业')).findByText('✓ 结业 1 人：孙甲')).toBeTruthy()
  expect(within(region('结业')).getByText('⚠ 出勤不够（要 2 次），暂不结业 1 人：孙乙（到课 1 次）')).toBeTruthy()
  expect(modals[2].content).toMatch(/出勤至少 2 次的结业/)

  // Only the completed are offered; a certificate number comes back with the name.
  const issue = region('发证')
  await waitFor(() => expect(within(region('发证')).getByText('孙甲（已结业）')).toBeTruthy())
  expect(within(issue).queryByText(/孙乙/)).toBeNull()
  fireEvent.click(within(region('发证')).getByText('发证（0 人）'))
  expect(await within(region('发证')).findByText('⚠ 请选择要发证的学员')).toBeTruthy()
  fireEvent.click(within(region('发证')).getByText('全选'))
  fireEvent.click(within(region('发证')).getByText('发证（1 人）'))
  const number = await within(region('发证')).findByText(/^孙甲：S0326\d{17}$/)
  expect(within(row('孙甲')).getByText(`证书编号 ${number.textContent!.slice(3)}`)).toBeTruthy()
})
