import { targetPage, type MessageTarget } from '~types/inbox.schema'
import type { NoticeState, NoticeView, ProgressNoticeFields } from '~types/notice.schema'
import { formatDateTime } from '~types/format'
import type { Database, Runtime, Transaction } from '../core/context'
import { logFailure } from '../core/error-log'
import { MESSAGES, messageDoc } from '../inbox/inbox.service'

export const NOTICES = 'notices'

interface NoticeDoc {
  _id: string
  openid: string
  /** The record it is about (an application id), for the worker's own list. */
  about: string
  page: string
  fields: ProgressNoticeFields
  state: NoticeState
  tries: number
  createdAt: Date
}

/** What to tell a worker: the inbox message (always) and the lock-screen notice's short fields. */
export interface Notice {
  openid: string
  title: string
  body: string
  /** What the message opens (an application, a task, a redemption). Without one — a thank-you for a station
   * correction — it opens 消息. */
  target?: MessageTarget
  /** The record it is about, for the notice row: by default the target (a sign-up's notice opens its task). */
  about?: string
  /** 办理事项 / 状态 / 提示 of the subscribe message; the time is the notice's own. */
  progress: { matter: string; status: string; hint: string }
}

const cut = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`)
const pageOf = (target: MessageTarget | undefined) => (target ? targetPage(target) : 'pages/inbox/index')

/**
 * One notifier for every service. Inside the caller's transaction: the inbox message, and the notice to push — an
 * outbox row, so a notice exists exactly when the change it reports does. Returns what `deliver` needs after commit.
 */
export async function notify(rt: Runtime, tx: Transaction, n: Notice): Promise<NoticeDoc> {
  const now = rt.now()
  await tx.collection(MESSAGES).add(messageDoc(n.openid, { title: n.title, body: n.body, ...(n.target ? { target: n.target } : {}) }, now))
  const fields: ProgressNoticeFields = {
    thing1: cut(n.progress.matter, 20),
    phrase2: cut(n.progress.status, 5),
    time3: formatDateTime(now),
    thing4: cut(n.progress.hint, 20),
  }
  const doc: Omit<NoticeDoc, '_id'> = { openid: n.openid, about: n.about ?? n.target?.id ?? '', page: pageOf(n.target), fields, state: 'pending', tries: 0, createdAt: now }
  const { id } = (await tx.collection(NOTICES).add(doc)) as { id: string }
  return { _id: id, ...doc }
}

const MAX_TRIES = 5

/**
 * After the commit: push the notices, one update each for their state. A failure never undoes the change it
 * reports (that is committed) — the notice stays pending and the hourly job tries again.
 */
export async function deliver(rt: Runtime, notices: readonly NoticeDoc[]): Promise<void> {
  for (const n of notices) {
    let state: NoticeState
    try {
      state = rt.push ? await rt.push.send({ openid: n.openid, page: n.page, fields: n.fields }) : 'skipped'
    } catch (e) {
      logFailure('notice: push', e)
      state = 'failed'
    }
    const tries = n.tries + 1
    const next: NoticeState = state === 'failed' && tries < MAX_TRIES ? 'pending' : state
    await rt.db.collection(NOTICES).doc(n._id).update({ state: next, tries }).catch((e: unknown) => logFailure('notice: state', e))
  }
}

/** Scheduled: notices still pending (a push that failed, an instance that stopped after its commit). */
export async function deliverPending(rt: Runtime): Promise<number> {
  const { data } = await rt.db.collection(NOTICES).where({ state: 'pending' }).limit(100).get()
  await deliver(rt, data as NoticeDoc[])
  return data.length
}

/** A worker's own notices about one record, newest first — locally, what would have been sent. */
export async function noticesAbout(db: Database, openid: string, about: string): Promise<NoticeView[]> {
  const { data } = await db.collection(NOTICES).where({ openid, about }).orderBy('createdAt', 'desc').limit(50).get()
  return (data as NoticeDoc[]).map((n) => ({ id: n._id, fields: n.fields, page: n.page, state: n.state, createdAt: n.createdAt.toISOString() }))
}
