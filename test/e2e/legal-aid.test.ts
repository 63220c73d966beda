import type { Page } from 'playwright-core'
import type { ApplicationView } from '~types/application.schema'
import { desktopContext, e2eSession, phoneContext } from './browser'
import { TINY_PDF } from '../support/files'

/**
 * The legal-aid loop in a real browser: a reviewer at a desk works the request from the queue; the rider on a phone
 * sees the decision. Screenshots in test-results/e2e/.
 */
const e2e = e2eSession()

const field = (page: Page, placeholder: string) => page.locator(`textarea[placeholder^="${placeholder}"], input[placeholder^="${placeholder}"]`)

async function signIn(page: Page, label: RegExp) {
  await page.goto(e2e.server.url)
  await page.getByText(label).click()
}

test('a reviewer at a desk starts, asks for more, and approves; the rider sees the decision on the phone', async () => {
  const rider = await e2e.server.login('demo-rider')
  const filed = await e2e.server.call<ApplicationView>('legalAid', 'submit', {
    caseType: 'wages',
    otherParty: { kind: 'platform', name: '某某外卖配送站' },
    amountFen: 386000,
    facts: '8 月在配送站跑单 26 天，站点至今没有结算工资。',
    urgent: { limitationEndsSoon: false, preservationNeeded: true },
    attachments: [],
  }, { token: rider })
  if (!filed.body.ok) throw new Error(JSON.stringify(filed.body.error))
  const caseNo = filed.body.data.caseNo

  const desk = await (await desktopContext(e2e.browser)).newPage()
  await signIn(desk, /^顾敏 · 工作人员/)
  await desk.getByText('工作台', { exact: true }).click()
  await desk.getByText(caseNo).waitFor()
  await e2e.shot(desk, '10-workbench-queue-desk')
  await desk.getByText(caseNo).click()
  await desk.getByRole('button', { name: '开始审核' }).click()
  await desk.getByRole('button', { name: '要求补充材料' }).click()
  await field(desk, '如：8 月的跑单记录截图').fill('8 月跑单记录截图和站点排班表')
  await desk.getByRole('button', { name: '发送补充要求' }).click()
  await desk.getByText(/暂停计时/).first().waitFor()

  const answered = await e2e.server.call('application', 'supplement', { id: filed.body.data.id, note: '已补充 8 月跑单记录截图', attachments: [] }, { token: rider })
  expect(answered.body.ok).toBe(true)
  await desk.reload()
  await desk.getByRole('button', { name: '批准', exact: true }).click()
  await field(desk, '如：崇川区法律援助中心').fill('崇川区法律援助中心 王律师')
  await field(desk, '如：0513-85000000').fill('0513-85000000')
  await desk.getByRole('button', { name: '确认批准' }).click()
  await desk.getByText('决定：批准').waitFor()
  await e2e.shot(desk, '11-workbench-approved-desk')

  const phone = await (await phoneContext(e2e.browser)).newPage()
  await signIn(phone, /^周小勇/)
  await phone.locator('.taro-tabbar__tabbar').getByText('消息').click()
  await phone.getByText('法律援助申请已批准').waitFor()
  await e2e.shot(phone, '12-rider-inbox-approved')
}, 90_000)

test('a rider files from the phone with a PDF, then answers a request for materials from the phone', async () => {
  const pdf = TINY_PDF
  const phone = await (await phoneContext(e2e.browser)).newPage()
  await signIn(phone, /^周小勇/)
  await phone.getByText('法律援助', { exact: true }).click()
  await phone.getByText('被拖欠工资', { exact: true }).click()
  await phone.getByText('平台', { exact: true }).click()
  await field(phone, '如 某某外卖配送站').fill('某某外卖配送站')
  await field(phone, '如 3860 或 3860.50').fill('3860.50')
  await field(phone, '什么时候、在哪里').fill('8 月在配送站跑单 26 天，站点至今没有结算工资，负责人电话不接。')
  const [chooser] = await Promise.all([phone.waitForEvent('filechooser'), phone.getByText('＋ 选 PDF 文件').click()])
  await chooser.setFiles({ name: '工资条.pdf', mimeType: 'application/pdf', buffer: pdf })
  await phone.getByText(/✓ 已上传 · PDF/).waitFor()
  await e2e.shot(phone, '13-rider-apply')
  await phone.getByText('提交申请', { exact: true }).click()
  await phone.getByText('什么时候有结果').waitFor()
  await e2e.shot(phone, '14-rider-filed')
  // The file they sent opens from the request, in a new tab, through its short-lived link. (A headless browser
  // without a PDF viewer downloads it instead of showing it: the tab's request for the link is what counts.)
  const link = /\/api\/files\/f_[0-9a-f]+\?exp=\d+&sig=/
  const [tab, request] = await Promise.all([
    phone.waitForEvent('popup'),
    phone.context().waitForEvent('request', { predicate: (r) => link.test(r.url()) }),
    phone.getByText('工资条.pdf').first().click(),
  ])
  expect(Buffer.from(await (await fetch(request.url())).arrayBuffer())).toEqual(pdf)
  await tab.close()

  const rider = await e2e.server.login('demo-rider')
  const mine = await e2e.server.call<ApplicationView[]>('application', 'listMine', {}, { token: rider })
  if (!mine.body.ok) throw new Error('listMine failed')
  const filed = mine.body.data[0]
  expect(filed).toMatchObject({ status: 'submitted', payload: { amountFen: 386050 } })
  expect(filed.attachments).toHaveLength(1)

  const staff = await e2e.server.login('demo-staff-nantong')
  const started = await e2e.server.call<{ version: number }>('application', 'startReview', { id: filed.id, version: 1 }, { token: staff })
  if (!started.body.ok) throw new Error('startReview failed')
  await e2e.server.call('application', 'requestMore', { id: filed.id, version: started.body.data.version, missing: '请补充站点排班表' }, { token: staff })

  // Back to 我的 the way a rider would after the inbox message: reopen the app (same phone, same sign-in),
  // 我的 → 我的申请. A hash jump inside the old page would race Taro's unload of the detail page still on screen.
  const device = phone.context()
  await phone.close()
  const reopened = await device.newPage()
  await reopened.goto(`${e2e.server.url}/#/pages/me/index`)
  await reopened.getByText('我的申请', { exact: true }).click()
  await reopened.getByRole('listitem').filter({ hasText: filed.caseNo }).click()
  await reopened.getByText(/请补充站点排班表/).first().waitFor()
  await field(reopened, '说说补充了什么').fill('补上了站点排班表照片')
  await reopened.getByRole('button', { name: '提交补充材料' }).click()
  await reopened.getByText(/已补充材料/).first().waitFor()
  await e2e.shot(reopened, '15-rider-supplemented')
  const after = await e2e.server.call<ApplicationView>('application', 'getMine', { id: filed.id }, { token: rider })
  expect(after.body).toMatchObject({ ok: true, data: { status: 'resubmitted' } })
}, 90_000)
