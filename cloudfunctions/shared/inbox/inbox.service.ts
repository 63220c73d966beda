import type { MessageTarget, MessageView } from '~types/inbox.schema'
import type { Database } from '../core/context'
import { AppError } from '../core/app-error'

export const MESSAGES = 'messages'
const PAGE = 20

interface MessageDoc {
  _id: string
  openid: string
  title: string
  body: string
  createdAt: Date
  readAt: Date | null
  target?: MessageTarget
}

export interface MessageContent {
  title: string
  body: string
  /** What the message is about: the inbox offers a way straight to it. */
  target?: MessageTarget
}

/**
 * The in-app inbox exists in both places; in production a WeChat subscribe message may also be sent
 * (a later notifier), but the inbox is the record the worker can always come back to.
 */
export async function postMessage(db: Database, openid: string, msg: MessageContent, now: Date) {
  await db.collection(MESSAGES).add(messageDoc(openid, msg, now))
}

/** A new, unread message — for callers that add it inside their own transaction. */
export function messageDoc(openid: string, msg: MessageContent, now: Date): Omit<MessageDoc, '_id'> {
  return { openid, title: msg.title, body: msg.body, createdAt: now, readAt: null, ...(msg.target ? { target: msg.target } : {}) }
}

function toView(m: MessageDoc): MessageView {
  return { id: m._id, title: m.title, body: m.body, createdAt: m.createdAt.toISOString(), read: m.readAt !== null, ...(m.target ? { target: m.target } : {}) }
}

export async function listMessages(db: Database, openid: string, before?: string) {
  const _ = db.command
  const where = before ? { openid, createdAt: _.lt(new Date(before)) } : { openid }
  const [{ data }, unread] = await Promise.all([
    db.collection(MESSAGES).where(where).orderBy('createdAt', 'desc').limit(PAGE).get(),
    countUnread(db, openid),
  ])
  return { items: (data as MessageDoc[]).map(toView), unread }
}

async function countUnread(db: Database, openid: string): Promise<number> {
  const { total } = await db.collection(MESSAGES).where({ openid, readAt: null }).count()
  return total
}

export async function markRead(db: Database, openid: string, id: string, now: Date) {
  // Scoped by openid in the filter itself: another user's message id simply matches nothing.
  const { updated } = await db.collection(MESSAGES).where({ _id: id, openid }).update({ readAt: now })
  if (!updated) {
    const { total } = await db.collection(MESSAGES).where({ _id: id, openid }).count()
    if (!total) throw new AppError('NOT_FOUND', '没有找到这条消息')
  }
  return { unread: await countUnread(db, openid) }
}

/** 全部标为已读: every unread message of the caller at once (one update, scoped by openid in the filter). */
export async function markAllRead(db: Database, openid: string, now: Date) {
  await db.collection(MESSAGES).where({ openid, readAt: null }).update({ readAt: now })
  return { unread: await countUnread(db, openid) }
}
