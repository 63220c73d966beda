import type { TaskDetail } from '~types/volunteer-task.schema'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'
import { rulesFor } from './rules.service'
import { SIGNUPS, TASKS, signupIdOf, type SignupDoc, type TaskDoc } from './task.doc'
import { getTask, teamIdOfAccount } from './task.service'
import { signUpRefusal, taskDetail, whenText } from './task.views'

/**
 * Sign-ups within what a CloudBase transaction allows: the task document holds `slotsTaken`, read and written by id
 * in the same transaction as the sign-up (whose id, `<taskId>_<userId>`, refuses a second one) — so however many
 * tap at once, a task never has more sign-ups than slots.
 */

/** A sign-up opening draws a crowd onto one task document: keep retrying longer, inside the 10 s function timeout. */
const CROWD_BUDGET_MS = 8000

/** Another task of the caller's at the same time (a query, so before the transaction; advisory, not a counter). */
async function clashWith(rt: Runtime, user: UserDoc, task: TaskDoc): Promise<TaskDoc | null> {
  const _ = rt.db.command
  const { data } = await rt.db.collection(SIGNUPS).where({ userId: user._id, state: _.in(['signedUp', 'checkedIn']) }).limit(50).get()
  const ids = (data as SignupDoc[]).map((s) => s.taskId).filter((id) => id !== task._id)
  if (!ids.length) return null
  const { data: tasks } = await rt.db.collection(TASKS).where({ _id: _.in(ids), status: 'open', startsAt: _.lt(task.endsAt), endsAt: _.gt(task.startsAt) }).limit(1).get()
  return (tasks[0] as TaskDoc | undefined) ?? null
}

export async function signUp(rt: Runtime, user: UserDoc, taskId: string, recorder?: ReplayRecorder): Promise<TaskDetail> {
  const found = await getTask(rt, taskId)
  if (!found || found.status === 'cancelled') throw new AppError('NOT_FOUND', '没有找到这项任务，可能已经取消了')
  const [clash, rules] = await Promise.all([clashWith(rt, user, found), rulesFor(rt, found.district)])
  if (clash) throw new AppError('CONFLICT', `这段时间您已经报名了“${clash.title}”（${whenText(clash)}），一个人同一时间只能参加一项`)
  const id = signupIdOf(taskId, user._id)
  return inTransaction(rt.db, async (tx: Transaction) => {
    const now = rt.now()
    const [{ data: t }, { data: s }] = [await tx.collection(TASKS).doc(taskId).get(), await tx.collection(SIGNUPS).doc(id).get()]
    const task = t as TaskDoc | null
    if (!task) throw new AppError('NOT_FOUND', '没有找到这项任务，可能已经取消了')
    // The caller's team matters only for a team's own task.
    const teamId = task.teamId ? await teamIdOfAccount(tx, user._id) : null
    const existing = s as SignupDoc | null
    if (existing && existing.state !== 'cancelled') throw new AppError('CONFLICT', '您已经报名了这项任务，到时候记得签到')
    const refusal = signUpRefusal(task, user, teamId, now)
    if (refusal) throw new AppError('CONFLICT', refusal)
    const taken = { ...task, slotsTaken: task.slotsTaken + 1, updatedAt: now }
    await tx.collection(TASKS).doc(taskId).update({ slotsTaken: taken.slotsTaken, updatedAt: now })
    // A cancelled sign-up is reused: its id is the pair, and a fresh start clears what the last one recorded.
    const doc: SignupDoc = {
      _id: id, service: 'volunteer', district: task.district, taskId, userId: user._id, openid: user.openid, name: user.profile!.realName,
      state: 'signedUp', checkIn: null, checkOut: null, servedMinutes: null, confirmed: null, codeMisses: 0,
      signedUpAt: now, cancelledAt: null, createdAt: existing?.createdAt ?? now, updatedAt: now,
    }
    const { _id, ...fields } = doc
    await tx.collection(SIGNUPS).doc(id).set(fields)
    const answer = taskDetail(taken, now, user, doc, teamId, rules)
    await recorder?.record(tx, answer)
    return answer
  }, { budgetMs: CROWD_BUDGET_MS })
}

/** Cancel before the task starts: the slot is free again at once. After the start it is the organiser's call. */
export async function cancelSignup(rt: Runtime, user: UserDoc, taskId: string, recorder?: ReplayRecorder): Promise<TaskDetail> {
  const found = await getTask(rt, taskId)
  if (!found) throw new AppError('NOT_FOUND', '没有找到这项任务')
  const rules = await rulesFor(rt, found.district)
  const id = signupIdOf(taskId, user._id)
  return inTransaction(rt.db, async (tx: Transaction) => {
    const now = rt.now()
    const [{ data: t }, { data: s }] = [await tx.collection(TASKS).doc(taskId).get(), await tx.collection(SIGNUPS).doc(id).get()]
    const task = t as TaskDoc
    const teamId = task.teamId ? await teamIdOfAccount(tx, user._id) : null
    const signup = s as SignupDoc | null
    if (!signup || signup.state === 'cancelled') throw new AppError('NOT_FOUND', '您没有报名这项任务')
    if (signup.state !== 'signedUp') throw new AppError('CONFLICT', '您已经签到了，不能再取消报名')
    if (now >= task.startsAt) throw new AppError('CONFLICT', '任务已经开始了，不能再取消报名；来不了请告诉组织方')
    const freed = { ...task, slotsTaken: Math.max(0, task.slotsTaken - 1), updatedAt: now }
    await tx.collection(TASKS).doc(taskId).update({ slotsTaken: freed.slotsTaken, updatedAt: now })
    const cancelled: SignupDoc = { ...signup, state: 'cancelled', cancelledAt: now, updatedAt: now }
    await tx.collection(SIGNUPS).doc(id).update({ state: 'cancelled', cancelledAt: now, updatedAt: now })
    const answer = taskDetail(freed, now, user, cancelled, teamId, rules)
    await recorder?.record(tx, answer)
    return answer
  }, { budgetMs: CROWD_BUDGET_MS })
}
