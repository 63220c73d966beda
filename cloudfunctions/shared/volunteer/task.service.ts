import { randomInt } from 'node:crypto'
import { findDistrict } from '~types/regions'
import type { StaffTaskRow, StaffTaskView, StaffTasksPage, TaskCard, TaskDetail, TaskInput, TasksView } from '~types/volunteer-task.schema'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import type { Database, Runtime, Transaction } from '../core/context'
import { districtsOf, inScopeOr404 } from '../core/scope'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import type { UserDoc } from '../user/user.doc'
import { accountOf } from './ledger'
import { rulesFor } from './rules.service'
import { SIGNUPS, TASKS, signupIdOf, type SignupDoc, type TaskDoc } from './task.doc'
import { countsOf, rosterRow, signupView, taskCard, taskDetail, whenText, windowOf } from './task.views'
import { TEAMS, type TeamDoc } from './team.doc'

export const STAFF_PAGE_SIZE = 20
/** Open tasks a worker's list shows at once: a district rarely has more in the weeks ahead. */
const OPEN_LIST = 50
const MY_LIST = 30

/** A check-in code: 6 digits from the system's CSPRNG (a guessable code would make check-in by code worthless). */
export const newCheckInCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0')

export async function getTask(rt: Runtime, id: string): Promise<TaskDoc | null> {
  const { data } = await rt.db.collection(TASKS).doc(id).get()
  return (data[0] as TaskDoc | undefined) ?? null
}

export async function getSignup(rt: Runtime, id: string): Promise<SignupDoc | null> {
  const { data } = await rt.db.collection(SIGNUPS).doc(id).get()
  return (data[0] as SignupDoc | undefined) ?? null
}

/** The worker's team (their account names it), outside a transaction or inside one. */
export async function teamIdOfAccount(db: Database | Transaction, userId: string): Promise<string | null> {
  return (await accountOf(db, userId))?.teamId ?? null
}

/** A task as a worker reads it. Any published task may be read; a cancelled one by those who had signed up. */
export async function taskForWorker(rt: Runtime, user: UserDoc, id: string): Promise<TaskDetail> {
  const [task, signup] = await Promise.all([getTask(rt, id), getSignup(rt, signupIdOf(id, user._id))])
  if (!task || (task.status === 'cancelled' && !signup)) throw new AppError('NOT_FOUND', '没有找到这项任务，可能已经取消了')
  // The caller's team matters only for a team's own task.
  const [teamId, rules] = await Promise.all([task.teamId ? teamIdOfAccount(rt.db, user._id) : null, rulesFor(rt, task.district)])
  return taskDetail(task, rt.now(), user, signup, teamId, rules)
}

/**
 * 志愿服务: open tasks of the caller's district and the city-wide ones of their city that have not ended, soonest
 * first; and the caller's own sign-ups with their tasks. Four reads whatever the number of tasks (indexes:
 * status, city, startsAt; userId, signedUpAt).
 */
export async function tasksForWorker(rt: Runtime, user: UserDoc): Promise<TasksView> {
  const _ = rt.db.command
  const now = rt.now()
  const home = user.profile!.districtCode
  const city = findDistrict(home)?.cityCode ?? ''
  const [openRes, mineRes] = await Promise.all([
    rt.db.collection(TASKS).where(_.and([{ status: 'open', city, endsAt: _.gt(now) }, _.or([{ district: home }, { cityWide: true }])])).orderBy('startsAt', 'asc').limit(OPEN_LIST).get(),
    rt.db.collection(SIGNUPS).where({ userId: user._id, state: _.neq('cancelled') }).orderBy('signedUpAt', 'desc').limit(MY_LIST).get(),
  ])
  const open = openRes.data as TaskDoc[]
  const signups = mineRes.data as SignupDoc[]
  const byId = new Map(open.map((t) => [t._id, t]))
  const missing = [...new Set(signups.map((s) => s.taskId).filter((id) => !byId.has(id)))]
  if (missing.length) {
    const { data } = await rt.db.collection(TASKS).where({ _id: _.in(missing) }).limit(missing.length).get()
    for (const t of data as TaskDoc[]) byId.set(t._id, t)
  }
  const mineByTask = new Map(signups.map((s) => [s.taskId, s]))
  const mine = signups
    .filter((s) => byId.has(s.taskId))
    .map((s) => ({ signup: s, task: byId.get(s.taskId)! }))
    // Soonest first among what is still ahead, then the past ones newest first.
    .sort((a, b) => {
      const ah = a.task.endsAt > now
      const bh = b.task.endsAt > now
      if (ah !== bh) return ah ? -1 : 1
      return ah ? a.task.startsAt.getTime() - b.task.startsAt.getTime() : b.task.startsAt.getTime() - a.task.startsAt.getTime()
    })
  return {
    open: open.map((t): TaskCard => taskCard(t, now, mineByTask.get(t._id) ?? null)),
    mine: mine.map(({ signup, task }) => ({ signup: signupView(signup), task: taskCard(task, now, signup) })),
  }
}

async function teamFor(tx: Transaction, district: string, teamId: string | undefined): Promise<TeamDoc | null> {
  if (!teamId) return null
  const { data } = await tx.collection(TEAMS).doc(teamId).get()
  const team = data as TeamDoc | null
  if (!team || team.district !== district) throw invalidField('teamId', '请选择本区县的志愿队伍')
  return team
}

/**
 * Publish a task (staff of its district) or edit one that has not started: a task is a promise to the people who
 * signed up, so its slots never drop below those taken and its team cannot change once someone has joined. Whoever
 * signed up is told when the time or place moves.
 */
export async function publishTask(rt: Runtime, user: UserDoc, input: TaskInput): Promise<StaffTaskView> {
  const district = findDistrict(input.district)
  if (!district) throw invalidField('district', '请选择江苏省内的区县')
  if (!districtsOf(user, 'volunteer').includes(input.district)) throw invalidField('district', '您只能在自己负责志愿服务的区县发布任务')
  const now = rt.now()
  const { startsAt, endsAt } = windowOf(input.date, input.start, input.end)
  if (startsAt <= now) throw invalidField('start', '开始时间已经过了，请改一下日期或时间')
  const fields = {
    district: input.district,
    city: district.cityCode,
    cityWide: input.cityWide,
    title: input.title,
    description: input.description,
    place: { text: input.place.text, longitude: input.place.longitude, latitude: input.place.latitude },
    date: input.date,
    start: input.start,
    end: input.end,
    startsAt,
    endsAt,
    slots: input.slots,
    minutes: input.minutes,
    updatedAt: now,
  }
  let moved: TaskDoc | null = null
  const id = await inTransaction(rt.db, async (tx: Transaction) => {
    moved = null
    const team = await teamFor(tx, input.district, input.teamId)
    const teamFields = { teamId: team?._id ?? null, teamName: team?.name ?? null }
    if (!input.id) {
      const doc: Omit<TaskDoc, '_id'> = {
        ...fields, ...teamFields, service: 'volunteer', slotsTaken: 0, code: newCheckInCode(), status: 'open', cancelReason: null,
        version: 1, createdBy: user._id, createdAt: now,
      }
      const { id } = (await tx.collection(TASKS).add(doc)) as { id: string }
      await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'volunteer.publishTask', targetType: 'volunteerTask', targetId: id, to: { title: doc.title, date: doc.date, slots: doc.slots, minutes: doc.minutes }, at: now })
      return id
    }
    const { data } = await tx.collection(TASKS).doc(input.id).get()
    const current = inScopeOr404(user, (data as TaskDoc | null) ?? null, '没有找到这项任务')
    if (current.status === 'cancelled') throw new AppError('CONFLICT', '这项任务已经取消了，不能再修改')
    if (current.startsAt <= now) throw new AppError('CONFLICT', '任务已经开始了，不能再修改')
    if (current.district !== input.district) throw invalidField('district', '任务的区县发布后不能改，请新建一项')
    if (input.slots < current.slotsTaken) throw invalidField('slots', `已有 ${current.slotsTaken} 人报名，名额不能少于这个数`)
    if (current.slotsTaken > 0 && teamFields.teamId !== current.teamId) throw invalidField('teamId', '已经有人报名了，不能再改限定的队伍')
    const next = { ...current, ...fields, ...teamFields, version: current.version + 1 }
    const { _id, ...rest } = next
    await tx.collection(TASKS).doc(current._id).set(rest)
    await tx.collection(AUDIT).add({
      actorId: user._id, actorRole: 'staff', action: 'volunteer.editTask', targetType: 'volunteerTask', targetId: current._id,
      from: { title: current.title, date: current.date, start: current.start, end: current.end, place: current.place.text, slots: current.slots, minutes: current.minutes },
      to: { title: next.title, date: next.date, start: next.start, end: next.end, place: next.place.text, slots: next.slots, minutes: next.minutes },
      at: now,
    })
    if (current.date !== next.date || current.start !== next.start || current.end !== next.end || current.place.text !== next.place.text) moved = next
    return current._id
  })
  if (moved) {
    const t = moved as TaskDoc
    await tellSignedUp(rt, t._id, `志愿服务时间地点有变：${t.title}`, `您报名的“${t.title}”改为 ${whenText(t)}，地点：${t.place.text}。来不了的话，开始前可以在“志愿服务”里取消报名。`, '有变动')
  }
  return staffTask(rt, user, id)
}

/** Cancel a task that has not started; whoever signed up is told why. Audited. */
export async function cancelTask(rt: Runtime, user: UserDoc, id: string, reason: string): Promise<StaffTaskView> {
  const now = rt.now()
  const task = await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(TASKS).doc(id).get()
    const t = inScopeOr404(user, (data as TaskDoc | null) ?? null, '没有找到这项任务')
    if (t.status === 'cancelled') return null
    if (t.startsAt <= now) throw new AppError('CONFLICT', '任务已经开始了，不能取消；没来的人不确认时长就行')
    await tx.collection(TASKS).doc(id).update({ status: 'cancelled', cancelReason: reason, version: t.version + 1, updatedAt: now })
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'volunteer.cancelTask', targetType: 'volunteerTask', targetId: id, from: 'open', to: 'cancelled', note: reason, at: now })
    return t
  })
  // Once cancelled nobody can sign up any more: the list read now is everyone to tell.
  if (task) await tellSignedUp(rt, id, `志愿服务已取消：${task.title}`, `您报名的“${task.title}”（${whenText(task)}）已取消。原因：${reason.replace(/[。.\s]+$/, '')}。谢谢您，可以看看其他志愿服务。`, '已取消')
  return staffTask(rt, user, id)
}

/**
 * Everyone signed up (checked in or not) is told — in 消息 and on the lock screen, so nobody rides to a cancelled
 * task. After the change committed (nobody can sign up to a cancelled task, so the list is complete); each message
 * lands with its notice.
 */
async function tellSignedUp(rt: Runtime, taskId: string, title: string, body: string, status: string): Promise<void> {
  // Check-in opens an hour early: someone may already be there.
  const { data } = await rt.db.collection(SIGNUPS).where({ taskId, state: rt.db.command.in(['signedUp', 'checkedIn']) }).limit(1000).get()
  const people = data as SignupDoc[]
  // Pushing is one WeChat call per person: what is not pushed within a few seconds stays pending for the hourly job
  // (the messages themselves are all in 消息 at once).
  const pushUntil = Date.now() + 3000
  // Twenty to a transaction: a full roster of 200 is ten commits, well inside a function's 10 s.
  for (let i = 0; i < people.length; i += 20) {
    const batch = people.slice(i, i + 20)
    const notices = await inTransaction(rt.db, async (tx: Transaction) => {
      const written = []
      for (const s of batch) written.push(await notify(rt, tx, { openid: s.openid, title, body, target: { kind: 'task', id: taskId }, about: s._id, progress: { matter: title.replace(/^[^：]*：/, '志愿服务 '), status, hint: '点开查看详情' } }))
      return written
    })
    if (Date.now() < pushUntil) await deliver(rt, notices)
  }
}

/** A task in the caller's scope with its code and roster (every sign-up but the cancelled ones). */
export async function staffTask(rt: Runtime, user: UserDoc, id: string): Promise<StaffTaskView> {
  const task = inScopeOr404(user, await getTask(rt, id), '没有找到这项任务')
  const _ = rt.db.command
  const [{ data }, rules] = await Promise.all([
    rt.db.collection(SIGNUPS).where({ taskId: id, state: _.neq('cancelled') }).orderBy('signedUpAt', 'asc').limit(1000).get(),
    rulesFor(rt, task.district),
  ])
  const roster = data as SignupDoc[]
  const now = rt.now()
  const { mine: _m, ...card } = taskCard(task, now, null)
  return {
    ...card,
    description: task.description,
    district: task.district,
    cityWide: task.cityWide,
    checkInRadiusM: rules.checkInRadiusM,
    status: task.status,
    cancelReason: task.cancelReason,
    code: task.code,
    counts: countsOf(roster.map((s) => s.state)),
    roster: roster.map(rosterRow),
    minutesConfirmed: roster.reduce((n, s) => n + (s.confirmed?.minutes ?? 0), 0),
    pointsCredited: roster.reduce((n, s) => n + (s.confirmed?.points ?? 0), 0),
  }
}

/**
 * The tasks of the caller's districts: upcoming (not ended) soonest first, past newest first, or all newest first —
 * with how many signed up, checked in, wait for confirmation and were confirmed (one aggregation for the page).
 */
export async function staffTasks(rt: Runtime, user: UserDoc, f: { when?: 'upcoming' | 'past'; page?: number }): Promise<StaffTasksPage> {
  const _ = rt.db.command
  const now = rt.now()
  const where: Record<string, unknown> = { district: _.in(districtsOf(user, 'volunteer')) }
  if (f.when === 'upcoming') where.endsAt = _.gt(now)
  if (f.when === 'past') where.endsAt = _.lte(now)
  const page = f.page ?? 1
  const col = rt.db.collection(TASKS)
  const [{ data }, { total }] = await Promise.all([
    col.where(where).orderBy('startsAt', f.when === 'upcoming' ? 'asc' : 'desc').skip((page - 1) * STAFF_PAGE_SIZE).limit(STAFF_PAGE_SIZE).get(),
    col.where(where).count(),
  ])
  const tasks = data as TaskDoc[]
  const counts = new Map<string, SignupDoc['state'][]>()
  if (tasks.length) {
    const $ = rt.db.command.aggregate
    const { data: groups } = await rt.db.collection(SIGNUPS).aggregate().match({ taskId: _.in(tasks.map((t) => t._id)) }).group({ _id: { taskId: '$taskId', state: '$state' }, n: $.sum(1) }).end()
    for (const g of groups as { _id: { taskId: string; state: SignupDoc['state'] }; n: number }[]) {
      const list = counts.get(g._id.taskId) ?? []
      for (let i = 0; i < g.n; i++) list.push(g._id.state)
      counts.set(g._id.taskId, list)
    }
  }
  const rows: StaffTaskRow[] = tasks.map((t) => ({ ...taskCard(t, now, null), status: t.status, counts: countsOf(counts.get(t._id) ?? []) }))
  return { rows, total, page, pageSize: STAFF_PAGE_SIZE }
}
