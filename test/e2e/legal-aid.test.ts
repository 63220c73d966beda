import type { Browser, Page } from 'playwright-core'
import type { ApplicationView } from '~types/application.schema'
import type { TestServer } from '../support/server'
import { desktopContext, e2eSession, phoneContext } from './browser'

/**
 * The legal-aid loop in a real browser: a reviewer at a desk works the request from the queue; the rider on a phone
 * sees the decision. Screenshots in test-results/e2e/.
 */
let session: Awaited<ReturnType<typeof e2eSession>>
let server: TestServer
let browser: Browser
let shot: (page: Page, name: string) => Promise<Buffer>

beforeAll(async () => {
  session = await e2eSession()
  ;({ server, browser, shot } = session)
}, 60_000)
afterAll(() => session?.close())

const field = (page: Page, placeholder: string) => page.locator(`textarea[placeholder^="${placeholder}"], input[placeholder^="${placeholder}"]`)

async function signIn(page: Page, label: RegExp) {
  await page.goto(server.url)
  await page.getByText(label).click()
}

test('a reviewer at a desk starts, asks for more, and approves; the rider sees the decision on the phone', async () => {
  const rider = await server.login('demo-rider')
  const filed = await server.call<ApplicationView>('application', 'submitLegalAid', {
    caseType: 'wages',
    otherParty: { kind: 'platform', name: '某某外卖配送站' },
    amountFen: 386000,
    facts: '8 月在配送站跑单 26 天，站点至今没有结算工资。',
    urgent: { limitationEndsSoon: false, preservationNeeded: true },
    attachments: [],
  }, { token: rider })
  if (!filed.body.ok) throw new Error(JSON.stringify(filed.body.error))
  const caseNo = filed.body.data.caseNo

  const desk = await (await desktopContext(browser)).newPage()
  await signIn(desk, /^顾敏 · 工作人员/)
  await desk.getByText('工作台', { exact: true }).click()
  await desk.getByText(caseNo).waitFor()
  await shot(desk, '10-workbench-queue-desk')
  await desk.getByText(caseNo).click()
  await desk.getByRole('button', { name: '开始审核' }).click()
  await desk.getByRole('button', { name: '要求补充材料' }).click()
  await field(desk, '如：8 月的跑单记录截图').fill('8 月跑单记录截图和站点排班表')
  await desk.getByRole('button', { name: '发送补充要求' }).click()
  await desk.getByText(/暂停计时/).first().waitFor()

  const answered = await server.call('application', 'supplement', { id: filed.body.data.id, note: '已补充 8 月跑单记录截图', attachments: [] }, { token: rider })
  expect(answered.body.ok).toBe(true)
  await desk.reload()
  await desk.getByRole('button', { name: '批准', exact: true }).click()
  await field(desk, '如：崇川区法律援助中心').fill('崇川区法律援助中心 王律师')
  await field(desk, '如：0513-85000000').fill('0513-85000000')
  await desk.getByRole('button', { name: '确认批准' }).click()
  await desk.getByText('决定：批准').waitFor()
  await shot(desk, '11-workbench-approved-desk')

  const phone = await (await phoneContext(browser)).newPage()
  await signIn(phone, /^周小勇/)
  await phone.locator('.taro-tabbar__tabbar').getByText('消息').click()
  await phone.getByText('法律援助申请已批准').waitFor()
  await shot(phone, '12-rider-inbox-approved')
}, 90_000)
