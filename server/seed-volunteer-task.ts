import type { Runtime } from '../cloudfunctions/shared/core/context'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { checkIn, checkOut } from '../cloudfunctions/shared/volunteer/task.attendance'
import { confirmHours } from '../cloudfunctions/shared/volunteer/task.hours'
import { publishTask } from '../cloudfunctions/shared/volunteer/task.service'
import { signUp } from '../cloudfunctions/shared/volunteer/task.signup'
import { signupIdOf } from '../cloudfunctions/shared/volunteer/task.doc'
import { createTeam, joinTeam } from '../cloudfunctions/shared/volunteer/team.service'
import { dayjs, inZone, ZONE } from '../types/time'
import type { TaskInput } from '../types/volunteer-task.schema'

/** Places of the demo tasks (GCJ-02, as WeChat reports them). */
const PLACES = {
  nantongMuseum: { text: '南通博物苑南门', longitude: 120.8622, latitude: 32.0017 },
  haoheNorth: { text: '濠河风景区北入口', longitude: 120.8745, latitude: 32.0131 },
  chongchuanSchool: { text: '崇川区实验小学东门', longitude: 120.8891, latitude: 31.9876 },
  stationRepair: { text: '工农路暖新驿站', longitude: 120.8957, latitude: 31.9822 },
  qingmingBridge: { text: '清名桥历史文化街区', longitude: 120.3127, latitude: 31.5568 },
  wuxiBloodBank: { text: '无锡市中心血站献血屋（三阳广场）', longitude: 120.3016, latitude: 31.5747 },
}

/**
 * 志愿服务认领's demo, written through the services the app uses (points only as ledger entries): 崇川 has a team
 * 周小勇 is in, a few tasks ahead (one for the team only) and one a week ago that he served, checked out of and had
 * confirmed by 顾敏 — its points are a ledger entry sourced to his sign-up; 梁溪 has tasks of its own and one for
 * the whole of 无锡. The past is made by running the same services with the clock of that day.
 */
export async function seedVolunteerTasks(rt: Runtime): Promise<void> {
  const [rider, nantong, wuxi] = await Promise.all(['demo-rider', 'demo-staff-nantong', 'demo-staff-wuxi'].map((o) => findUserByOpenid(rt.db, o)))
  if (!rider || !nantong || !wuxi) return
  const now = rt.now()
  const today = inZone(now).startOf('day')
  const day = (n: number) => today.add(n, 'day').format('YYYY-MM-DD')
  const at = (date: string, clock: string) => ({ ...rt, now: () => dayjs.tz(`${date} ${clock}`, 'YYYY-MM-DD HH:mm', ZONE).toDate() })

  // A week ago: the team, and a task 周小勇 served in it.
  const past = day(-7)
  const before = at(day(-9), '10:00')
  const team = await createTeam(before, nantong, '320613', '崇川骑手志愿队')
  await joinTeam(before, rider, team.id)
  const served = await publishTask(before, nantong, task({
    title: '濠河沿线文明交通劝导', description: '在濠河北入口路口劝导电动车戴头盔、不逆行。穿好反光背心，注意安全。',
    place: PLACES.haoheNorth, district: '320613', date: past, start: '14:00', end: '16:00', slots: 10, minutes: 120,
  }))
  await signUp(before, rider, served.id)
  await checkIn(at(past, '13:55'), rider, { taskId: served.id, longitude: 120.8747, latitude: 32.0129 })
  await checkOut(at(past, '16:05'), rider, { taskId: served.id, longitude: 120.8744, latitude: 32.0133 })
  await confirmHours(at(past, '17:00'), nantong, { signupId: signupIdOf(served.id, rider._id) })

  // Ahead, in 崇川 (顾敏) and 梁溪 (钱伟).
  await publishTask(rt, nantong, task({
    title: '护学岗：上学路口引导', description: '早上上学时段在校门口路口维持秩序，提醒家长电动车不要停在斑马线上。',
    place: PLACES.chongchuanSchool, district: '320613', date: day(1), start: '07:00', end: '08:00', slots: 4, minutes: 60,
  }))
  await publishTask(rt, nantong, task({
    title: '暖新驿站义务修车', description: '帮骑手朋友检查刹车、补胎、换灯泡。会修车的来帮手，不会的来帮忙登记。',
    place: PLACES.stationRepair, district: '320613', date: day(3), start: '09:00', end: '11:30', slots: 6, minutes: 150,
  }))
  await publishTask(rt, nantong, task({
    title: '博物苑周末游客引导', description: '周末人多，在南门帮忙引导排队、指路。崇川骑手志愿队的队员报名。',
    place: PLACES.nantongMuseum, district: '320613', date: day(5), start: '14:00', end: '17:00', slots: 8, minutes: 180, teamId: team.id,
  }))
  await publishTask(rt, wuxi, task({
    title: '清名桥街区文明劝导', description: '劝导游客不乱扔垃圾、电动车按线停放。',
    place: PLACES.qingmingBridge, district: '320213', date: day(4), start: '09:00', end: '12:00', slots: 8, minutes: 180,
  }))
  await publishTask(rt, wuxi, task({
    title: '献血屋引导（全市）', description: '帮献血屋登记、引导排队、发放饮料。全无锡的骑手都可以报名。',
    place: PLACES.wuxiBloodBank, district: '320213', cityWide: true, date: day(6), start: '13:00', end: '16:30', slots: 5, minutes: 210,
  }))
}

function task(t: Omit<TaskInput, 'cityWide'> & { cityWide?: boolean }): TaskInput {
  return { cityWide: false, ...t }
}
