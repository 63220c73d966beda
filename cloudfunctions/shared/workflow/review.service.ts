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
import { transition } from './transition'
import { applicationView, applicationViews, reviewView } from './views'
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

function expectVersion(app: ApplicationDoc, version: number) {
  if (app.version !== version) throw new AppError('CONFLICT', '这份申请刚被其他人处理过，请刷新后再看')
}

const who = (user: UserDoc, role: 'worker' | 'staff') => ({ id: user._id, role })

// ——— the applicant ———

export async function listMine(rt: Runtime, user: UserDoc): Promise<ApplicationView[]> {
  const { data } = await rt.db.collection(APPLICATIONS).where({ applicantId: user._id }).orderBy('createdAt', 'desc').limit(100).get()
  return applicationViews(rt.db, data as ApplicationDoc[])
}

export async function getMine(rt: Runtime, user: UserDoc, id: string): Promise<ApplicationView> {
  return applicationView(rt.db, await loadOwn(rt, user, id))
}

/** The answer to a request for materials: the decision clock resumes with the working days it had left. */
export async function supplement(rt: Runtime, user: UserDoc, input: { id: string; note: string; attachments: string[] }): Promise<ApplicationView> {
  const app = await loadOwn(rt, user, input.id)
  await useCalendar(rt)
  const resumed = addWorkingDays(rt.now(), app.pausedWorkingDays ?? 0)
  const next = await transition(rt, app, 'supplement', who(user, 'worker'), {
    note: input.note,
    attach: { ownerOpenid: user.openid, fileIds: input.attachments },
    patch: {
      // Every file the applicant ever sent stays on the application; the answer remembers which came with it.
      attachments: [...new Set([...app.attachments, ...input.attachments])],
      supplement: { ...app.supplement!, answer: input.note, answerAttachments: input.attachments },
      pausedWorkingDays: null,
      decisionDueAt: resumed.dueAt,
      dueAt: resumed.dueAt,
      provisional: app.provisional || resumed.provisional,
    },
  })
  return applicationView(rt.db, next)
}

export async function withdraw(rt: Runtime, user: UserDoc, input: { id: string; reason?: string }): Promise<ApplicationView> {
  const app = await loadOwn(rt, user, input.id)
  const next = await transition(rt, app, 'withdraw', who(user, 'worker'), { note: input.reason, patch: { dueAt: null } })
  return applicationView(rt.db, next)
}

// ——— the reviewer ———

export async function detail(rt: Runtime, staff: UserDoc, id: string): Promise<ReviewView> {
  const app = await loadInScope(rt, staff, id)
  return reviewView(rt.db, app, await findUserById(rt.db, app.applicantId))
}

async function decided(rt: Runtime, app: ApplicationDoc): Promise<ReviewView> {
  return reviewView(rt.db, app, await findUserById(rt.db, app.applicantId))
}

export async function startReview(rt: Runtime, staff: UserDoc, input: { id: string; version: number }) {
  const app = await loadInScope(rt, staff, input.id)
  expectVersion(app, input.version)
  return decided(rt, await transition(rt, app, 'startReview', who(staff, 'staff'), { visibleToApplicant: true }))
}

/** Stops the decision clock: the working days left are kept and restart when the applicant answers. */
export async function requestMore(rt: Runtime, staff: UserDoc, input: { id: string; version: number; missing: string; workingDays?: number }) {
  const app = await loadInScope(rt, staff, input.id)
  expectVersion(app, input.version)
  await useCalendar(rt)
  const now = rt.now()
  const rules = KINDS[app.kind].rules
  const answerBy = addWorkingDays(now, input.workingDays ?? rules.supplementWorkingDays)
  const left = app.decisionDueAt ? workingDaysLeft(now, app.decisionDueAt) : rules.decideWithinWorkingDays
  return decided(
    rt,
    await transition(rt, app, 'requestMore', who(staff, 'staff'), {
      note: input.missing,
      patch: { supplement: { missing: input.missing, deadline: answerBy.dueAt }, pausedWorkingDays: left, dueAt: answerBy.dueAt },
      message: KIND_DEFINITIONS[app.kind].messages.moreRequested(app, input.missing, answerBy.dueAt),
    }),
  )
}

/**
 * Approve any kind: its `details` are checked against the kind's decision schema (errors name `details.<field>`),
 * kept on the decision, handed to the kind's in-transaction hook, and put in the kind's approval message.
 */
export async function approve(rt: Runtime, staff: UserDoc, input: { id: string; version: number; details: Record<string, unknown>; note?: string }) {
  const app = await loadInScope(rt, staff, input.id)
  const details = parseInput(KINDS[app.kind].decision, input.details, 'details')
  expectVersion(app, input.version)
  return decided(
    rt,
    await transition(rt, app, 'approve', who(staff, 'staff'), {
      note: input.note,
      details,
      patch: { decision: { result: 'approved', details, ...(input.note ? { note: input.note } : {}), at: rt.now() }, dueAt: null },
      message: KIND_DEFINITIONS[app.kind].messages.approved(app, details),
    }),
  )
}

export async function reject(rt: Runtime, staff: UserDoc, input: { id: string; version: number; reason: string }) {
  const app = await loadInScope(rt, staff, input.id)
  expectVersion(app, input.version)
  return decided(
    rt,
    await transition(rt, app, 'reject', who(staff, 'staff'), {
      note: input.reason,
      patch: { decision: { result: 'rejected', reason: input.reason, at: rt.now() }, dueAt: null },
      message: KIND_DEFINITIONS[app.kind].messages.rejected(app, input.reason),
    }),
  )
}

/** Once, with a reason: the decision deadline moves by the kind's extension (working days). Not a state change. */
export async function extend(rt: Runtime, staff: UserDoc, input: { id: string; version: number; reason: string }) {
  const app = await loadInScope(rt, staff, input.id)
  expectVersion(app, input.version)
  if (app.extended) throw new AppError('CONFLICT', '审查期限只能延长一次')
  await useCalendar(rt)
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
  const message = KIND_DEFINITIONS[app.kind].messages.extended(app, dueAt, input.reason)
  const next = await transition(rt, app, 'extend', who(staff, 'staff'), { note: input.reason, patch, message })
  return decided(rt, next)
}

/**
 * The applicant's full ID number, for the rare step that needs it (e.g. filing with a court). A separate action
 * so it is never in a list or a detail by accident, and audited every time — who looked, at what, when.
 */
export async function revealIdNumber(rt: Runtime, staff: UserDoc, id: string): Promise<{ idNumber: string }> {
  const app = await loadInScope(rt, staff, id)
  const applicant = await findUserById(rt.db, app.applicantId)
  if (!applicant?.profile) throw new AppError('NOT_FOUND', '申请人的身份证号不在档')
  await rt.db.collection(AUDIT).add({
    actorId: staff._id, actorRole: 'staff', action: 'application.revealId', targetType: 'application', targetId: app._id,
    from: app.status, to: app.status, at: rt.now(), visibleToApplicant: false,
  })
  return { idNumber: rt.vault.decrypt(applicant.profile.idNumberSealed) }
}

/**
 * 办结: an approved application whose matter is done (legal aid: the case is over) is closed — the last step, after
 * which it is `done`. The applicant is told, with the note if there is one.
 */
export async function close(rt: Runtime, staff: UserDoc, input: { id: string; version: number; note?: string }) {
  const app = await loadInScope(rt, staff, input.id)
  expectVersion(app, input.version)
  const { label } = KINDS[app.kind]
  return decided(
    rt,
    await transition(rt, app, 'close', who(staff, 'staff'), {
      note: input.note,
      patch: { dueAt: null },
      message: {
        title: `${label}申请已办结`,
        body: `申请编号 ${app.caseNo} 已办结。${input.note ? `工作人员说明：${input.note}` : ''}办理经过可以在“我的申请”里查看。`,
        hint: '已办结，点开查看办理经过',
      },
    }),
  )
}
