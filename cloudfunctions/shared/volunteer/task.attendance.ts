import { inZone, todayOf } from '~types/time'
import type { CheckInput, RosterRow, TaskDetail } from '~types/volunteer-task.schema'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import { inScopeOr404 } from '../core/scope'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'
import { rulesFor } from './rules.service'
import { SIGNUPS, TASKS, signupIdOf, type MarkDoc, type SignupDoc, type TaskDoc } from './task.doc'
import { atThePlace } from './task.place'
import { getSignup, getTask } from './task.service'
import { CHECK_IN_EARLY_MIN, checkInOpen, checkOutOpen, rosterRow, servedMinutes, taskDetail } from './task.views'

/**
 * Check-in and check-out at the place, on the task's day. The sign-up is the caller's own by its id
 * (`<taskId>_<their user id>`): nobody can check in for someone else. Where the phone was is recorded with the time.
 */

const clock = (d: Date) => inZone(d).format('HH:mm')

function notNow(task: TaskDoc, now: Date, step: 'in' | 'out'): string {
  if (task.status === 'cancelled') return '这项任务已经取消了'
  if (todayOf(now) < task.date) return `还没到服务的日子。${task.date} 当天 ${clock(new Date(task.startsAt.getTime() - CHECK_IN_EARLY_MIN * 60_000))} 起可以签到`
  if (step === 'in' && todayOf(now) === task.date && now < task.endsAt) return `${clock(new Date(task.startsAt.getTime() - CHECK_IN_EARLY_MIN * 60_000))} 起可以签到，请稍后再来`
  return step === 'in' ? '任务已经结束，不能再签到了。如果您来服务过，请找组织方确认时长' : '已经过了服务当天，不能再签退了。请找组织方确认时长'
}

async function ownSignup(rt: Runtime, user: UserDoc, taskId: string): Promise<{ task: TaskDoc; signup: SignupDoc }> {
  const [task, signup] = await Promise.all([getTask(rt, taskId), getSignup(rt, signupIdOf(taskId, user._id))])
  if (!task || !signup || signup.state === 'cancelled') throw new AppError('NOT_FOUND', '您没有报名这项任务，先报名才能签到')
  return { task, signup }
}

export async function checkIn(rt: Runtime, user: UserDoc, input: CheckInput, recorder?: ReplayRecorder): Promise<TaskDetail> {
  return mark(rt, user, input, 'in', recorder)
}

export async function checkOut(rt: Runtime, user: UserDoc, input: CheckInput, recorder?: ReplayRecorder): Promise<TaskDetail> {
  return mark(rt, user, input, 'out', recorder)
}

async function mark(rt: Runtime, user: UserDoc, input: CheckInput, step: 'in' | 'out', recorder?: ReplayRecorder): Promise<TaskDetail> {
  const { task, signup } = await ownSignup(rt, user, input.taskId)
  const now = rt.now()
  const wanted = step === 'in' ? 'signedUp' : 'checkedIn'
  if (signup.state !== wanted) throw new AppError('CONFLICT', step === 'in' ? '您已经签到过了' : signup.state === 'signedUp' ? '您还没有签到，请先签到' : '您已经签退过了')
  if (!(step === 'in' ? checkInOpen(task, now) : checkOutOpen(task, now))) throw new AppError('CONFLICT', notNow(task, now, step))
  const rules = await rulesFor(rt, task.district)
  const where = await atThePlace(rt, task, signup, input, rules.checkInRadiusM)
  const m: MarkDoc = { at: now, distanceM: where.distanceM, by: where.by, staffId: null }
  return inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(SIGNUPS).doc(signup._id).get()
    const fresh = data as SignupDoc
    if (fresh.state !== wanted) throw new AppError('CONFLICT', step === 'in' ? '您已经签到过了' : '您已经签退过了')
    const next = applyMark(task, fresh, step, m)
    await tx.collection(SIGNUPS).doc(signup._id).update(changeOf(next))
    // With a sign-up in hand the team is no longer asked about (it decides only whether one may sign up).
    const answer = taskDetail(task, now, user, next, null, rules)
    await recorder?.record(tx, answer)
    return answer
  })
}

function applyMark(task: TaskDoc, s: SignupDoc, step: 'in' | 'out', m: MarkDoc): SignupDoc {
  if (step === 'in') return { ...s, state: 'checkedIn', checkIn: m, updatedAt: m.at }
  return { ...s, state: 'checkedOut', checkOut: m, servedMinutes: servedMinutes(task, s.checkIn!.at, m.at), updatedAt: m.at }
}

const changeOf = (s: SignupDoc) => ({ state: s.state, checkIn: s.checkIn, checkOut: s.checkOut, servedMinutes: s.servedMinutes, updatedAt: s.updatedAt })

/** The organiser checks someone in or out (a flat battery, no signal): on the task's day, recorded as theirs. Audited. */
export async function markAttendance(rt: Runtime, user: UserDoc, signupId: string, step: 'in' | 'out'): Promise<RosterRow> {
  const signup = inScopeOr404(user, await getSignup(rt, signupId), '没有找到这条报名')
  const now = rt.now()
  return inTransaction(rt.db, async (tx: Transaction) => {
    const [{ data: s }, { data: t }] = [await tx.collection(SIGNUPS).doc(signup._id).get(), await tx.collection(TASKS).doc(signup.taskId).get()]
    const fresh = s as SignupDoc
    const task = t as TaskDoc
    if (step === 'in' && fresh.state !== 'signedUp') throw new AppError('CONFLICT', fresh.state === 'cancelled' ? '这个人已经取消报名了' : '这个人已经签到过了')
    if (step === 'out' && fresh.state !== 'checkedIn') throw new AppError('CONFLICT', fresh.state === 'signedUp' ? '这个人还没有签到，请先帮他签到' : '这个人已经签退过了')
    if (!checkOutOpen(task, now)) throw new AppError('CONFLICT', task.status === 'cancelled' ? '这项任务已经取消了' : '只能在服务当天代签。过了当天请直接确认时长，并写明原因')
    const next = applyMark(task, fresh, step, { at: now, distanceM: null, by: 'staff', staffId: user._id })
    await tx.collection(SIGNUPS).doc(fresh._id).update(changeOf(next))
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: `volunteer.${step === 'in' ? 'checkIn' : 'checkOut'}For`, targetType: 'volunteerSignup', targetId: fresh._id, from: fresh.state, to: next.state, at: now })
    return rosterRow(next)
  })
}
