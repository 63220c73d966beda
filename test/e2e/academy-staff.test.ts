import type { Page } from 'playwright-core'
import type { StaffOffersPage } from '~types/academy.contract'
import type { ApplicationView, ReviewView } from '~types/application.schema'
import { inZone } from '~types/time'
import { desktopContext, e2eSession, field, phoneContext } from './browser'

/**
 * The academy's staff pages in a real browser: 顾敏 at a desk opens 学院课程管理 from the workbench, creates a skill
 * course and publishes it; a rider enrols (through the API) and is admitted; 顾敏 records attendance for every
 * session, completes the course and issues the certificate, whose number appears on the class page.
 */
const e2e = e2eSession()

const TITLE = '快递员五级 周末速成班'

/** A screenshot without the toast over it (Taro H5's lasts 1.5 s). */
async function shot(page: Page, name: string) {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((t) => getComputedStyle(t).display === 'none'))
  await e2e.shot(page, name)
}

async function ok<T>(res: Promise<{ body: { ok: boolean; data?: unknown; error?: unknown } }>): Promise<T> {
  const { body } = await res
  if (!body.ok) throw new Error(JSON.stringify(body.error))
  return body.data as T
}

test('顾敏 creates and publishes a course, records attendance, completes it and issues the certificate', async () => {
  const today = inZone(new Date()).startOf('day')
  const day = (n: number) => today.add(n, 'day').format('YYYY-MM-DD')
  const desk = await (await desktopContext(e2e.browser)).newPage()
  await e2e.signIn(desk, /^顾敏 · 工作人员/)
  await desk.getByText('工作台', { exact: true }).click()
  await desk.getByText('学院课程管理', { exact: true }).click()
  await desk.locator('.staff-figures').waitFor()
  await desk.locator('[aria-label="课程"] [role="listitem"]').first().waitFor()
  await shot(desk, 'academy-staff-01-manage')

  await desk.getByRole('button', { name: '新建课程' }).click()
  await desk.getByRole('radio', { name: '技能培训' }).click()
  await shot(desk, 'academy-staff-02-new')
  await field(desk, '如 快递员四级（').fill(TITLE)
  await field(desk, '如 崇川区职业技能培训中心').fill('崇川区职业技能培训中心')
  await field(desk, '上课方式').fill('两个周六上午，免费；结业后发快递员五级证书。')
  await field(desk, '如 快递员、网约配送员').fill('快递员')
  await desk.getByRole('radio', { name: '五级/初级工' }).click()
  await field(desk, '如 快递员四级证书').fill('快递员五级证书')
  await field(desk, '如 2026-12-10').fill(day(5))
  await field(desk, '如 40').fill('30')
  await desk.getByRole('button', { name: '加一次课' }).click()
  await desk.getByRole('button', { name: '再加一次课' }).click()
  for (const [i, n] of [10, 17].entries()) {
    const s = desk.getByRole('group', { name: `第 ${i + 1} 次课` })
    await field(s, '如 2026-12-12').fill(day(n))
    await field(s, '如 19:00').fill('09:00')
    await field(s, '如 21:00').fill('12:00')
    await field(s, '如 崇川区工农路').fill('崇川区工农路 88 号 3 楼')
  }
  await shot(desk, 'academy-staff-03-sessions')
  await desk.getByRole('button', { name: '保存并发布' }).click()
  const row = desk.locator('[aria-label="课程"] [role="listitem"]', { hasText: TITLE })
  await row.getByText('已发布（可以报名）').waitFor()
  await row.getByText('已占 0 / 30 个名额 · 无人候补').waitFor()

  // 周小勇 enrols; 顾敏 admits him (the workbench's own steps are another test's).
  const staff = await e2e.server.login('demo-staff-nantong')
  const rider = await e2e.server.login('demo-rider')
  const offers = await ok<StaffOffersPage>(e2e.server.call('academy', 'staffOffers', { status: 'published' }, { token: staff }))
  const offerId = offers.rows.find((o) => o.title === TITLE)!.id
  const filed = await ok<ApplicationView>(e2e.server.call('academy', 'enrol', { offerId, attachments: [] }, { token: rider, requestId: 'e2e-enrol-1' }))
  let seen = await ok<ReviewView>(e2e.server.call('application', 'startReview', { id: filed.id, version: filed.version }, { token: staff }))
  seen = await ok<ReviewView>(e2e.server.call('application', 'approve', { id: seen.id, version: seen.version, details: {} }, { token: staff }))

  await desk.reload()
  await row.getByText('已占 1 / 30 个名额 · 无人候补').waitFor()
  await row.getByRole('button', { name: '班级和出勤' }).click()
  const student = desk.locator('[aria-label="学员"] [role="listitem"]', { hasText: '周小勇' })
  await student.getByText('已录取').waitFor()
  await shot(desk, 'academy-staff-04-class')
  const attendance = desk.getByRole('region', { name: '记出勤' })
  for (const n of [1, 2]) {
    if (n === 2) await attendance.getByRole('radio', { name: /第 2 次/ }).click()
    await attendance.getByRole('checkbox', { name: '周小勇' }).click()
    await attendance.getByRole('button', { name: `记录第 ${n} 次课的出勤（到 1 人，缺 0 人）` }).click()
    await attendance.getByText(new RegExp(`已记录第 ${n} 次课：到课 1 人，缺课 0 人`)).waitFor()
    await student.getByText(`${n}. ✓ 到`).waitFor()
  }
  await shot(desk, 'academy-staff-05-attendance')

  await desk.getByRole('region', { name: '结业' }).getByRole('button', { name: '按出勤结业' }).click()
  await desk.locator('.taro-model__confirm', { hasText: '结业' }).click()
  await desk.getByText('✓ 结业 1 人：周小勇').waitFor()
  await student.getByText('已结业').waitFor()

  const issue = desk.getByRole('region', { name: '发证' })
  await issue.getByRole('checkbox', { name: '周小勇（已结业）' }).click()
  await issue.getByRole('button', { name: '发证（1 人）' }).click()
  const number = await issue.getByText(/^周小勇：S0326\d{17}$/).textContent()
  await student.getByText(`证书编号 ${number!.slice(4)}`).waitFor()
  await issue.scrollIntoViewIfNeeded()
  await shot(desk, 'academy-staff-06-certificate')

  // The same class page on a phone: one column, nothing cut off.
  const phone = await (await phoneContext(e2e.browser)).newPage()
  await e2e.signIn(phone, /^顾敏 · 工作人员/)
  await phone.goto(`${e2e.server.url}#/packages/academy/pages/class/index?id=${offerId}`)
  await phone.locator('[aria-label="学员"] [role="listitem"]', { hasText: '周小勇' }).getByText(`证书编号 ${number!.slice(4)}`).waitFor()
  await shot(phone, 'academy-staff-07-class-phone')
  await phone.goto(`${e2e.server.url}#/packages/academy/pages/edit/index?id=${offerId}`)
  await phone.getByRole('group', { name: '第 2 次课' }).waitFor()
  await shot(phone, 'academy-staff-08-edit-phone')
}, 150_000)
