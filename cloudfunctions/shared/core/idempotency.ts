import { createHash } from 'node:crypto'
import { isDuplicateKeyError } from '../db'
import type { Database } from './context'
import { AppError } from './app-error'

export const IDEMPOTENCY = 'idempotency'

interface IdempotencyDoc {
  _id: string
  state: 'pending' | 'done'
  fingerprint: string
  result?: unknown
  createdAt: Date
}

/** How long a second identical call waits for the first one to finish before answering CONFLICT. */
const WAIT_MS = 3000
const POLL_MS = 50

export function fingerprintOf(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input ?? null)).digest('base64url')
}

/**
 * Runs a write at most once per key (caller + function + action + requestId). The first call claims the key by
 * inserting it — the primary key makes the claim atomic, so two simultaneous taps cannot both run. A later call
 * with the same key gets the stored result; a failed run releases the key so the user can retry.
 */
export async function runOnce<T>(db: Database, key: string, input: unknown, now: Date, run: () => Promise<T>): Promise<T> {
  const id = createHash('sha256').update(key).digest('hex')
  const fingerprint = fingerprintOf(input)
  const docs = db.collection(IDEMPOTENCY)
  try {
    await docs.add({ _id: id, state: 'pending', fingerprint, createdAt: now })
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e
    return replay<T>(db, id, fingerprint)
  }
  try {
    const result = await run()
    await docs.doc(id).update({ state: 'done', result: result === undefined ? null : result })
    return result
  } catch (e) {
    await docs.doc(id).remove()
    throw e
  }
}

async function replay<T>(db: Database, id: string, fingerprint: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const { data } = await db.collection(IDEMPOTENCY).doc(id).get()
    const doc = (data as IdempotencyDoc[])[0]
    if (!doc) throw new AppError('CONFLICT', '上一次提交没有成功，请再提交一次')
    if (doc.fingerprint !== fingerprint) throw new AppError('CONFLICT', '这个请求编号已用于另一份内容，请刷新后再提交')
    if (doc.state === 'done') return doc.result as T
    if (Date.now() > deadline) throw new AppError('CONFLICT', '上一次提交还在处理中，请稍候再看')
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}
