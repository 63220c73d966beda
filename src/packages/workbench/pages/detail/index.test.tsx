import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { api, newRequestId } from '../../../../api/client'
import { getToken } from '../../../../api/token'
import { demoIdNumber } from '../../../../../server/demo-id'
import { validProfile } from '../../../../../test/support/profiles'
import { signInDemo } from '../../../../store/session'
import { getStorageInfoSync, resetTaroStub, scrolls, toasts } from '../../../../../test/support/taro-stub'
import { typeInto } from '../../../../../test/support/taro-events'
import { WAGES, fileAsNewWorker } from '../../lib/testing'
import DetailPage from './index'
import { TINY_PDF } from '../../../../../test/support/files'

configure({ asyncUtilTimeout: 3000 })

const BIRTH = '1988-08-08'

/** A Taro input or textarea by the start of its placeholder. */
function field(prefix: string): Element {
  const el = [...document.querySelectorAll('taro-input-core, taro-textarea-core')].find((e) => (e.getAttribute('placeholder') ?? '').startsWith(prefix))
  if (!el) throw new Error(`no field with placeholder "${prefix}…"`)
  return el
}
const button = (name: string) => screen.getByRole('button', { name })
const region = (name: string) => screen.getByRole('region', { name })
/** Waits for a toast, failing cheaply (never printing DOM nodes) while it has not come. */
const toast = (title: string) =>
  waitFor(() => {
    if (!toasts.includes(title)) throw new Error(`no toast "${title}" yet: ${toasts.join(', ')}`)
  })

async function openAsNantongStaff(id: string) {
  resetTaroStub({ id }) // clears storage, the session token with it: sign in after
  await signInDemo('demo-staff-nantong')
  return render(<DetailPage />)
}

test('the reviewer reads the request and the masked applicant, starts review, asks for more, then approves', async () => {
  const { filed, idNumber, openid } = await fileAsNewWorker('蒋详情', BIRTH, 1)
  const page = await openAsNantongStaff(filed.id)

  expect(await screen.findByText(filed.caseNo)).toBeTruthy()
  const request = region('申请内容')
  expect(within(request).getByText('被拖欠工资')).toBeTruthy()
  expect(within(request).getByText('平台：某某外卖配送站')).toBeTruthy()
  expect(within(request).getByText('3,860 元')).toBeTruthy()
  expect(within(request).getByText(/需要紧急申请财产保全/)).toBeTruthy()
  expect(within(request).getByText(/免予经济困难审查/)).toBeTruthy()
  const applicant = region('申请人')
  expect(within(applicant).getByText('蒋详情')).toBeTruthy()
  expect(within(applicant).getByText(`${idNumber.slice(0, 3)}${'*'.repeat(11)}${idNumber.slice(14)}`)).toBeTruthy()
  expect(document.body.textContent).not.toContain(idNumber)
  expect(within(region('审查期限')).getByText(/计时中/)).toBeTruthy()
  expect(within(region('办理记录')).getByText('提交申请')).toBeTruthy()

  // Before review only 开始审核 and 延长期限 are offered. Two fast clicks take the step once.
  expect(screen.queryByRole('button', { name: '批准' })).toBeNull()
  fireEvent.click(button('开始审核'))
  fireEvent.click(screen.getByRole('button', { name: /开始审核|正在开始…/ }))
  await toast('已开始审核')
  await screen.findByRole('button', { name: '批准' })
  expect(within(region('办理记录')).getAllByText('开始审核')).toHaveLength(1)
  expect(screen.queryByRole('button', { name: '开始审核' })).toBeNull()

  // In review, 批准 is the solid next step.
  expect(button('批准').className).toContain('action-button--primary')
  // Asking for more: the form opens below the steps and comes into view; the reason is required, and the error
  // sits under its field.
  scrolls.length = 0
  fireEvent.click(button('要求补充材料'))
  await waitFor(() => expect(scrolls).toEqual(['.step-form']))
  fireEvent.click(button('发送补充要求'))
  expect(await screen.findByText('⚠ 请写明还缺哪些材料（至少 4 个字）')).toBeTruthy()
  typeInto(field('如：8 月的跑单记录截图'), '8 月跑单记录截图和站点排班表')
  expect(screen.queryByText('⚠ 请写明还缺哪些材料（至少 4 个字）')).toBeNull()
  fireEvent.click(button('发送补充要求'))
  await toast('已要求补充')
  expect(await within(region('审查期限')).findByText(/暂停计时，恢复后还剩 \d+ 个工作日/)).toBeTruthy()
  expect(within(region('申请内容')).getByText('8 月跑单记录截图和站点排班表')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '批准' })).toBeNull()

  // The worker answers; the reviewer opens it again and approves.
  page.unmount()
  await signInDemo(openid)
  await api.application.supplement({ id: filed.id, note: '已上传 8 月跑单记录截图', attachments: [] })
  await openAsNantongStaff(filed.id)
  // After a supplement the usual next step is to read it: 开始审核 is the solid one; a decision stays possible.
  expect((await screen.findByRole('button', { name: '开始审核' })).className).toContain('action-button--primary')
  expect(button('批准').className).toContain('action-button--secondary')
  expect(button('不予批准').className).toContain('action-button--danger')
  expect(screen.getByText(/申请人已补充材料。请先开始审核/)).toBeTruthy()
  // Who did what: the colleague's name beside each staff step; the applicant as 申请人.
  const trail = region('办理记录')
  expect(within(trail).getAllByText(/· 工作人员 顾敏$/)).toHaveLength(2)
  expect(within(trail).getAllByText(/· 申请人$/)).toHaveLength(2)
  fireEvent.click(button('批准'))
  await waitFor(() => expect(scrolls).toContain('.step-form'))
  fireEvent.click(button('确认批准'))
  expect(await screen.findByText('⚠ 请填写承办的法律援助机构或律师')).toBeTruthy()
  typeInto(field('如：崇川区法律援助中心'), '崇川区法律援助中心 王律师')
  typeInto(field('如：0513-85000000'), '0513-85000000')
  fireEvent.click(button('确认批准'))
  await toast('已批准')
  expect(await screen.findByText('决定：批准')).toBeTruthy()
  expect(within(region('审查期限')).getByText(/已批准，不再计时/)).toBeTruthy()
  // Approved: 办结 is what is left, once the matter is done.
  expect(within(region('办理')).getByText(/已批准。事情办完（如案件结案）后点“办结”/)).toBeTruthy()
  fireEvent.click(button('办结'))
  typeInto(field('如：已由援助律师代理'), '已由援助律师代理，调解结案')
  fireEvent.click(button('确认办结'))
  await toast('已办结')
  expect(within(region('审查期限')).getByText(/已办结，不再计时/)).toBeTruthy()
  expect(within(region('办理')).getByText('这份申请已办结，不需要再办理。')).toBeTruthy()
  expect(within(region('办理记录')).getByText('办结')).toBeTruthy()
  expect(within(region('办理记录')).getByText('已由援助律师代理，调解结案')).toBeTruthy()
})

test('a stale view: someone else acted first, the server says so and the page reloads', async () => {
  const { filed } = await fileAsNewWorker('蒋冲突', BIRTH, 2)
  await openAsNantongStaff(filed.id)
  await screen.findByRole('button', { name: '开始审核' })
  // A colleague starts the review from another desk.
  await api.application.startReview({ id: filed.id, version: filed.version })
  fireEvent.click(button('开始审核'))
  expect(await screen.findByText(/没有办理成功：这份申请刚被其他人处理过/)).toBeTruthy()
  await screen.findByRole('button', { name: '批准' })
  expect(screen.queryByRole('button', { name: '开始审核' })).toBeNull()
  expect(within(region('办理记录')).getAllByText('开始审核')).toHaveLength(1)
})

test('staff of another district cannot open it', async () => {
  const { filed } = await fileAsNewWorker('蒋外区', BIRTH, 3)
  resetTaroStub({ id: filed.id })
  await signInDemo('demo-staff-wuxi')
  render(<DetailPage />)
  expect(await screen.findByText(/没有找到这份申请/)).toBeTruthy()
  expect(screen.queryByText('蒋外区')).toBeNull()
})

test('the reviewer sees each attachment by name and size, and a tap opens the file itself', async () => {
  const pdf = TINY_PDF
  await signInDemo(`wb-attach-${Date.now().toString(36)}`)
  await api.user.saveProfile(validProfile(4, { realName: '蒋附件', idNumber: demoIdNumber('320613', BIRTH, 4), mobile: '13700000004' }))
  const up = await fetch(`${NUANXIN_API_BASE}/api/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${getToken()}`, 'x-file-name': encodeURIComponent('工资条.pdf') },
    body: pdf,
  })
  const { data: file } = (await up.json()) as { data: { fileId: string } }
  const filed = await api.legalAid.submit({ ...WAGES, attachments: [file.fileId] }, { requestId: newRequestId() })

  // The browser's new tab: opened within the tap, then sent to the file's link.
  const tab = { opener: window as Window | null, location: { href: '' }, close: () => undefined }
  const open = jest.spyOn(window, 'open').mockImplementation(() => tab as unknown as Window)
  try {
    await openAsNantongStaff(filed.id)
    const attachments = await screen.findByRole('region', { name: '附件（1）' })
    expect(within(attachments).getByText('工资条.pdf')).toBeTruthy()
    expect(within(attachments).getByText('1 KB · 点一下打开')).toBeTruthy()
    fireEvent.click(within(attachments).getByText('工资条.pdf'))
    fireEvent.click(within(attachments).getByText('工资条.pdf')) // a double tap opens it once
    await waitFor(() => expect(tab.location.href).toMatch(/\/api\/files\//))
    expect(open).toHaveBeenCalledTimes(1)
    expect(tab.opener).toBeNull()
    const res = await fetch(tab.location.href)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf)
  } finally {
    open.mockRestore()
  }
})

test('the files that came with an answer are listed under it, apart from those filed, each once', async () => {
  const upload = async (name: string) => {
    const res = await fetch(`${NUANXIN_API_BASE}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${getToken()}`, 'x-file-name': encodeURIComponent(name) },
      body: TINY_PDF,
    })
    return ((await res.json()) as { data: { fileId: string } }).data.fileId
  }
  const openid = `wb-answer-${Date.now().toString(36)}`
  await signInDemo(openid)
  await api.user.saveProfile(validProfile(6, { realName: '蒋补件', idNumber: demoIdNumber('320613', BIRTH, 6), mobile: '13700000006' }))
  const filed = await api.legalAid.submit({ ...WAGES, attachments: [await upload('工资条.pdf')] }, { requestId: newRequestId() })
  await signInDemo('demo-staff-nantong')
  const started = await api.application.startReview({ id: filed.id, version: filed.version })
  await api.application.requestMore({ id: filed.id, version: started.version, missing: '请补充站点排班表' })
  await signInDemo(openid)
  // The answer brings a new file and the one already filed again: it must not show twice.
  const filedId = filed.attachments[0].fileId
  await api.application.supplement({ id: filed.id, note: '', attachments: [await upload('排班表.pdf'), filedId] })

  await openAsNantongStaff(filed.id)
  const attachments = await screen.findByRole('region', { name: '附件（1）' })
  expect(within(attachments).getByText('工资条.pdf')).toBeTruthy()
  expect(within(attachments).getByText(/这次补充材料新发来的 1 个文件在“申请内容”的补充材料下/)).toBeTruthy()
  const request = region('申请内容')
  expect(within(request).getByText('随这次答复发来的文件（2）')).toBeTruthy()
  expect(within(request).getByText('排班表.pdf')).toBeTruthy()
  expect(within(request).getByText('另有 1 个是申请时已提交过的文件，列在“附件”里。')).toBeTruthy()
  expect(within(request).getByText('（只发了文件，没有写说明）')).toBeTruthy()
  expect(screen.getAllByText('工资条.pdf')).toHaveLength(1)
  expect(screen.getAllByText('排班表.pdf')).toHaveLength(1)
})

test('a half-written decision survives a failed send and a reload, and is gone once the step is taken', async () => {
  const { filed } = await fileAsNewWorker('蒋草稿', BIRTH, 5)
  let page = await openAsNantongStaff(filed.id)
  fireEvent.click(await screen.findByRole('button', { name: '开始审核' }))
  await toast('已开始审核')
  fireEvent.click(await screen.findByRole('button', { name: '不予批准' }))
  // Too short: refused, answered under the field; what was typed stays.
  typeInto(field('请写明理由和依据'), '不符')
  fireEvent.click(button('确认不予批准'))
  expect(await screen.findByText(/请写明不予批准的理由，至少 4 个字/)).toBeTruthy()
  expect(field('请写明理由和依据').getAttribute('value')).toBe('不符')
  typeInto(field('请写明理由和依据'), '经核实，申请人与对方不存在劳动关系，且已另行起诉')

  // The tab reloads (or the reviewer comes back later): the reason is still there.
  page.unmount()
  page = render(<DetailPage />)
  // A second step half-written too: it must not come back once the application is decided.
  fireEvent.click(await screen.findByRole('button', { name: '延长期限' }))
  typeInto(field('如：案情复杂'), '需要向站点核实排班')
  fireEvent.click(screen.getByRole('button', { name: '不予批准' }))
  expect(field('请写明理由和依据').getAttribute('value')).toBe('经核实，申请人与对方不存在劳动关系，且已另行起诉')
  fireEvent.click(button('确认不予批准'))
  await toast('已不予批准')
  expect(getStorageInfoSync().keys.filter((k) => k.includes(`review.${filed.id}`))).toEqual([])
  page.unmount()
})
