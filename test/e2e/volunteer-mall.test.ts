import type { Runtime } from '../../cloudfunctions/shared/core/context'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { openApplication } from '../../cloudfunctions/shared/workflow/open-application'
import { approve, startReview } from '../../cloudfunctions/shared/workflow/review.service'
import type { VolunteerReportPayload } from '~types/volunteer.schema'
import { desktopContext, e2eSession, phoneContext } from './browser'

/**
 * 积分商城 in a real browser: 周小勇, with points from handled reports, redeems 免费换电一次 on his phone and sees the
 * code (large, and as a QR code); 顾敏 at a desk types the code, checks the reward and the masked name, confirms;
 * the rider's 我的兑换 then says 已领取. Screenshots in test-results/e2e/.
 */
const e2e = e2eSession()

/** Points the way a rider earns them: three 随手拍 reports 顾敏 handled as public-security leads (100 each by default). */
async function earnPoints(rt: Runtime) {
  const [rider, staff] = await Promise.all(['demo-rider', 'demo-staff-nantong'].map((o) => findUserByOpenid(rt.db, o)))
  for (let i = 0; i < 3; i++) {
    const payload: VolunteerReportPayload = {
      category: 'hazard', place: { text: `工农路 ${18 + i} 号门口`, longitude: 120.8961, latitude: 31.9815 }, note: '电线垂到路面', forwarded: [], grade: null, points: null, reply: null,
    }
    const filed = await openApplication(rt, rider!, { kind: 'volunteerReport', payload: payload as unknown as Record<string, unknown>, summary: `安全隐患 · 工农路 ${18 + i} 号门口`, urgent: false, attachments: [], district: '320613' })
    const seen = await startReview(rt, staff!, { id: filed.id, version: filed.version })
    await approve(rt, staff!, { id: filed.id, version: seen.version, details: { grade: 'securityLead', reply: '供电所已处理，谢谢您' } })
  }
}

test('a rider redeems on the phone and sees the code; the desk types it and hands the reward over; the rider sees 已领取', async () => {
  await earnPoints(e2e.server.runtime)

  const phone = await (await phoneContext(e2e.browser)).newPage()
  await e2e.signIn(phone, /^周小勇/)
  await phone.getByText('志愿服务积分', { exact: true }).first().click()
  await phone.getByText('积分商城', { exact: true }).click()
  const swap = phone.locator('[role="listitem"][aria-label="免费换电一次"]')
  await swap.getByText('还剩 50 件').waitFor()
  await e2e.shot(phone, 'mall-01-list')
  await swap.getByRole('button', { name: '兑换（300 分）' }).click()
  // The confirmation says what it costs and where and when to collect it.
  await phone.getByText(/兑换后扣 300 分，请在 14 天内到崇川区和平桥暖心驿站（工农路 18 号）领取/).waitFor()
  await e2e.shot(phone, 'mall-02-confirm')
  await phone.getByText('确认兑换', { exact: true }).click()

  const card = phone.locator('[role="listitem"][aria-label="免费换电一次 待领取"]')
  const shown = (await card.locator('.mall-code').textContent())!.trim()
  expect(shown).toMatch(/^\d{4} \d{4}$/)
  await card.getByRole('img', { name: /的二维码$/ }).or(card.locator('[aria-label$="的二维码"]')).first().waitFor()
  await e2e.shot(phone, 'mall-03-code')

  const desk = await (await desktopContext(e2e.browser)).newPage()
  await e2e.signIn(desk, /^顾敏 · 工作人员/)
  await desk.goto(`${e2e.server.url}#/packages/volunteer/pages/pickup/index`)
  await desk.locator('input[placeholder^="8 位数字"]').fill(shown.replace(' ', ''))
  await desk.getByRole('button', { name: '查询' }).click()
  await desk.getByText('兑换人：周**').waitFor()
  await desk.getByText('免费换电一次', { exact: true }).waitFor()
  await e2e.shot(desk, 'mall-04-desk-found')
  await desk.getByRole('button', { name: '确认已领取（交给 周**）' }).click()
  await desk.getByText('✓ 已核销：免费换电一次').waitFor()
  await e2e.shot(desk, 'mall-05-desk-picked')

  // Valid once: typed again, the desk is told when it was collected.
  await desk.locator('input[placeholder^="8 位数字"]').fill(shown.replace(' ', ''))
  await desk.getByRole('button', { name: '查询' }).click()
  await desk.getByText('这个码已经领取过了').waitFor()

  await phone.reload()
  await phone.locator('[role="listitem"][aria-label="免费换电一次 已领取"]').getByText('✓ 已领取').waitFor()
  await e2e.shot(phone, 'mall-06-picked')
}, 150_000)
