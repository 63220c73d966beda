import type { ApplicationView, ReviewView } from '~types/application.schema'
import { KINDS } from '~types/kinds'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import { KIND_DEFINITIONS } from '../kinds'
import { parseInput } from '../core/validate'
import { useCalendar } from './calendar.service'
import type { Runtime } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { findUserById } from '../user/user.repository'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { staffCovers } from '../core/scope'
import { stepEntry, transition, type Actor, type AnyStep, type StepPlan, type StepTarget } from './transition'
import { applicationView, applicationViews, reviewView } from './views'
import type { ReplayRecorder } from '../core/idempotency'
import type { Transaction } from '../core/context'
import { inTransaction } from '../db/transaction'
import { addWorkingDays, workingDaysLeft } from './working-days'

const NOT_FOUND = '没有找到这份申请'

async function load(rt: Runtime, id: string): Promise<ApplicationDoc | null> {
  const { data } = await rt.db.collection(APPLICATIONS).doc(id).get()
  return (data[0] as ApplicationDoc | undefined) ?? null
}

/** The applicant's own application; anyone else's is simply not found (existence is not revealed). */
export async function loadOwn(rt: Runtime, user: UserDoc, id: string): Promise<ApplicationDoc> {
  const app = await load(rt, id)
  if (!app || app.applicantId !== user._id) throw new AppError('NOT_FOUND', NOT_FOUND)
  return app
}

/** An application inside the staff member's districts and services; outside it, not found. */
export async function loadInScope(rt: Runtime, staff: UserDoc, id: string): Promise<ApplicationDoc> {
  const app = await load(rt, id)
  if (!app || !staffCovers(staff, app)) throw new AppError('NOT_FOUND', NOT_FOUND)
  return app
}

const who = (user: UserDoc, role: 'worker' | 'staff'): Actor => ({ id: user._id, role, ...(role === 'staff' && user.profile?.realName ? { name: user.profile.realName } : {}) })
const isOwn = (user: UserDoc) => (app: ApplicationDoc) => app.applicantId === user._id
const inScopeOf = (staff: UserDoc) => (app: ApplicationDoc) => staffCovers(staff, app)

// ——— the applicant ———

export async function listMine(rt: Runtime, user: UserDoc): Promise<ApplicationView[]> {
  const { data } = await rt.db.collection(APPLICATIONS).where({ applicantId: user._id }).orderBy('createdAt', 'desc').limit(100).get()
  return applicationViews(rt.db, data as ApplicationDoc[])
}

export async function getMine(rt: Runtime, user: UserDoc, id: string): Promise<ApplicationView> {
  return applicationView(rt.db, await loadOwn(rt, user, id))
}

/** The answer to a request for materials: the decision clock resumes with the working days it had left. */
export async function supplement(rt: Runtime, user: UserDoc, input: { id: string; note: string; attachments: string[] }, recorder?: ReplayRecorder): Promise<ApplicationView> {
  await useCalendar(rt)
  const now = rt.now()
  const next = await transition(
    rt,
    { id: input.id, visibleTo: isOwn(user), attach: { ownerOpenid: user.openid, fileIds: input.attachments } },
    'supplement',
    who(user, 'worker'),
    (app) => {
      const resumed = addWorkingDays(now, app.pausedWorkingDays ?? 0)
      return {
        note: input.note,
        patch: {
          // Every file the applicant ever sent stays on the application; the answer remembers which came with it.
          attachments: [...new Set([...app.attachments, ...input.attachments])],
          supplement: { ...app.supplement!, answer: input.note, answerAttachments: input.attachments },
          pausedWorkingDays: null,
          decisionDueAt: resumed.dueAt,
          dueAt: resumed.dueAt,
          provisional: app.provisional || resumed.provisional,
        },
      }
    },
    recorder,
  )
  return applicationView(rt.db, next)
}

export async function withdraw(rt: Runtime, user: UserDoc, input: { id: string; reason?: string }, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const next = await transition(rt, { id: input.id, visibleTo: isOwn(user) }, 'withdraw', who(user, 'worker'), { note: input.reason, patch: { dueAt: null } }, recorder)
  return applicationView(rt.db, next)
}

// ——— the reviewer ———

export async function detail(rt: Runtime, staff: UserDoc, id: string): Promise<ReviewView> {
  return reviewView(rt.db, await loadInScope(rt, staff, id))
}

/** A reviewer's step on an application in their scope, at the version they saw; the answer is what it became. */
async function review(rt: Runtime, staff: UserDoc, input: { id: string; version: number }, step: AnyStep, plan: StepPlan, recorder?: ReplayRecorder, check?: StepTarget['check']): Promise<ReviewView> {
  const next = await transition(rt, { id: input.id, version: input.version, visibleTo: inScopeOf(staff), check }, step, who(staff, 'staff'), plan, recorder)
  return reviewView(rt.db, next)
}

export async function startReview(rt: Runtime, staff: UserDoc, input: { id: string; version: number }, recorder?: ReplayRecorder) {
  return review(rt, staff, input, 'startReview', { visibleToApplicant: true }, recorder)
}

/** Stops the decision clock: the working days left are kept and restart when the applicant answers. */
export async function requestMore(rt: Runtime, staff: UserDoc, input: { id: string; version: number; missing: string; workingDays?: number }, recorder?: ReplayRecorder) {
  await useCalendar(rt)
  const now = rt.now()
  return review(rt, staff, input, 'requestMore', (app) => {
    const rules = KINDS[app.kind].rules
    const answerBy = addWorkingDays(now, input.workingDays ?? rules.supplementWorkingDays)
    const left = app.decisionDueAt ? workingDaysLeft(now, app.decisionDueAt) : rules.decideWithinWorkingDays
    return {
      note: input.missing,
      // A new request: the last one's answer goes with it (`supplement` is replaced whole).
      patch: { supplement: { missing: input.missing, deadline: answerBy.dueAt }, pausedWorkingDays: left, dueAt: answerBy.dueAt },
      message: KIND_DEFINITIONS[app.kind].messages.moreRequested(app, input.missing, answerBy.dueAt),
    }
  }, recorder)
}

/**
 * Approve any kind: its `details` are checked against the kind's decision schema (errors name `details.<field>`),
 * kept on the decision, handed to the kind's in-transaction hook, and put in the kind's approval message.
 */
export async function approve(rt: Runtime, staff: UserDoc, input: { id: string; version: number; details: Record<string, unknown>; note?: string }, recorder?: ReplayRecorder) {
  let details: Record<string, unknown> = {}
  const now = rt.now()
  return review(
    rt,
    staff,
    input,
    'approve',
    (app) => ({
      note: input.note,
      details,
      patch: { decision: { result: 'approved', details, ...(input.note ? { note: input.note } : {}), at: now }, dueAt: null },
      message: (after) => KIND_DEFINITIONS[app.kind].messages.approved(after, details),
    }),
    recorder,
    (app) => {
      details = parseInput(KINDS[app.kind].decision, input.details, 'details')
    },
  )
}

export async function reject(rt: Runtime, staff: UserDoc, input: { id: string; version: number; reason: string }, recorder?: ReplayRecorder) {
  const now = rt.now()
  return review(rt, staff, input, 'reject', (app) => ({
    note: input.reason,
    patch: { decision: { result: 'rejected', reason: input.reason, at: now }, dueAt: null },
    message: KIND_DEFINITIONS[app.kind].messages.rejected(app, input.reason),
  }), recorder)
}

/** Once, with a reason: the decision deadline moves by the kind's extension (working days). Not a state change. */
export async function extend(rt: Runtime, staff: UserDoc, input: { id: string; version: number; reason: string }, recorder?: ReplayRecorder) {
  await useCalendar(rt)
  return review(rt, staff, input, 'extend', (app) => {
    if (app.extended) throw new AppError('CONFLICT', '审查期限只能延长一次')
    const { extensionWorkingDays } = KINDS[app.kind].rules
    let patch: Partial<ApplicationDoc> = { extended: true }
    let dueAt: Date | null = null
    if (app.pausedWorkingDays !== null) patch = { ...patch, pausedWorkingDays: app.pausedWorkingDays + extensionWorkingDays }
    else if (app.decisionDueAt) {
      const moved = addWorkingDays(app.decisionDueAt, extensionWorkingDays)
      dueAt = moved.dueAt
      patch = { ...patch, decisionDueAt: moved.dueAt, dueAt: moved.dueAt, provisional: app.provisional || moved.provisional }
    }
    // The applicant is told the new date: the inbox must not keep the old one.
    return { note: input.reason, patch, message: KIND_DEFINITIONS[app.kind].messages.extended(app, dueAt, input.reason) }
  }, recorder)
}

/**
 * The applicant's full ID number, for the rare step that needs it (e.g. filing with a court). A separate action
 * so it is never in a list or a detail by accident, and audited every time — who looked, at what, when. The audit
 * line and the reviewers' trail entry on the application are one transaction (an application filed before it had
 * a trail of its own gets the audit line alone: its trail is read from there).
 */
export async function revealIdNumber(rt: Runtime, staff: UserDoc, id: string): Promise<{ idNumber: string }> {
  const app = await loadInScope(rt, staff, id)
  const applicant = await findUserById(rt.db, app.applicantId)
  if (!applicant?.profile) throw new AppError('NOT_FOUND', '申请人的身份证号不在档')
  const now = rt.now()
  const line = {
    actorId: staff._id, actorRole: 'staff', action: 'application.revealId', targetType: 'application', targetId: app._id,
    from: app.status, to: app.status, at: now, visibleToApplicant: false,
  } as const
  if (!Array.isArray(app.timeline)) await rt.db.collection(AUDIT).add(line)
  else {
    await inTransaction(rt.db, async (tx: Transaction) => {
      await tx.collection(AUDIT).add(line)
      // Appended, not rewritten: a step taken meanwhile keeps its entry. Not a new version: nothing was decided.
      const entry = stepEntry('revealId', who(staff, 'staff'), app.status, app.status, now, { visibleToApplicant: false })
      await tx.collection(APPLICATIONS).doc(app._id).update({ timeline: rt.db.command.push(entry) })
    })
  }
  return { idNumber: rt.vault.decrypt(applicant.profile.idNumberSealed) }
}

/**
 * 办结: an approved application whose matter is done (legal aid: the case is over) is closed — the last step, after
 * which it is `done`. The applicant is told, with the note if there is one.
 */
export async function close(rt: Runtime, staff: UserDoc, input: { id: string; version: number; note?: string }, recorder?: ReplayRecorder) {
  return review(rt, staff, input, 'close', (app) => ({
    note: input.note,
    patch: { dueAt: null },
    message: {
      title: `${KINDS[app.kind].label}申请已办结`,
      body: `申请编号 ${app.caseNo} 已办结。${input.note ? `工作人员说明：${input.note}` : ''}办理经过可以在“我的申请”里查看。`,
      hint: '已办结，点开查看办理经过',
    },
  }), recorder)
}
