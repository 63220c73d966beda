import { minutesText } from '~types/volunteer-hours'
import type { ConfirmAllView, ConfirmInput, RosterRow } from '~types/volunteer-task.schema'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField, isAppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { inScopeOr404 } from '../core/scope'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import type { UserDoc } from '../user/user.doc'
import { accountIn, post, updateAccount } from './ledger'
import { rulesIn } from './rules.service'
import { SIGNUPS, TASKS, type SignupDoc, type TaskDoc } from './task.doc'
import { getSignup, getTask } from './task.service'
import { pointsFor, rosterRow } from './task.views'
import { TEAMS, type TeamDoc } from './team.doc'

/**
 * Staff confirm what a sign-up served. In one transaction: the sign-up marked confirmed, the points as a ledger entry
 * whose source is the sign-up (a second confirmation of it cannot credit twice), the confirmed minutes on the account,
 * the worker's team totals, the audit line and the worker's message — all of it or nothing.
 */

/** What can be confirmed and whether it is the served time or staff's own figure. */
function figureOf(task: TaskDoc, s: SignupDoc, input: Pick<ConfirmInput, 'minutes' | 'reason'>): { minutes: number; staffFigure: boolean; reason: string | null } {
  if (s.state === 'checkedOut') {
    const served = s.servedMinutes ?? 0
    const minutes = input.minutes ?? served
    if (minutes > served) throw invalidField('minutes', `认定时长不能超过签到到签退的 ${minutesText(served)}`)
    if (minutes < 30) throw invalidField('minutes', '签到到签退不到半小时，不能认定时长')
    if (minutes < served && !input.reason) throw invalidField('reason', '少于实际服务时长，请写明原因（志愿者会看到）')
    return { minutes, staffFigure: false, reason: input.reason ?? null }
  }
  // No check-out to go by (forgot, no phone): staff's own figure, with why, marked as theirs.
  if (input.minutes === undefined) throw invalidField('minutes', '这个人没有签退，请填写认定时长')
  if (!input.reason) throw invalidField('reason', '没有签到签退记录，请写明依据（如现场签到表）')
  if (input.minutes > task.minutes) throw invalidField('minutes', `认定时长不能超过这项任务的 ${minutesText(task.minutes)}`)
  return { minutes: input.minutes, staffFigure: true, reason: input.reason }
}

type Written = Awaited<ReturnType<typeof notify>>

async function confirmIn(rt: Runtime, tx: Transaction, user: UserDoc, signupId: string, input: Pick<ConfirmInput, 'minutes' | 'reason'>, notices: Written[]): Promise<SignupDoc> {
  const now = rt.now()
  const [{ data: s }] = [await tx.collection(SIGNUPS).doc(signupId).get()]
  const signup = s as SignupDoc
  const { data: t } = await tx.collection(TASKS).doc(signup.taskId).get()
  const task = t as TaskDoc
  if (signup.state === 'confirmed') throw new AppError('CONFLICT', `${signup.name}的时长已经确认过了`)
  if (signup.state === 'cancelled') throw new AppError('CONFLICT', `${signup.name}已经取消报名了`)
  if (task.status === 'cancelled') throw new AppError('CONFLICT', '这项任务已经取消了')
  if (now < task.startsAt) throw new AppError('CONFLICT', '任务还没开始，不能确认时长')
  const figure = figureOf(task, signup, input)
  const rules = await rulesIn(tx, task.district)
  const points = pointsFor(figure.minutes, rules.pointsPerHour)
  // The team the worker is in now is the one the hours count for (read before the ledger writes the account).
  const account = await accountIn(tx, signup.userId, now)
  if (points > 0) {
    await post(tx, account, {
      amount: points,
      reason: `志愿服务：${task.title}（${minutesText(figure.minutes)}${figure.staffFigure ? '，工作人员认定' : ''}）`,
      source: { type: 'task', id: signup._id },
      earned: true,
      by: user._id,
      minutes: { confirmed: figure.minutes },
    }, now)
  } else {
    await updateAccount(tx, account, { minutes: { confirmed: figure.minutes } }, now)
  }
  if (account.teamId) {
    const { data } = await tx.collection(TEAMS).doc(account.teamId).get()
    const team = data as TeamDoc | null
    if (team) await tx.collection(TEAMS).doc(team._id).update({ minutesConfirmed: team.minutesConfirmed + figure.minutes, points: team.points + points, updatedAt: now })
  }
  const confirmed = { ...figure, points, by: user._id, at: now }
  await tx.collection(SIGNUPS).doc(signup._id).update({ state: 'confirmed', confirmed, updatedAt: now })
  await tx.collection(AUDIT).add({
    actorId: user._id, actorRole: 'staff', action: 'volunteer.confirmHours', targetType: 'volunteerSignup', targetId: signup._id,
    from: { state: signup.state, servedMinutes: signup.servedMinutes }, to: { minutes: figure.minutes, points, staffFigure: figure.staffFigure },
    ...(figure.reason ? { note: figure.reason } : {}), at: now,
  })
  notices.push(await notify(rt, tx, {
    openid: signup.openid,
    title: `志愿服务时长已确认${points ? `，积分 +${points}` : ''}`,
    body: `“${task.title}”（${task.date}）确认服务 ${minutesText(figure.minutes)}${figure.reason ? `（${figure.reason.replace(/[。.\s]+$/, '')}）` : ''}${points ? `，记 ${points} 分` : ''}，计入志愿时长和星级。可以在“我的积分”里查看。谢谢您！`,
    target: { kind: 'task', id: task._id },
    about: signup._id,
    progress: { matter: `志愿服务 ${task.title}`, status: '已确认', hint: points ? `积分 +${points}` : `时长 ${minutesText(figure.minutes)}` },
  }))
  return { ...signup, state: 'confirmed', confirmed, updatedAt: now }
}

export async function confirmHours(rt: Runtime, user: UserDoc, input: ConfirmInput): Promise<RosterRow> {
  inScopeOr404(user, await getSignup(rt, input.signupId), '没有找到这条报名')
  let notices: Written[] = []
  const row = await inTransaction(rt.db, (tx: Transaction) => confirmIn(rt, tx, user, input.signupId, input, (notices = [])))
  await deliver(rt, notices)
  return rosterRow(row)
}

/**
 * A call stops taking new sign-ups after this long: each is a transaction of a dozen round trips, and CloudBase ends a
 * function at 10 s — a large roster is finished by calling again (those done are no longer checked out).
 */
const CONFIRM_ALL_BUDGET_MS = 6000

/**
 * Everyone checked out of a task, at their served time, one transaction each (each is its own ledger entry on its own
 * account). Under half an hour served is left for staff to decide one by one; one confirmed meanwhile is skipped.
 */
export async function confirmAll(rt: Runtime, user: UserDoc, taskId: string): Promise<ConfirmAllView> {
  inScopeOr404(user, await getTask(rt, taskId), '没有找到这项任务')
  const { data } = await rt.db.collection(SIGNUPS).where({ taskId, state: 'checkedOut' }).limit(1000).get()
  const rows = data as SignupDoc[]
  const deadline = Date.now() + CONFIRM_ALL_BUDGET_MS
  let confirmed = 0
  let skipped = 0
  for (const [i, s] of rows.entries()) {
    if (Date.now() > deadline) return { confirmed, skipped, left: rows.slice(i).filter((r) => (r.servedMinutes ?? 0) >= 30).length }
    if ((s.servedMinutes ?? 0) < 30) {
      skipped++
      continue
    }
    try {
      let notices: Written[] = []
      await inTransaction(rt.db, (tx: Transaction) => confirmIn(rt, tx, user, s._id, {}, (notices = [])))
      await deliver(rt, notices)
      confirmed++
    } catch (e) {
      if (!isAppError(e) || e.code !== 'CONFLICT') throw e
      skipped++
    }
  }
  return { confirmed, skipped, left: 0 }
}
