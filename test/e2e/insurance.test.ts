import { desktopContext, e2eSession, field, phoneContext } from './browser'
import { tinyPng } from '../support/files'

/**
 * 职业伤害保障 in a real browser: a rider on a phone taps 一键报案 from 我的保障, reports with the place typed, adds a
 * scene photo to the checklist; staff at a desk start review and approve with the benefit and an amount; the rider
 * reads 已核定 in 我的申请. Screenshots in test-results/e2e/.
 */
const e2e = e2eSession()


test('a rider reports an injury at the roadside and adds a photo; staff approve it; the rider sees 已核定', async () => {
  const phone = await (await phoneContext(e2e.browser)).newPage()
  await e2e.signIn(phone, /^周小勇/)
  await phone.getByText('职业伤害保障', { exact: true }).first().click()
  await phone.locator('.page.insurance .scheme').first().waitFor()
  await phone.getByText('✓ 您有保障').waitFor()
  await e2e.shot(phone, 'insurance-01-coverage')

  await phone.getByRole('button', { name: '一键报案' }).click()
  await phone.getByText('报案用：新就业形态就业人员职业伤害保障（江苏）').waitFor()
  await phone.waitForTimeout(500)
  await e2e.shot(phone, 'insurance-02a-report-top')
  // The time is already now; declining location leaves the place to type.
  await field(phone, '路口、小区或店名').fill('崇川区工农路和青年路路口')
  await field(phone, '一两句话就行').fill('送餐路上被电动车撞倒，右腿擦伤')
  await phone.getByRole('radio', { name: '腿' }).click()
  await e2e.shot(phone, 'insurance-02-report')
  await phone.getByRole('button', { name: '报案', exact: true }).click()
  await phone.getByText(/下一步：补上/).waitFor()
  await e2e.shot(phone, 'insurance-03-reported')

  await phone.getByRole('button', { name: '补充材料 ›' }).click()
  const scene = phone.locator('[role="group"][aria-label="现场照片或视频"]')
  await scene.getByText('还需要：现场照片或视频').waitFor()
  const [chooser] = await Promise.all([phone.waitForEvent('filechooser'), scene.getByText('＋ 拍照或选照片').click()])
  await chooser.setFiles({ name: '现场.png', mimeType: 'image/png', buffer: tinyPng() })
  await scene.getByText(/✓ 已上传 · 照片/).waitFor()
  await scene.getByRole('button', { name: '交上这 1 个文件' }).click()
  await scene.getByText('✓ 已收到：现场照片或视频').waitFor()
  await e2e.shot(phone, 'insurance-04-evidence')

  const desk = await (await desktopContext(e2e.browser)).newPage()
  await e2e.signIn(desk, /^顾敏 · 工作人员/)
  await desk.getByText('工作台', { exact: true }).click()
  await desk.locator('[aria-label="审核队列"] [role="listitem"]', { hasText: '崇川区工农路和青年路路口' }).click()
  await desk.getByText('✓ 已收到：现场照片或视频').waitFor()
  await desk.getByRole('button', { name: '开始审核' }).click()
  await desk.getByRole('button', { name: '批准', exact: true }).click()
  await desk.getByRole('radio', { name: '医疗费用' }).click()
  await desk.locator('.text-field', { hasText: '核定金额（元）' }).locator('input').fill('1280')
  await e2e.shot(desk, 'insurance-05-approve-desk')
  await desk.getByRole('button', { name: '确认批准' }).click()
  await desk.getByText('决定：批准').waitFor()
  await e2e.shot(desk, 'insurance-06-approved-desk')

  // 我的保障 at a desk reads as a centred column.
  const wide = await (await desktopContext(e2e.browser)).newPage()
  await e2e.signIn(wide, /^周小勇/)
  await wide.goto(`${e2e.server.url}#/packages/insurance/pages/index/index`)
  await wide.locator('.page.insurance .scheme').first().waitFor()
  await e2e.shot(wide, 'insurance-08-coverage-desk')

  await phone.goto(`${e2e.server.url}#/packages/applications/pages/mine/index`)
  await phone.getByText(/已核定/).first().waitFor()
  await e2e.shot(phone, 'insurance-07-mine')
}, 150_000)
