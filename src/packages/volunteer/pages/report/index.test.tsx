import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { demoIdNumber } from '../../../../../server/demo-id'
import { tinyPng } from '../../../../../server/demo-files'
import { validProfile } from '../../../../../test/support/profiles'
import { typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, modalAnswers, modals, navigations, resetTaroStub, setStorageSync } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { getToken } from '../../../../api/token'
import { signInDemo } from '../../../../store/session'
import { reportDraftKey, type ReportDraft } from '../../lib/report-draft'
import ReportPage from './index'

configure({ asyncUtilTimeout: 3000 })

beforeEach(() => resetTaroStub())
afterEach(() => jest.restoreAllMocks())

/** A Taro input by the start of its placeholder. */
function field(container: HTMLElement, prefix: string): Element {
  const el = [...container.querySelectorAll('taro-input-core, taro-textarea-core')].find((e) => (e.getAttribute('placeholder') ?? '').startsWith(prefix))
  if (!el) throw new Error(`no field with placeholder "${prefix}…"`)
  return el
}

/** A new rider in 南通崇川 (fresh, so no other test's reports). */
async function newRider(openid: string, seq: number) {
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(seq, { realName: '骆随拍', idNumber: demoIdNumber('320613', '1988-10-27', seq), mobile: `1370000305${seq}` }))
  return signInDemo(openid)
}

/** A photo on the server, as the picker leaves it once uploaded. */
async function uploaded(): Promise<{ fileId: string; name: string; size: number }> {
  const res = await fetch(`${process.env.NUANXIN_TEST_API}/api/files`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${getToken()}`, 'x-file-name': encodeURIComponent('井盖.png') }, body: tinyPng() })
  const { data } = (await res.json()) as { data: { fileId: string; name: string; size: number } }
  return { fileId: data.fileId, name: data.name, size: data.size }
}

test('随手拍 says what is missing under each field, and sends nothing', async () => {
  await newRider(`cmp-vr-errors-${Date.now().toString(36)}`, 1)
  render(<ReportPage />)
  await screen.findByText('是什么问题')
  expect(screen.getByText('交给 南通市 崇川区 的志愿服务工作人员处理')).toBeTruthy()
  fireEvent.click(screen.getByText('发送'))
  expect(await screen.findByText(/请选择类别/)).toBeTruthy()
  expect(screen.getByText(/请至少拍一张照片/)).toBeTruthy()
  expect(screen.getByText(/请写明地点/)).toBeTruthy()
  expect(screen.getByText('请修改这 3 项：类别、照片、地点')).toBeTruthy()
  // Declining the location leaves the place to type; nothing is asked of the phone.
  modalAnswers.push(false)
  fireEvent.click(screen.getByText('用当前位置'))
  expect(await screen.findByText(/请在上面写一下地点/)).toBeTruthy()
  expect(modals[0].content).toMatch(/只用来标出问题在哪里/)
  expect((await api.application.listMine({})).filter((a) => a.kind === 'volunteerReport')).toEqual([])
})

test('a draft with its uploaded photo survives a lost answer and a restart, and is filed once', async () => {
  const user = await newRider(`cmp-vr-draft-${Date.now().toString(36)}`, 2)
  const photo = await uploaded()
  // The photo was taken and uploaded before the signal went (the picker keeps only uploaded photos in the draft).
  setStorageSync(reportDraftKey(user.id), { savedAt: Date.now(), value: { photos: [photo] } satisfies Partial<ReportDraft> })
  const first = render(<ReportPage />)
  await screen.findByText('是什么问题')
  expect(screen.getByText('照片 1')).toBeTruthy()
  fireEvent.click(screen.getByText('安全隐患'))
  typeInto(field(first.container, '路口、小区或店名'), '青年路和工农路口')
  typeInto(field(first.container, '如 井盖'), '井盖缺了一块')

  // The report reaches the server, the answer is lost on the way back.
  const realFetch = globalThis.fetch
  jest.spyOn(globalThis, 'fetch').mockImplementationOnce(async (...args: Parameters<typeof fetch>) => {
    await realFetch(...args)
    throw new TypeError('network down')
  })
  fireEvent.click(screen.getByText('发送'))
  expect(await screen.findByText(/照片和内容都还在手机上/)).toBeTruthy()
  const kept = getStorageSync(reportDraftKey(user.id)) as { value: ReportDraft }
  expect(kept.value).toMatchObject({ category: 'hazard', place: '青年路和工农路口', note: '井盖缺了一块', photos: [photo], sent: { id: expect.any(String) } })

  // The app is killed and opened again: everything is still there.
  first.unmount()
  const second = render(<ReportPage />)
  await screen.findByText('是什么问题')
  expect(screen.getByText('✓ 安全隐患')).toBeTruthy()
  expect(screen.getByText('照片 1')).toBeTruthy()
  expect(field(second.container, '路口、小区或店名').getAttribute('value')).toBe('青年路和工农路口')
  fireEvent.click(screen.getByText('发送'))
  expect(await screen.findByText('✓ 已发送')).toBeTruthy()
  expect(screen.getByText(/处理后会告诉您/)).toBeTruthy()
  expect(getStorageSync(reportDraftKey(user.id))).toBe('')

  // One report, with the photo, the place and the line — the retry carried the first send's request id.
  const reports = (await api.application.listMine({})).filter((a) => a.kind === 'volunteerReport')
  expect(reports).toHaveLength(1)
  expect(reports[0]).toMatchObject({ urgent: true, summary: '安全隐患 · 青年路和工农路口', payload: { category: 'hazard', note: '井盖缺了一块', place: { text: '青年路和工农路口' } }, attachments: [expect.objectContaining({ fileId: photo.fileId })] })
  expect(screen.getByText(`编号 ${reports[0].caseNo}`)).toBeTruthy()
  fireEvent.click(screen.getByText('查看处理进度'))
  await waitFor(() => expect(navigations[0]).toEqual({ kind: 'navigateTo', url: `/packages/applications/pages/detail/index?id=${reports[0].id}` }))
})
