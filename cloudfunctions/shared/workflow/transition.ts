import { FINAL_STATUSES, STATUS_LABELS, TRANSITIONS, canTake, type Status, type Step } from '~types/application.schema'
import { STEP_LABELS } from '~types/steps'
import { AUDIT, type AuditEntry } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Database, Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import { KIND_DEFINITIONS } from '../kinds'
import { deliver, notify, type Notice } from '../notify/notifier'
import { noticeOf } from './notice'
import { attachChecked, filesToAttach } from '../storage/files'
import { APPLICATIONS, type ApplicationDoc, type StepDoc } from './application.doc'
import type { KindMessage } from './kind'
import { inTransaction } from '../db/transaction'

export interface Actor {
  id: string
  role: 'worker' | 'staff' | 'system'
  /** A staff member's name, kept on the application's trail for the reviewers (the applicant reads 工作人员). */
  name?: string
}

export interface TransitionOptions {
  /** Fields the step changes besides status and version; each replaces the stored field whole. */
  patch?: Partial<ApplicationDoc>
  note?: string
  /** Whether the applicant sees this step in their timeline. @default true */
  visibleToApplicant?: boolean
  /**
   * An inbox message to the applicant, written in the same transaction — or made from the application as the step
   * leaves it (the kind's hook included: the points it credited).
   */
  message?: KindMessage | ((after: ApplicationDoc) => KindMessage)
  /** An approval's validated details, for the kind's hook. */
  details?: Record<string, unknown>
}

/** Which application a step is taken on, and what must hold of it. */
export interface StepTarget {
  id: string
  /**
   * The version the actor saw: a step on any other is refused (two reviewers, one wins). Left out — the applicant's
   * own steps, which name no version — the step is taken on the application as it is, if it is legal from there.
   */
  version?: number
  /** Whether the actor may see it at all; if not, it is not found (its existence is not revealed). */
  visibleTo?: (app: ApplicationDoc) => boolean
  /** Checks of the input that need the application (its kind's decision schema), before its version is. */
  check?: (app: ApplicationDoc) => void
  /** Files the step attaches (the applicant's own uploads): checked before, marked in the same transaction. */
  attach?: { ownerOpenid: string; fileIds: readonly string[] }
}

/** A step as a function of the application read inside the transaction (patches that depend on what is stored). */
export type StepPlan = TransitionOptions | ((current: ApplicationDoc) => TransitionOptions)

/** A state-machine step, or `extend`: a versioned, audited change that keeps the state (the deadline moves). */
export type AnyStep = Step | 'extend'

function targetOf(step: AnyStep, from: Status): Status | null {
  if (step === 'extend') return FINAL_STATUSES.includes(from) ? null : from
  return canTake(step, from) ? TRANSITIONS[step].to : null
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype

/**
 * The fields as `update` must send them to replace each one whole: the SDK spreads a sub-document into dotted paths
 * (`supplement.missing`…), which would keep fields the new value leaves out — a new request for materials would
 * still carry the last answer. `_.set` sets the field as given. Unset values are left out (the SDK drops them).
 */
export function replacing(db: Database, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = isPlainObject(v) ? db.command.set(v) : v
  return out
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

/**
 * The one way an application changes state. Legal steps only (TRANSITIONS); the version the actor saw must still
 * be current — inside a transaction, so of two reviewers acting at once exactly one wins and the other gets a
 * clear CONFLICT; the audit line, the application's own trail entry and the applicant's message land with the
 * change or not at all. The application is read only inside the transaction (the access check too), and what it
 * becomes is answered from memory — exactly what was written — without reading it back. `recorder` (a requestId's
 * replay record) is written last in the same transaction.
 */
export async function transition(
  rt: Runtime,
  on: StepTarget | ApplicationDoc,
  step: AnyStep,
  actor: Actor,
  plan: StepPlan = {},
  recorder?: ReplayRecorder,
): Promise<ApplicationDoc> {
  // An application already read (the expiry job's): the step is taken at the version it was read at.
  const target: StepTarget = '_id' in on ? { id: on._id, version: on.version } : on
  const now = rt.now()
  const files = target.attach ? await filesToAttach(rt.db, target.attach.ownerOpenid, target.attach.fileIds) : []
  let notices: Awaited<ReturnType<typeof notify>>[] = []
  const next = await inTransaction(rt.db, async (tx: Transaction) => {
    notices = []
    const { data } = await tx.collection(APPLICATIONS).doc(target.id).get()
    const current = data as ApplicationDoc | null
    if (!current || (target.visibleTo && !target.visibleTo(current))) throw new AppError('NOT_FOUND', '没有找到这份申请')
    target.check?.(current)
    if (target.version !== undefined && current.version !== target.version) throw new AppError('CONFLICT', '这份申请刚被其他人处理过，请刷新后再看')
    const to = targetOf(step, current.status)
    if (!to) throw new AppError('CONFLICT', `这份申请现在是“${STATUS_LABELS[current.status]}”，不能${STEP_LABELS[step]}`)
    const opts = typeof plan === 'function' ? plan(current) : plan
    // The kind's own part of the step (a seat, a policy, points), in this transaction: all of it or none.
    const tell = async (n: Notice) => void notices.push(await notify(rt, tx, n))
    const own = (await KIND_DEFINITIONS[current.kind].onTransition?.({ rt, tx, app: current, step, details: opts.details, tell, actor })) ?? {}
    const fields: Partial<ApplicationDoc> = defined({ ...opts.patch, ...own, status: to, open: !FINAL_STATUSES.includes(to), version: current.version + 1, updatedAt: now })
    // An application filed before it kept its own trail goes on without one (its views read the audit lines).
    if (Array.isArray(current.timeline)) fields.timeline = [...current.timeline, stepEntry(step, actor, current.status, to, now, opts)]
    await tx.collection(APPLICATIONS).doc(current._id).update(replacing(rt.db, fields))
    await tx.collection(AUDIT).add(auditLine(current, step, actor, to, now, opts))
    if (opts.message) {
      const message = typeof opts.message === 'function' ? opts.message({ ...current, ...fields } as ApplicationDoc) : opts.message
      notices.push(await notify(rt, tx, noticeOf(current, to, message)))
    }
    await attachChecked(rt, tx, files, current._id)
    await recorder?.record(tx, { id: current._id })
    return { ...current, ...fields } as ApplicationDoc
  })
  if (notices.length) await deliver(rt, notices)
  return next
}

/** The trail entry of a step, as the application keeps it. */
export function stepEntry(step: StepDoc['step'], actor: Actor, from: Status | null, to: Status, at: Date, opts: Pick<TransitionOptions, 'note' | 'visibleToApplicant'> = {}): StepDoc {
  return {
    at,
    step,
    actorRole: actor.role,
    ...(actor.role === 'staff' && actor.name ? { actorName: actor.name } : {}),
    from,
    to,
    ...(opts.note ? { note: opts.note } : {}),
    visibleToApplicant: opts.visibleToApplicant ?? true,
  }
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
