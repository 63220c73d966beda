import { desktopContext, e2eSession, phoneContext } from './browser'

/**
 * 江海新才学院 in a real browser: a rider on a phone finds an evening course, enrols; staff approve at a desk in
 * the shared workbench; the rider sees it in 我的学习 with the next class — and a certificate's subsidy window.
 */
const e2e = e2eSession()

test('a rider finds an evening course and enrols; staff approve at a desk; 我的学习 shows it', async () => {
  const phone = await (await phoneContext(e2e.browser)).newPage()
  await e2e.signIn(phone, /^周小勇/)
  await phone.getByText('江海新才学院', { exact: true }).first().click()
  await phone.locator('.page.academy .offer').first().waitFor()
  await e2e.shot(phone, 'academy-01-catalogue')
  // Only evenings: the weekend course drops out, the evening one stays.
  await phone.getByRole('checkbox', { name: '晚上' }).click()
  await phone.locator('.offer', { hasText: '快递员四级（中级工）晚班' }).waitFor()
  await phone.locator('.offer', { hasText: '网约配送员五级 周末班' }).waitFor({ state: 'detached' })
  await phone.locator('.offer', { hasText: '快递员四级（中级工）晚班' }).click()
  await phone.getByText('上课安排（共 6 次）').waitFor()
  await e2e.shot(phone, 'academy-02-offer')
  await phone.getByText('确认报名').click()
  await phone.getByText(/您已报名：已占名额，待审核/).waitFor()
  await e2e.shot(phone, 'academy-03-enrolled')

  const desk = await (await desktopContext(e2e.browser)).newPage()
  await e2e.signIn(desk, /^顾敏 · 工作人员/)
  await desk.getByText('工作台', { exact: true }).click()
  await desk.locator('[aria-label="审核队列"] [role="listitem"]', { hasText: '快递员四级（中级工）晚班' }).click()
  await desk.getByText('已占名额，批准后录取').waitFor()
  await desk.getByRole('button', { name: '开始审核' }).click()
  await desk.getByRole('button', { name: '批准', exact: true }).click()
  await desk.getByRole('button', { name: '确认批准' }).click()
  await desk.getByText('决定：批准').waitFor()
  await e2e.shot(desk, 'academy-04-approved-desk')

  await phone.goto(`${e2e.server.url}#/packages/academy/pages/learning/index`)
  const card = phone.locator('.page.learning [role="group"]', { hasText: '快递员四级（中级工）晚班' })
  await card.getByText('已录取').waitFor()
  await card.getByText(/^下次课：/).waitFor()
  // The seeded certificate counts down its subsidy window.
  await phone.locator('.page.learning').getByText(/^还有 \d+ 天可申请技能提升补贴/).first().waitFor()
  await e2e.shot(phone, 'academy-05-learning')
  await phone.locator('.page.learning').getByText('看看能补多少 ›').first().click()
  await phone.getByText('可以申请 1,000 元').waitFor()
  await e2e.shot(phone, 'academy-06-skill-subsidy')
}, 120_000)
