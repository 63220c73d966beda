import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { LedgerCheck, LedgerPage, LeaderboardView, VolunteerAccountView } from '~types/volunteer.schema'
import type { MakeUpQuota, RosterRow, StaffTaskView, StaffTasksPage, TaskDetail, TasksView, TeamView, TeamsView } from '~types/volunteer-task.schema'
import { SIGNUPS } from '../../cloudfunctions/shared/volunteer/task.doc'
import { ENTRIES, type EntryDoc } from '../../cloudfunctions/shared/volunteer/ledger'
import { noticesAbout } from '../../cloudfunctions/shared/notify/notifier'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * 志愿服务认领 end to end through the `volunteer` function: publish → sign up within the slots → cancel frees one →
 * check in by distance and by code (far without a code refused) → check out in half hours → staff confirm → points
 * as a ledger entry sourced to the sign-up, team totals; make-up hours within the yearly cap; scope and ownership.
 */
let clock = new Date('2026-12-10T02:00:00Z') // Thursday 10:00 in 南通
let s: TestServer
const t: Record<string, string> = {}
const WHO = ['demo-rider', 'demo-other', 'demo-staff-nantong', 'demo-staff-wuxi', 'vt-1', 'vt-2', 'vt-3']

async function at(iso: string) {
  clock = new Date(iso)
  for (const who of WHO) t[who] = await s.login(who)
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  await at(clock.toISOString())
  for (const [i, who] of ['vt-1', 'vt-2', 'vt-3'].entries()) {
    await okData(s.call('user', 'saveProfile', validProfile(950 + i, { realName: `测试志愿者${'甲乙丙'[i]}`, mobile: `1370001${String(i).padStart(4, '0')}` }), { token: t[who] }))
  }
})
afterAll(() => s.close())

const call = <T>(who: string, action: string, data: unknown, fn = 'volunteer') => s.call<T>(fn, action, data, { token: t[who] })
const ok = <T>(who: string, action: string, data: unknown, fn = 'volunteer') => okData<T>(call<T>(who, action, data, fn))
const refusal = async (who: string, action: string, data: unknown, fn = 'volunteer') => {
  const { body } = await call(who, action, data, fn)
  if (body.ok) throw new Error(`${action} went through`)
  return body.error
}

/** 南通博物苑 area; 0.0108° of latitude north is about 1.2 km. */
const PLACE = { text: '崇川区工农路口', longitude: 120.8891, latitude: 31.9876 }
const NEAR = { longitude: 120.8893, latitude: 31.9879 }
const FAR = { longitude: 120.8891, latitude: 31.9984 }

const TASK = { title: '工农路口文明劝导（测试）', description: '劝导电动车戴头盔。', place: PLACE, district: '320613', cityWide: false, date: '2026-12-12', start: '09:00', end: '11:30', slots: 3, minutes: 150 }

let taskId = ''
let code = ''
let riderId = ''

test('staff publish: errors per field, only in their own districts; another district’s staff cannot see it', async () => {
  expect(await refusal('demo-staff-nantong', 'publishTask', { ...TASK, end: '08:00' })).toMatchObject({ code: 'INVALID_INPUT', fields: { end: '结束时间要晚于开始时间' } })
  expect(await refusal('demo-staff-nantong', 'publishTask', { ...TASK, minutes: 180 })).toMatchObject({ fields: { minutes: '服务时长不能超过开始到结束的时间' } })
  expect(await refusal('demo-staff-nantong', 'publishTask', { ...TASK, minutes: 100 })).toMatchObject({ fields: { minutes: '服务时长按半小时填写' } })
  expect(await refusal('demo-staff-nantong', 'publishTask', { ...TASK, district: '320213' })).toMatchObject({ fields: { district: expect.stringContaining('自己负责') } })
  expect(await refusal('demo-staff-nantong', 'publishTask', { ...TASK, date: '2026-12-09' })).toMatchObject({ fields: { start: expect.stringContaining('已经过了') } })
  expect((await refusal('demo-rider', 'publishTask', TASK)).code).toBe('FORBIDDEN')

  const task = await ok<StaffTaskView>('demo-staff-nantong', 'publishTask', TASK)
  expect(task).toMatchObject({ title: TASK.title, where: '南通市 崇川区', when: '12月12日 周六 09:00–11:30', slots: 3, slotsLeft: 3, slotsText: '还剩 3 个名额', state: 'open', status: 'open', roster: [] })
  expect(task.code).toMatch(/^\d{6}$/)
  taskId = task.id
  code = task.code
  expect((await refusal('demo-staff-wuxi', 'staffTask', { id: taskId })).code).toBe('NOT_FOUND')
  expect((await refusal('demo-staff-wuxi', 'publishTask', { ...TASK, id: taskId, district: '320213' })).code).toBe('NOT_FOUND')
  const audit = await s.runtime.db.collection('audit').where({ targetId: taskId }).get()
  expect(audit.data.map((a) => (a as { action: string }).action)).toEqual(['volunteer.publishTask'])
})

test('sign up: never more than the slots; cancel frees one; a re-sign-up reuses the record; the code stays with staff', async () => {
  const list = await ok<TasksView>('demo-rider', 'tasks', {})
  expect(list.open.find((x) => x.id === taskId)).toMatchObject({ slotsText: '还剩 3 个名额', mine: null })
  // 赵平 lives in 梁溪: not for him, and not in his list.
  expect((await ok<TasksView>('demo-other', 'tasks', {})).open.some((x) => x.id === taskId)).toBe(false)
  expect(await refusal('demo-other', 'signUp', { taskId })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('南通市 崇川区') })

  const mine = await ok<TaskDetail>('demo-rider', 'signUp', { taskId })
  expect(mine).toMatchObject({ mine: 'signedUp', slotsLeft: 2, can: { signUp: false, cancel: true, checkIn: false } })
  expect(JSON.stringify(mine)).not.toContain(code)
  expect(mine).not.toHaveProperty('code')
  riderId = mine.signup!.id.slice(taskId.length + 1)
  expect(mine.signup!.id).toBe(`${taskId}_${riderId}`)
  expect((await refusal('demo-rider', 'signUp', { taskId })).message).toContain('已经报名')
  await ok('vt-1', 'signUp', { taskId })
  await ok('vt-2', 'signUp', { taskId })
  expect(await refusal('vt-3', 'signUp', { taskId })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('名额已满') })
  expect((await ok<TasksView>('vt-3', 'tasks', {})).open.find((x) => x.id === taskId)).toMatchObject({ slotsLeft: 0, slotsText: '已满', state: 'full' })

  // vt-2 cancels: vt-3 gets the slot; vt-2 comes back when vt-3 cancels, on the same record.
  expect(await ok<TaskDetail>('vt-2', 'cancelSignup', { taskId })).toMatchObject({ mine: null, slotsLeft: 1, signup: null, can: { signUp: true } })
  await ok('vt-3', 'signUp', { taskId })
  await ok('vt-3', 'cancelSignup', { taskId })
  expect(await ok<TaskDetail>('vt-2', 'signUp', { taskId })).toMatchObject({ mine: 'signedUp', slotsLeft: 0 })
  const { data } = await s.runtime.db.collection(SIGNUPS).where({ taskId }).get()
  expect(data).toHaveLength(4)
  expect(data.filter((x) => (x as { state: string }).state === 'signedUp')).toHaveLength(3)
  const staff = await ok<StaffTaskView>('demo-staff-nantong', 'staffTask', { id: taskId })
  expect(staff).toMatchObject({ slotsLeft: 0, counts: { signedUp: 3, checkedIn: 0, checkedOut: 0, confirmed: 0 } })
  expect(staff.roster.map((r) => r.name).sort()).toEqual(['周小勇', '测试志愿者乙', '测试志愿者甲'].sort())
  const page = await ok<StaffTasksPage>('demo-staff-nantong', 'staffTasks', { when: 'upcoming' })
  expect(page.rows.find((r) => r.id === taskId)).toMatchObject({ counts: { signedUp: 3 } })
  // A repeat of the same request answers the same, and writes nothing more.
  const again = await okData<TaskDetail>(s.call('volunteer', 'cancelSignup', { taskId }, { token: t['vt-1'], requestId: 'vt-1-cancel' }))
  expect(await okData<TaskDetail>(s.call('volunteer', 'cancelSignup', { taskId }, { token: t['vt-1'], requestId: 'vt-1-cancel' }))).toMatchObject({ id: taskId, slotsLeft: again.slotsLeft })
  await ok('vt-1', 'signUp', { taskId })
  expect((await ok<StaffTaskView>('demo-staff-nantong', 'staffTask', { id: taskId })).slotsLeft).toBe(0)
})

test('check-in on the day: by distance, by code; far without a code refused in plain words; nobody checks in for another', async () => {
  expect((await refusal('demo-rider', 'checkIn', { taskId, ...NEAR })).message).toContain('还没到服务的日子')
  await at('2026-12-12T00:30:00Z') // 08:30 on the day
  expect(await refusal('demo-rider', 'checkIn', { taskId, ...FAR })).toMatchObject({
    code: 'INVALID_INPUT',
    fields: { code: '您离服务地点 1.2 公里，请到现场后再签到，或输入组织方出示的 6 位签到码' },
  })
  expect(await refusal('demo-rider', 'checkIn', { taskId })).toMatchObject({ fields: { location: expect.stringContaining('签到码') } })
  const inByGps = await ok<TaskDetail>('demo-rider', 'checkIn', { taskId, ...NEAR })
  expect(inByGps).toMatchObject({ mine: 'checkedIn', signup: { state: 'checkedIn', checkIn: { by: 'gps', at: '2026-12-12T00:30:00.000Z' } }, can: { checkIn: false, checkOut: true, cancel: false } })
  expect(inByGps.signup!.checkIn!.distanceM).toBeLessThan(60)
  expect((await refusal('demo-rider', 'checkIn', { taskId, ...NEAR })).message).toContain('已经签到')

  const wrong = code === '000000' ? '111111' : '000000'
  expect(await refusal('vt-1', 'checkIn', { taskId, ...FAR, code: wrong })).toMatchObject({ fields: { code: expect.stringContaining('签到码不对') } })
  const byCode = await ok<TaskDetail>('vt-1', 'checkIn', { taskId, ...FAR, code: `${code.slice(0, 3)} ${code.slice(3)}` })
  expect(byCode.signup!.checkIn).toMatchObject({ by: 'code', distanceM: expect.any(Number) })
  expect(byCode.signup!.checkIn!.distanceM).toBeGreaterThan(1100)

  // vt-3 cancelled: there is no sign-up of theirs to check in, whatever they send; the rider's is reached only by the rider.
  expect((await refusal('vt-3', 'checkIn', { taskId, ...NEAR, code })).code).toBe('NOT_FOUND')
  expect((await refusal('vt-3', 'checkIn', { taskId: `${taskId}_${riderId}`, ...NEAR })).code).toBe('NOT_FOUND')
  // A worker cannot use the staff step either.
  expect((await refusal('vt-3', 'markAttendance', { signupId: `${taskId}_${riderId}`, step: 'out' })).code).toBe('FORBIDDEN')
  // 梁溪's staff cannot check anyone in here.
  expect((await refusal('demo-staff-wuxi', 'markAttendance', { signupId: `${taskId}_${riderId}`, step: 'out' })).code).toBe('NOT_FOUND')
})

test('check-out: served time within the window, in half hours', async () => {
  await at('2026-12-12T03:10:00Z') // 11:10
  const out = await ok<TaskDetail>('demo-rider', 'checkOut', { taskId, ...NEAR })
  // 08:30 counts from 09:00: 2 h 10 min → 2 h.
  expect(out).toMatchObject({ mine: 'checkedOut', signup: { servedMinutes: 120, checkOut: { by: 'gps' } }, can: { checkOut: false } })
  expect(await refusal('vt-1', 'checkOut', { taskId, ...FAR })).toMatchObject({ fields: { code: expect.stringContaining('1.2 公里') } })
  await at('2026-12-12T03:40:00Z') // 11:40, after the end: clipped to 11:30 → 2 h 30 min, the task's whole.
  expect((await ok<TaskDetail>('vt-1', 'checkOut', { taskId, code })).signup).toMatchObject({ servedMinutes: 150, checkOut: { by: 'code', distanceM: null } })
})

test('confirm: points = hours × 10 as one ledger entry sourced to the sign-up; team totals; staff figure needs a reason', async () => {
  const signupId = `${taskId}_${riderId}`
  // 周小勇 is in the seed's 崇川 team; his confirmed hours count for it.
  const teamsBefore = await ok<TeamsView>('demo-rider', 'teams', {})
  expect(teamsBefore.myTeam).toMatchObject({ name: '崇川骑手志愿队' })
  const teamBefore = teamsBefore.teams.find((x) => x.mine)!
  const accountBefore = await ok<VolunteerAccountView>('demo-rider', 'account', {})

  expect((await refusal('demo-staff-wuxi', 'confirmHours', { signupId })).code).toBe('NOT_FOUND')
  expect(await refusal('demo-staff-nantong', 'confirmHours', { signupId, minutes: 150 })).toMatchObject({ fields: { minutes: expect.stringContaining('不能超过签到到签退的 2 小时') } })
  expect(await refusal('demo-staff-nantong', 'confirmHours', { signupId, minutes: 90 })).toMatchObject({ fields: { reason: expect.any(String) } })
  const row = await ok<RosterRow>('demo-staff-nantong', 'confirmHours', { signupId })
  expect(row).toMatchObject({ state: 'confirmed', name: '周小勇', confirmed: { minutes: 120, points: 20, staffFigure: false, reason: null } })
  expect((await refusal('demo-staff-nantong', 'confirmHours', { signupId })).message).toContain('已经确认过了')

  const { data } = await s.runtime.db.collection(ENTRIES).doc(`task_${signupId}`).get()
  expect(data[0] as EntryDoc).toMatchObject({ amount: 20, source: { type: 'task', id: signupId }, earned: true, reason: expect.stringContaining('工农路口文明劝导（测试）') })
  const ledger = await ok<LedgerPage>('demo-rider', 'ledger', {})
  expect(ledger.entries[0]).toMatchObject({ amount: 20, source: { type: 'task', id: signupId } })
  expect(await ok<LedgerCheck>('demo-rider', 'checkLedger', {})).toMatchObject({ ok: true })
  const account = await ok<VolunteerAccountView>('demo-rider', 'account', {})
  expect(account.balance - accountBefore.balance).toBe(20)
  expect(account.minutesConfirmed - accountBefore.minutesConfirmed).toBe(120)
  const team = (await ok<TeamsView>('demo-rider', 'teams', {})).teams.find((x) => x.mine)!
  expect({ minutes: team.minutesConfirmed - teamBefore.minutesConfirmed, points: team.points - teamBefore.points }).toEqual({ minutes: 120, points: 20 })
  const board = await ok<LeaderboardView>('demo-rider', 'leaderboard', {})
  expect(board.rows.find((r) => r.mine)).toMatchObject({ team: '崇川骑手志愿队' })
  const inbox = await okData<{ items: { title: string; target?: unknown }[] }>(s.call('user', 'listMessages', {}, { token: t['demo-rider'] }))
  expect(inbox.items[0]).toMatchObject({ title: '志愿服务时长已确认，积分 +20', target: { kind: 'task', id: taskId } })
  // And on the lock screen: the notice row written with it, pushed after the commit; it opens the task.
  expect((await noticesAbout(s.runtime.db, 'demo-rider', signupId)).map((n) => [n.fields.phrase2, n.fields.thing4, n.page])).toEqual([['已确认', '积分 +20', `packages/volunteer/pages/task/index?id=${taskId}`]])

  // Everyone checked out at once: vt-1's 2.5 h → 25 points. vt-2 never checked in: staff's own figure, with a reason.
  expect(await ok('demo-staff-nantong', 'confirmAll', { taskId })).toEqual({ confirmed: 1, skipped: 0, left: 0 })
  const vt2 = `${taskId}_${(await s.runtime.db.collection(SIGNUPS).where({ taskId, name: '测试志愿者乙' }).get()).data[0]!._id.slice(taskId.length + 1)}`
  expect(await refusal('demo-staff-nantong', 'confirmHours', { signupId: vt2, minutes: 60 })).toMatchObject({ fields: { reason: expect.stringContaining('签到表') } })
  expect(await refusal('demo-staff-nantong', 'confirmHours', { signupId: vt2, minutes: 180, reason: '现场纸质签到表' })).toMatchObject({ fields: { minutes: expect.stringContaining('2 小时 30 分') } })
  expect(await ok<RosterRow>('demo-staff-nantong', 'confirmHours', { signupId: vt2, minutes: 60, reason: '现场纸质签到表' })).toMatchObject({ confirmed: { minutes: 60, points: 10, staffFigure: true, reason: '现场纸质签到表' } })
  const done = await ok<StaffTaskView>('demo-staff-nantong', 'staffTask', { id: taskId })
  expect(done).toMatchObject({ counts: { confirmed: 3 }, minutesConfirmed: 330, pointsCredited: 55 })
  expect(await ok<LedgerCheck>('vt-1', 'checkLedger', {})).toEqual({ balance: 25, sum: 25, entries: 1, ok: true })
  const audits = await s.runtime.db.collection('audit').where({ action: 'volunteer.confirmHours' }).get()
  expect(audits.data.filter((a) => (a as { targetId: string }).targetId.startsWith(taskId))).toHaveLength(3)
})

test('teams: one team of one’s own district at a time; members counted; leaving keeps the totals', async () => {
  expect((await refusal('demo-staff-nantong', 'createTeam', { district: '320213', name: '梁溪队' })).fields).toMatchObject({ district: expect.any(String) })
  const team = await ok<TeamView>('demo-staff-nantong', 'createTeam', { district: '320613', name: '工农路测试队' })
  expect(await refusal('demo-staff-nantong', 'createTeam', { district: '320613', name: '工农路测试队' })).toMatchObject({ fields: { name: expect.stringContaining('已经有') } })
  const joined = await ok<TeamsView>('vt-1', 'joinTeam', { teamId: team.id })
  expect(joined.myTeam).toEqual({ id: team.id, name: '工农路测试队' })
  expect(joined.teams.find((x) => x.id === team.id)).toMatchObject({ members: 1, mine: true })
  expect(await refusal('demo-rider', 'joinTeam', { teamId: team.id })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('崇川骑手志愿队') })
  expect((await refusal('demo-other', 'joinTeam', { teamId: team.id })).code).toBe('FORBIDDEN')
  expect((await ok<VolunteerAccountView>('vt-1', 'account', {})).team).toEqual({ id: team.id, name: '工农路测试队' })
  const left = await ok<TeamsView>('vt-1', 'leaveTeam', {})
  expect(left.myTeam).toBeNull()
  expect(left.teams.find((x) => x.id === team.id)).toMatchObject({ members: 0 })
  expect((await refusal('vt-1', 'leaveTeam', {})).code).toBe('CONFLICT')
})

test('a team-only task takes only its members', async () => {
  await at('2026-12-13T02:00:00Z')
  const team = await ok<TeamView>('demo-staff-nantong', 'createTeam', { district: '320613', name: '队员专场测试队' })
  const task = await ok<StaffTaskView>('demo-staff-nantong', 'publishTask', { ...TASK, title: '队员专场', date: '2026-12-20', teamId: team.id })
  expect(task.team).toEqual({ id: team.id, name: '队员专场测试队' })
  const detail = await ok<TaskDetail>('vt-2', 'task', { id: task.id })
  expect(detail).toMatchObject({ can: { signUp: false }, note: expect.stringContaining('队员专场测试队') })
  expect((await refusal('vt-2', 'signUp', { taskId: task.id })).message).toContain('队员')
  await ok('vt-2', 'joinTeam', { teamId: team.id })
  expect(await ok<TaskDetail>('vt-2', 'signUp', { taskId: task.id })).toMatchObject({ mine: 'signedUp' })
  // A task at the same time as one already signed up for is refused.
  const clash = await ok<StaffTaskView>('demo-staff-nantong', 'publishTask', { ...TASK, title: '同一时间', date: '2026-12-20', start: '10:00', end: '12:00', minutes: 120 })
  expect((await refusal('vt-2', 'signUp', { taskId: clash.id })).message).toContain('队员专场')
  // Cancelled by staff before it starts: those signed up are told; nobody can sign up any more.
  const cancelled = await ok<StaffTaskView>('demo-staff-nantong', 'cancelTask', { id: task.id, reason: '天气预报有大雨' })
  expect(cancelled).toMatchObject({ status: 'cancelled', state: 'cancelled', cancelReason: '天气预报有大雨' })
  const inbox = await okData<{ items: { title: string; body: string }[] }>(s.call('user', 'listMessages', {}, { token: t['vt-2'] }))
  expect(inbox.items[0]).toMatchObject({ title: '志愿服务已取消：队员专场', body: expect.stringContaining('天气预报有大雨') })
  const vt2Signup = (await s.runtime.db.collection(SIGNUPS).where({ taskId: task.id, name: '测试志愿者乙' }).get()).data[0] as { _id: string }
  expect((await noticesAbout(s.runtime.db, 'vt-2', vt2Signup._id)).map((n) => n.fields.phrase2)).toEqual(['已取消'])
  expect((await refusal('vt-3', 'signUp', { taskId: task.id })).code).toBe('NOT_FOUND')
  expect(await ok<TaskDetail>('vt-2', 'signUp', { taskId: clash.id })).toMatchObject({ mine: 'signedUp' })
})

test('make-up hours: staff approve → hours and stars, marked 补录, no points; the yearly cap holds, released on withdrawal and rejection', async () => {
  const before = await ok<VolunteerAccountView>('demo-rider', 'account', {})
  const quota0 = await ok<MakeUpQuota>('demo-rider', 'makeUpQuota', {})
  expect(quota0).toEqual({ year: 2026, capMinutes: 1200, pendingMinutes: 0, approvedMinutes: 0, leftMinutes: 1200 })
  const claim = { date: '2026-11-28', minutes: 120, what: '社区疫苗接种点引导', place: '崇川区和平桥街道', organiser: '和平桥社区 张主任', attachments: [] }
  expect(await refusal('demo-rider', 'claimHours', { ...claim, date: '2026-12-20' })).toMatchObject({ fields: { date: '服务日期不能晚于今天' } })
  expect(await refusal('demo-rider', 'claimHours', { ...claim, minutes: 100 })).toMatchObject({ fields: { minutes: '服务时长按半小时填写' } })
  const filed = await ok<ApplicationView>('demo-rider', 'claimHours', claim)
  expect(filed).toMatchObject({ kind: 'volunteerHours', caseNo: expect.stringMatching(/^BL-/), payload: { minutes: 120, capYear: 2026, capMinutes: 1200, usedBeforeMinutes: 0, confirmedMinutes: null } })
  expect(await ok<MakeUpQuota>('demo-rider', 'makeUpQuota', {})).toMatchObject({ pendingMinutes: 120, leftMinutes: 1080 })

  // 钱伟 (梁溪) cannot see it; 顾敏 confirms 1.5 h of the 2 claimed.
  expect((await refusal('demo-staff-wuxi', 'detail', { id: filed.id }, 'application')).code).toBe('NOT_FOUND')
  let seen = await ok<ReviewView>('demo-staff-nantong', 'startReview', { id: filed.id, version: 1 }, 'application')
  expect((await refusal('demo-staff-nantong', 'approve', { id: filed.id, version: seen.version, details: { minutes: 150 } }, 'application')).fields).toMatchObject({ 'details.minutes': expect.stringContaining('不能超过') })
  seen = await ok<ReviewView>('demo-staff-nantong', 'approve', { id: filed.id, version: seen.version, details: { minutes: 90 } }, 'application')
  const after = await ok<VolunteerAccountView>('demo-rider', 'account', {})
  expect(after.minutesMakeUp - before.minutesMakeUp).toBe(90)
  expect(after.balance).toBe(before.balance)
  expect(after.earnedTotal).toBe(before.earnedTotal)
  expect(after.stars.next!.minutesLeft).toBe(before.stars.next!.minutesLeft - 90)
  expect(await ok<MakeUpQuota>('demo-rider', 'makeUpQuota', {})).toMatchObject({ pendingMinutes: 0, approvedMinutes: 90, leftMinutes: 1110 })
  const mine = await ok<ApplicationView>('demo-rider', 'getMine', { id: filed.id }, 'application')
  expect(mine.payload).toMatchObject({ confirmedMinutes: 90 })

  // The cap: 12 h + 12 h would pass 20 h less the 1.5 h approved.
  const big = { ...claim, minutes: 720, what: '防汛值守（纸质签到表）' }
  const first = await ok<ApplicationView>('demo-rider', 'claimHours', big)
  expect(await refusal('demo-rider', 'claimHours', big)).toMatchObject({ code: 'INVALID_INPUT', fields: { minutes: '2026 年最多补录 20 小时，已用 13 小时 30 分（含待审核的），还能补录 6 小时 30 分' } })
  await ok('demo-rider', 'withdraw', { id: first.id }, 'application')
  expect(await ok<MakeUpQuota>('demo-rider', 'makeUpQuota', {})).toMatchObject({ pendingMinutes: 0, leftMinutes: 1110 })
  const second = await ok<ApplicationView>('demo-rider', 'claimHours', big)
  seen = await ok<ReviewView>('demo-staff-nantong', 'startReview', { id: second.id, version: 1 }, 'application')
  await ok('demo-staff-nantong', 'reject', { id: second.id, version: seen.version, reason: '组织方说没有这次值守记录' }, 'application')
  expect(await ok<MakeUpQuota>('demo-rider', 'makeUpQuota', {})).toMatchObject({ pendingMinutes: 0, approvedMinutes: 90, leftMinutes: 1110 })
  expect(await ok<LedgerCheck>('demo-rider', 'checkLedger', {})).toMatchObject({ ok: true })
})

test('the seed: 周小勇 served a task a week ago, confirmed through the ledger; tasks ahead in 崇川 and 梁溪', async () => {
  const rider = await ok<TasksView>('demo-rider', 'tasks', {})
  const past = rider.mine.find((m) => m.task.title === '濠河沿线文明交通劝导')!
  expect(past.signup).toMatchObject({ state: 'confirmed', servedMinutes: 120, confirmed: { minutes: 120, points: 20 } })
  const { data } = await s.runtime.db.collection(ENTRIES).doc(`task_${past.signup.id}`).get()
  expect(data[0]).toMatchObject({ amount: 20, source: { type: 'task', id: past.signup.id } })
  expect(rider.open.some((x) => x.where === '南通市 崇川区')).toBe(true)
  const other = await ok<TasksView>('demo-other', 'tasks', {})
  expect(other.open.map((x) => x.where)).toEqual(expect.arrayContaining(['无锡市 梁溪区', '无锡市（全市）']))
})
