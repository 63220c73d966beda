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
/** Longer than any function may run (CloudBase timeout: 10 s in cloudbaserc.json). */
const STALE_MS = 60_000

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
    if (!(await takeOverStale(db, id, fingerprint, now))) return replay<T>(db, id, fingerprint)
  }
  let result: T
  try {
    result = await run()
  } catch (e) {
    // The write did not happen: release the key so the same submission can be retried. A failed release must
    // not hide the real error (the key then frees itself once stale).
    await docs.doc(id).remove().catch(() => undefined)
    throw e
  }
  // The write happened. If recording its result fails, the key stays pending (and is taken over only once stale):
  // better a "still processing" answer for a while than running the write a second time.
  await docs
    .doc(id)
    .update({ state: 'done', result: result === undefined ? null : result })
    .catch((e: unknown) => console.error('[idempotency] result not recorded', (e as Error).message))
  return result
}

/**
 * A key left pending by an instance that died mid-call (CloudBase kills a function at its timeout) would block
 * that submission for ever. Past STALE_MS it is taken over — atomically: only the caller whose conditional
 * update matches the old timestamp wins.
 */
async function takeOverStale(db: Database, id: string, fingerprint: string, now: Date): Promise<boolean> {
  const { data } = await db.collection(IDEMPOTENCY).doc(id).get()
  const doc = (data as IdempotencyDoc[])[0]
  if (!doc || doc.state !== 'pending' || now.getTime() - doc.createdAt.getTime() < STALE_MS) return false
  const { updated } = await db.collection(IDEMPOTENCY).where({ _id: id, state: 'pending', createdAt: doc.createdAt }).update({ createdAt: now, fingerprint })
  return updated === 1
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

/** How long a result is kept for replays: a retry comes within minutes; a day covers a phone left offline. */
const KEEP_MS = 24 * 3600 * 1000

/**
 * Scheduled: forget old keys. Their stored results hold what the action returned (a profile, an application), so
 * keeping them longer than a retry needs would only keep personal data around. Returns how many were removed.
 */
export async function purgeIdempotencyKeys(db: Database, now: Date): Promise<number> {
  const { deleted } = await db.collection(IDEMPOTENCY).where({ createdAt: db.command.lt(new Date(now.getTime() - KEEP_MS)) }).remove()
  return deleted ?? 0
}
