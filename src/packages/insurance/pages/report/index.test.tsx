import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, modalAnswers, modals, navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import ReportPage from './index'

configure({ asyncUtilTimeout: 3000 })

beforeEach(() => resetTaroStub())

/** A Taro input or textarea by the start of its placeholder. */
function field(container: HTMLElement, prefix: string): Element {
  const el = [...container.querySelectorAll('taro-input-core, taro-textarea-core')].find((e) => (e.getAttribute('placeholder') ?? '').startsWith(prefix))
  if (!el) throw new Error(`no field with placeholder "${prefix}…"`)
  return el
}

/** A new 美团 rider in 南通崇川: covered by the pilot through the platform (a fresh one, so no other test's claims). */
async function newRider(openid: string) {
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(1, { realName: '骆报案', idNumber: demoIdNumber('320613', '1991-03-03', 1), mobile: '13700003031' }))
  return signInDemo(openid)
}

test('一键报案 keeps what was typed through a failed send and a restart, and files with time, place, what and body part', async () => {
  const user = await newRider(`cmp-ins-report-${Date.now().toString(36)}`)
  const first = render(<ReportPage />)
  await screen.findByText('报案用：新就业形态就业人员职业伤害保障（江苏）')
  // The time is now, already filled in; only one scheme covers him, so no picker.
  expect(screen.queryByText('用哪个保障报案')).toBeNull()
  typeInto(field(first.container, '路口、小区或店名'), '工农路和青年路路口')
  fireEvent.click(screen.getByText('腿'))
  // Location is asked for first, and declining leaves the place to type.
  modalAnswers.push(false)
  fireEvent.click(screen.getByText('用当前位置'))
  expect(await screen.findByText(/请在上面写一下地点/)).toBeTruthy()
  expect(modals[0].content).toMatch(/只用来填写受伤地点/)
  fireEvent.click(screen.getByText('报案'))
  // Nothing said about what happened: the schema says so under that field, and nothing is filed.
  expect(await screen.findByText(/请说一下发生了什么/)).toBeTruthy()
  expect(screen.getByText('请修改：发生了什么')).toBeTruthy()
  expect(navigations).toEqual([])
  // Typing there takes the error and the summary away: they were about the empty box, not the new words.
  typeInto(field(first.container, '一两句话就行'), '送')
  await waitFor(() => expect(screen.queryByText(/请说一下发生了什么/)).toBeNull())
  expect(screen.queryByText('请修改：发生了什么')).toBeNull()
  expect(getStorageSync(`nx.draft.insurance.report.${user.id}`)).toMatchObject({ value: { place: '工农路和青年路路口', bodyPart: 'leg' } })

  first.unmount()
  const second = render(<ReportPage />)
  await screen.findByText('报案用：新就业形态就业人员职业伤害保障（江苏）')
  expect(field(second.container, '路口、小区或店名').getAttribute('value')).toBe('工农路和青年路路口')
  expect(screen.getByText('✓ 腿')).toBeTruthy()
  typeInto(field(second.container, '一两句话就行'), '送餐路上被电动车撞倒，右腿擦伤')
  fireEvent.click(screen.getByText('报案'))
  await waitFor(() => expect(navigations[0]).toMatchObject({ kind: 'redirectTo', url: expect.stringMatching(/^\/packages\/applications\/pages\/detail\/index\?id=/) }))
  expect(getStorageSync(`nx.draft.insurance.report.${user.id}`)).toBe('')
  const [claim] = (await api.application.listMine({})).filter((a) => a.kind === 'injuryClaim')
  expect(claim.payload).toMatchObject({ schemeKey: 'jiangsu-pilot', place: { text: '工农路和青年路路口' }, bodyPart: 'leg', hospital: null, advance: { requestedFen: 0 } })
})
