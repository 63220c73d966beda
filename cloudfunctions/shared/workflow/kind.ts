import type { Step } from '~types/application.schema'
import type { KindInfo } from '~types/kinds'
import { formatDateTime } from '~types/format'
import type { Runtime, Transaction } from '../core/context'
import type { ApplicationDoc } from './application.doc'
import type { Notice } from '../notify/notifier'
import type { Actor } from './transition'

/** An inbox message to the applicant about their application (the target is added by the workflow). */
export interface KindMessage {
  title: string
  body: string
  /** The lock-screen notice's hint (≤ 20 characters). @default '点开查看办理进度' */
  hint?: string
}

/** What the applicant is told at each step, in the kind's own words (its law, its appeal route). */
export interface KindMessages {
  received(app: ApplicationDoc): KindMessage
  moreRequested(app: ApplicationDoc, missing: string, answerBy: Date): KindMessage
  approved(app: ApplicationDoc, details: Record<string, unknown>): KindMessage
  rejected(app: ApplicationDoc, reason: string): KindMessage
  expired(app: ApplicationDoc): KindMessage
  /** The decision deadline moved: the new date (null while paused: the days added to what is left). */
  extended(app: ApplicationDoc, dueAt: Date | null, reason: string): KindMessage
}

export interface TransitionHookContext {
  rt: Runtime
  tx: Transaction
  /** The application as read inside the transaction, before the step. */
  app: ApplicationDoc
  step: Step | 'extend'
  /** Who takes the step (a staff member, the applicant, the system's expiry job). */
  actor: Actor
  /** The validated decision details of an approval. */
  details?: Record<string, unknown>
  /**
   * Tells someone else about what the step did (the first in line who got the seat): the inbox message lands in this
   * transaction, the lock-screen notice is pushed after the commit, with the step's own.
   */
  tell(notice: Notice): Promise<void>
}

/**
 * The server side of a kind: what the workflow cannot know — its messages, and what it does inside the step's
 * transaction (take a seat, issue a policy, credit points). Registered in cloudfunctions/shared/kinds.ts.
 */
export interface KindDefinition {
  messages: KindMessages
  /**
   * Runs inside the transition's transaction once the step is legal: single-document operations only (CloudBase).
   * Throwing an AppError refuses the step with nothing written; the returned fields join the application's update.
   */
  onTransition?(ctx: TransitionHookContext): Promise<Partial<ApplicationDoc> | void>
}

const trimEnd = (text: string) => text.replace(/[。.！!；;，,\s]+$/, '')

/**
 * The messages every kind shares the wording of, given its label; a kind passes only what it says differently
 * (what an approval means, where to appeal a rejection).
 */
export function standardMessages(info: Pick<KindInfo, 'label'>, own: Pick<KindMessages, 'approved'> & { appeal: string } & Partial<KindMessages>): KindMessages {
  const { label } = info
  return {
    received: (app) => ({
      title: `已收到您的${label}申请`,
      body: `申请编号 ${app.caseNo}。工作人员会在 ${formatDateTime(app.decisionDueAt!)} 前作出决定。进度可以在“我的申请”里查看。`,
    }),
    moreRequested: (app, missing, answerBy) => ({
      title: `请补充${label}申请材料`,
      hint: `请在 ${formatDateTime(answerBy).slice(5, 10)} 前补充材料`,
      body: `您的申请（${app.caseNo}）还需要：${missing}。请在 ${formatDateTime(answerBy)} 前在“我的申请”里补充，逾期未补充将视为撤回申请。`,
    }),
    rejected: (app, reason) => ({
      title: `${label}申请未获批准`,
      body: `您的申请（${app.caseNo}）未获批准。理由：${trimEnd(reason)}。${own.appeal}`,
    }),
    expired: (app) => ({
      title: `${label}申请已视为撤回`,
      body: `您的申请（${app.caseNo}）没有在期限内补充材料，按规定视为撤回。如仍需帮助，可以重新提交申请。`,
    }),
    extended: (app, dueAt, reason) => ({
      title: `${label}申请的审查期限已延长`,
      body: dueAt
        ? `您的申请（${app.caseNo}）审查期限延长到 ${formatDateTime(dueAt)}。理由：${trimEnd(reason)}。`
        : `您的申请（${app.caseNo}）审查期限已延长，补充材料后重新计时。理由：${trimEnd(reason)}。`,
    }),
    ...own,
  }
}
