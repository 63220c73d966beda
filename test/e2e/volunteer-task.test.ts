import { inZone, ZONE } from '~types/time'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { publishTask } from '../../cloudfunctions/shared/volunteer/task.service'
import { wgs84ToGcj02 } from '~types/geo'
import { desktopContext, e2eSession, field, phoneContext } from './browser'

/**
 * 志愿服务认领 in a real browser: a rider on a phone (390×844) signs up for a task under way, tries to check in from
 * 2 km away (refused in plain words), checks in with the organiser's code; 顾敏 at a desk (1280×800) sees the code,
 * the roster with how he checked in and how far, and confirms his hours with her own figure and its reason; the rider
 * reads them. The publish form, 补录 and 志愿队伍 are photographed on the way. Screenshots in test-results/e2e/.
 */
const e2e = e2eSession()


/** 崇川区实验小学 (WGS-84, as the browser reports it); the task's place is the same spot in GCJ-02. */
const AT = { latitude: 31.9876, longitude: 120.8891 }
const FAR = { latitude: AT.latitude + 0.018, longitude: AT.longitude }

test('a rider signs up, is refused 2 km away, checks in with the code; staff confirm the hours at a desk', async () => {
  // A task under way now, on today's date (published earlier, through the service, by 顾敏).
  // Started ten minutes ago (or at midnight), two hours long but ending the same day — any time the test runs but
  // the last few minutes before midnight.
  const now = inZone(new Date())
  const earliest = now.startOf('day')
  const startsAt = now.subtract(10, 'minute').startOf('minute').isBefore(earliest) ? earliest : now.subtract(10, 'minute').startOf('minute')
  const latest = now.endOf('day').subtract(4, 'minute').startOf('minute')
  const endsAt = startsAt.add(2, 'hour').isAfter(latest) ? latest : startsAt.add(2, 'hour')
  const staff = (await findUserByOpenid(e2e.server.runtime.db, 'demo-staff-nantong'))!
  const earlier = { ...e2e.server.runtime, now: () => startsAt.subtract(1, 'day').toDate() }
  const task = await publishTask(earlier, staff, {
    title: '校门口护学岗（浏览器测试）', description: '放学时段在校门口路口维持秩序。', place: { text: '崇川区实验小学东门', ...wgs84ToGcj02(AT.longitude, AT.latitude) },
    district: '320613', cityWide: false, date: startsAt.tz(ZONE).format('YYYY-MM-DD'), start: startsAt.format('HH:mm'), end: endsAt.format('HH:mm'), slots: 6, minutes: 60,
  })

  const context = await phoneContext(e2e.browser)
  await context.grantPermissions(['geolocation'])
  await context.setGeolocation(FAR)
  const phone = await context.newPage()
  await e2e.signIn(phone, /^周小勇/)
  await phone.getByText('志愿服务积分', { exact: true }).first().click()
  await phone.locator('.page.volunteer .vol-balance').waitFor()
  await phone.getByRole('link', { name: /^志愿服务\s*报名区县/ }).click()
  const card = phone.getByRole('listitem', { name: task.title })
  await card.waitFor()
  await e2e.shot(phone, 'volunteer-task-01-list')
  await card.getByRole('link').click()
  await phone.getByText('在地图上看服务地点').waitFor()
  await phone.getByRole('button', { name: '报名参加' }).click()
  await phone.getByText('已报名，当天到现场签到').waitFor()
  await e2e.shot(phone, 'volunteer-task-02-signed-up')

  // 2 km away: refused, with how far and what to do.
  await phone.getByRole('button', { name: '签到（用现在的位置）' }).click()
  await phone.getByText('用您现在的位置签到？').waitFor()
  await phone.getByText('同意', { exact: true }).click()
  await phone.getByText(/^您离服务地点 2 公里，请到现场后再签到，或输入组织方出示的 6 位签到码/).waitFor()
  await e2e.shot(phone, 'volunteer-task-03-too-far')
  await field(phone, '6 位数字').fill(task.code)
  await phone.getByRole('button', { name: '用签到码签到' }).click()
  await phone.getByText(/签到 · 签到码，离服务地点 2 公里/).waitFor()
  await phone.getByText('已签到，结束时记得签退').waitFor()
  await e2e.shot(phone, 'volunteer-task-04-checked-in')

  const desk = await (await desktopContext(e2e.browser)).newPage()
  await e2e.signIn(desk, /^顾敏 · 工作人员/)
  await desk.goto(`${e2e.server.url}/#/packages/volunteer/pages/task-signups/index?id=${encodeURIComponent(task.id)}`)
  await desk.getByText(task.code, { exact: true }).waitFor()
  const row = desk.getByRole('listitem', { name: '周小勇' })
  await row.getByText(/签到 · 签到码，离服务地点 2 公里/).waitFor()
  await e2e.shot(desk, 'volunteer-task-05-desk-roster')
  // No check-out yet: her own figure, with what it rests on.
  await row.getByRole('button', { name: '确认时长' }).click()
  await field(desk, '如 2.5').fill('1.5')
  await row.getByRole('button', { name: '确认', exact: true }).click()
  await row.getByText(/⚠ 没有签到签退记录，请写明依据/).waitFor()
  await field(desk, '如 现场纸质签到表').fill('现场纸质签到表')
  await row.getByRole('button', { name: '确认', exact: true }).click()
  await row.getByText('⚠ 认定时长不能超过这项任务的 1 小时').waitFor()
  await field(desk, '如 2.5').fill('1')
  await row.getByRole('button', { name: '确认', exact: true }).click()
  await row.getByText('✓ 已确认 1 小时，积分 10 分（工作人员认定）：现场纸质签到表').waitFor()
  await e2e.shot(desk, 'volunteer-task-06-desk-confirmed')

  await phone.reload()
  await phone.getByText('✓ 已确认 1 小时，积分 +10（工作人员认定）').waitFor()
  await phone.getByText('工作人员说明：现场纸质签到表').waitFor()
  await e2e.shot(phone, 'volunteer-task-07-confirmed')

  // The other pages, for the eye: 志愿队伍 (the seed put him in one), 补录, and the publish form at a desk.
  await phone.goto(`${e2e.server.url}/#/packages/volunteer/pages/teams/index`)
  await phone.getByText('我的队伍').waitFor()
  await e2e.shot(phone, 'volunteer-task-08-teams')
  await phone.goto(`${e2e.server.url}/#/packages/volunteer/pages/hours/index`)
  await phone.getByText(/年最多补录 20 小时/).waitFor()
  await e2e.shot(phone, 'volunteer-task-09-hours')
  await desk.goto(`${e2e.server.url}/#/packages/volunteer/pages/task-edit/index`)
  await desk.getByText('服务时长（小时）').waitFor()
  await e2e.shot(desk, 'volunteer-task-10-publish-form')
}, 150_000)
