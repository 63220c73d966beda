import type { Page } from 'playwright-core'
import type { ApplicationView } from '~types/application.schema'
import { desktopContext, e2eSession, phoneContext } from './browser'
import { TINY_PDF } from '../support/files'

/**
 * The legal-aid loop in a real browser: a reviewer at a desk works the request from the queue; the rider on a phone
 * sees the decision. Screenshots in test-results/e2e/.
 */
const e2e = e2eSession()

const WAGES_E2E = {
  caseType: 'wages',
  otherParty: { kind: 'platform', name: '某某外卖配送站' },
  amountFen: 386000,
  facts: '8 月在配送站跑单 26 天，站点至今没有结算工资。',
  urgent: { limitationEndsSoon: false, preservationNeeded: true },
  attachments: [],
}

const field = (page: Page, placeholder: string) => page.locator(`textarea[placeholder^="${placeholder}"], input[placeholder^="${placeholder}"]`)

async function signIn(page: Page, label: RegExp) {
  await page.goto(e2e.server.url)
  await page.getByText(label).click()
}

/** Whether the element is (or within a moment comes) wholly inside the viewport: a scroll into view has finished. */
async function comesIntoView(page: Page, selector: string): Promise<boolean> {
  const height = page.viewportSize()!.height
  for (const start = Date.now(); Date.now() - start < 3000; await page.waitForTimeout(50)) {
    const box = await page.locator(selector).first().boundingBox()
    if (box && box.y >= 0 && box.y + Math.min(box.height, height / 2) <= height) return true
  }
  return false
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

  // A decided case, for the search below.
  const staff = await e2e.server.login('demo-staff-nantong')
  const other = await e2e.server.call<ApplicationView>('legalAid', 'submit', { ...WAGES_E2E, facts: '9 月跑单 20 天没有结算。站点关门了。' }, { token: rider })
  if (!other.body.ok) throw new Error(JSON.stringify(other.body.error))
  const st = await e2e.server.call<{ version: number }>('application', 'startReview', { id: other.body.data.id, version: 1 }, { token: staff })
  if (!st.body.ok) throw new Error('startReview failed')
  await e2e.server.call('application', 'reject', { id: other.body.data.id, version: st.body.data.version, reason: '不属于法律援助的范围' }, { token: staff })

  const desk = await (await desktopContext(e2e.browser)).newPage()
  await signIn(desk, /^顾敏 · 工作人员/)
  await desk.getByText('工作台', { exact: true }).click()
  await desk.getByText(caseNo).waitFor()
  // At a desk the first applications show without scrolling: figures in one row, the filters in one line.
  const firstRow = await desk.locator('[aria-label="审核队列"] [role="listitem"]').first().boundingBox()
  expect(firstRow!.y + firstRow!.height).toBeLessThanOrEqual(800)
  await e2e.shot(desk, '10-workbench-queue-desk')

  // The decided case by its number in lowercase, under the default filter (which leaves decided ones out).
  await field(desk, '申请人姓名或案件编号').fill(other.body.data.caseNo.toLowerCase())
  await field(desk, '申请人姓名或案件编号').press('Enter')
  await desk.locator('[aria-label="审核队列"] [role="listitem"]', { hasText: other.body.data.caseNo }).waitFor()
  expect(await desk.locator('[aria-label="审核队列"] [role="listitem"]').count()).toBe(1)
  await e2e.shot(desk, '10b-workbench-search-decided')
  await desk.getByRole('button', { name: '清除搜索' }).click()
  // The filters stay across a reload.
  await desk.getByRole('button', { name: /^筛选：/ }).click()
  await desk.getByRole('radio', { name: '已提交' }).click()
  await desk.reload()
  await desk.getByText('筛选：全部类型 · 已提交 · 期限不限').waitFor()

  await desk.getByText(caseNo).click()
  await desk.getByRole('button', { name: '开始审核' }).click()
  await desk.getByRole('button', { name: '要求补充材料' }).click()
  // The form opens below the steps: the page moves to it.
  expect(await comesIntoView(desk, '.step-form')).toBe(true)
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
  await desk.getByText(/工作人员 顾敏/).first().waitFor()
  await e2e.shot(desk, '11-workbench-approved-desk')
  // Once the matter is done: 办结.
  await desk.getByRole('button', { name: '办结', exact: true }).click()
  expect(await comesIntoView(desk, '.step-form')).toBe(true)
  await field(desk, '如：已由援助律师代理').fill('已由援助律师代理，调解结案')
  await desk.getByRole('button', { name: '确认办结' }).click()
  await desk.getByText('这份申请已办结，不需要再办理。').waitFor()
  await e2e.shot(desk, '11b-workbench-closed-desk')

  const phone = await (await phoneContext(e2e.browser)).newPage()
  await signIn(phone, /^周小勇/)
  await phone.locator('.taro-tabbar__tabbar').getByText('消息').click()
  await phone.getByText('法律援助申请已批准').waitFor()
  await e2e.shot(phone, '12-rider-inbox-approved')
  await phone.getByRole('button', { name: '全部标为已读' }).click()
  await phone.getByText('消息都已读过').waitFor()
  expect(await phone.getByText('未读', { exact: true }).count()).toBe(0)
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
  // A long account pasted in: cut to the limit, and the box says so — then the real one.
  const facts = field(phone, '什么时候、在哪里')
  await facts.fill('八月跑单没结算工资。'.repeat(252))
  await phone.getByText(/已截断到 2000 字/).waitFor()
  for (const start = Date.now(); Array.from(await facts.inputValue()).length !== 2000 && Date.now() - start < 3000; ) await phone.waitForTimeout(50)
  expect(Array.from(await facts.inputValue()).length).toBe(2000)
  await phone.getByText('2000 / 2000').waitFor()
  await e2e.shot(phone, '13a-rider-apply-cut')
  await facts.fill('8 月在配送站跑单 26 天，站点至今没有结算工资，负责人电话不接。😡')
  expect(await phone.getByText(/已截断/).count()).toBe(0)
  await phone.getByText('35 / 2000').waitFor()
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

  // The ID field brings up the number pad in a browser, with an X key beside it.
  const profile = await device.newPage()
  await profile.goto(`${e2e.server.url}/#/packages/account/pages/profile/index`)
  await profile.getByText('修改个人信息').first().waitFor()
  expect(await profile.locator('input[placeholder^="已填"]').getAttribute('inputmode')).toBe('numeric')
  await profile.getByRole('button', { name: '输入 X' }).waitFor()
  await e2e.shot(profile, '16-rider-profile-id-keyboard')
}, 90_000)
