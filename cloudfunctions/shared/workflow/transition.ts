import { FINAL_STATUSES, STATUS_LABELS, TRANSITIONS, canTake, type Status, type Step } from '~types/application.schema'
import { STEP_LABELS } from '~types/steps'
import { AUDIT, type AuditEntry } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { KIND_DEFINITIONS } from '../kinds'
import { deliver, notify } from '../notify/notifier'
import { noticeOf } from './notice'
import { attachFiles } from '../storage/files'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import type { KindMessage } from './kind'
import { inTransaction } from '../db/transaction'

export interface Actor {
  id: string
  role: 'worker' | 'staff' | 'system'
}

export interface TransitionOptions {
  /** Fields the step changes besides status and version. */
  patch?: Partial<ApplicationDoc>
  note?: string
  /** Whether the applicant sees this step in their timeline. @default true */
  visibleToApplicant?: boolean
  /** An inbox message to the applicant, written in the same transaction. */
  message?: KindMessage
  /** An approval's validated details, for the kind's hook. */
  details?: Record<string, unknown>
  /** Files the step attaches (the applicant's own uploads), marked in the same transaction (storage/files.ts). */
  attach?: { ownerOpenid: string; fileIds: readonly string[] }
}

/** A state-machine step, or `extend`: a versioned, audited change that keeps the state (the deadline moves). */
export type AnyStep = Step | 'extend'

function targetOf(step: AnyStep, from: Status): Status | null {
  if (step === 'extend') return FINAL_STATUSES.includes(from) ? null : from
  return canTake(step, from) ? TRANSITIONS[step].to : null
}


/**
 * The one way an application changes state. Legal steps only (TRANSITIONS); the version the actor saw must still
 * be current — inside a transaction, so of two reviewers acting at once exactly one wins and the other gets a
 * clear CONFLICT; the audit line and the applicant's message land with the change or not at all.
 */
export async function transition(rt: Runtime, seen: ApplicationDoc, step: AnyStep, actor: Actor, opts: TransitionOptions = {}): Promise<ApplicationDoc> {
  const now = rt.now()
  let notice: Awaited<ReturnType<typeof notify>> | undefined
  await inTransaction(rt.db, async (tx: Transaction) => {
    notice = undefined
    const { data } = await tx.collection(APPLICATIONS).doc(seen._id).get()
    const current = data as ApplicationDoc | null
    if (!current) throw new AppError('NOT_FOUND', '没有找到这份申请')
    if (current.version !== seen.version) throw new AppError('CONFLICT', '这份申请刚被其他人处理过，请刷新后再看')
    const to = targetOf(step, current.status)
    if (!to) throw new AppError('CONFLICT', `这份申请现在是“${STATUS_LABELS[current.status]}”，不能${STEP_LABELS[step]}`)
    // The kind's own part of the step (a seat, a policy, points), in this transaction: all of it or none.
    const own = (await KIND_DEFINITIONS[current.kind].onTransition?.({ rt, tx, app: current, step, details: opts.details })) ?? {}
    await tx.collection(APPLICATIONS).doc(current._id).update({ ...opts.patch, ...own, status: to, open: !FINAL_STATUSES.includes(to), version: current.version + 1, updatedAt: now })
    await tx.collection(AUDIT).add(auditLine(current, step, actor, to, now, opts))
    if (opts.message) notice = await notify(rt, tx, noticeOf(current, to, opts.message))
    if (opts.attach) await attachFiles(rt, tx, opts.attach.ownerOpenid, opts.attach.fileIds, current._id)
  })
  if (notice) await deliver(rt, [notice])
  const { data } = await rt.db.collection(APPLICATIONS).doc(seen._id).get()
  return data[0] as ApplicationDoc
}

function auditLine(app: Pick<ApplicationDoc, '_id' | 'status'> | null, step: string, actor: Actor, to: string, at: Date, opts: Pick<TransitionOptions, 'note' | 'visibleToApplicant'> & { id?: string } = {}): AuditEntry & { visibleToApplicant: boolean } {
  return {
    actorId: actor.id,
    actorRole: actor.role,
    action: `application.${step}`,
    targetType: 'application',
    targetId: app?._id ?? opts.id ?? '',
    from: app?.status ?? null,
    to,
    ...(opts.note ? { note: opts.note } : {}),
    at,
    visibleToApplicant: opts.visibleToApplicant ?? true,
  }
}
