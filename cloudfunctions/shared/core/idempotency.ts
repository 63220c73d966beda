import { isDuplicateKeyError } from '../db'
import type { Vault } from '../security/vault'
import type { Database, Transaction } from './context'
import { AppError } from './app-error'
import { logFailure } from './error-log'

export const IDEMPOTENCY = 'idempotency'

/**
 * One claimed call. Nothing here may hold personal data in clear or in an unkeyed hash — a copy of the database
 * must not give away an ID number (an unkeyed SHA-256 of the input could be brute-forced: the number space is
 * small). So the `_id` and the fingerprint are keyed MACs, and what is kept of the answer is sealed.
 */
interface IdempotencyDoc {
  _id: string
  state: 'pending' | 'done'
  fingerprint: string
  /** `vault.seal('idempotency/result', JSON)` of what `keep` chose to keep of the answer. */
  kept?: string
  createdAt: Date
}

/** What the replay store needs: the database and the keys. A Runtime is one. */
export interface ReplayStore {
  db: Database
  vault: Vault
}

/** The first call ran and this is its answer; or it had run before and this is what was kept of its answer. */
export type Outcome<T> = { ran: true; result: T } | { ran: false; kept: unknown }

/** How long a second identical call waits for the first one to finish before answering CONFLICT. */
const WAIT_MS = 3000
const POLL_MS = 50
/** Longer than any function may run (CloudBase timeout: 10 s in cloudbaserc.json). */
const STALE_MS = 60_000

export function idempotencyId(vault: Vault, key: string): string {
  return vault.mac('idempotency/key', key)
}

function fingerprintOf(vault: Vault, input: unknown): string {
  return vault.mac('idempotency/fingerprint', JSON.stringify(input ?? null))
}

/**
 * Runs a write at most once per key (caller + function + action + requestId). The first call claims the key by
 * inserting it — the primary key makes the claim atomic, so two simultaneous taps cannot both run. A later call
 * with the same key gets what `keep` kept of the first answer; a failed run releases the key so the user can retry.
 */
export async function runOnce<T>(
  store: ReplayStore,
  key: string,
  input: unknown,
  now: Date,
  run: () => Promise<T>,
  keep: (result: T) => unknown = (r) => r,
): Promise<Outcome<T>> {
  const { db, vault } = store
  const id = idempotencyId(vault, key)
  const fingerprint = fingerprintOf(vault, input)
  const docs = db.collection(IDEMPOTENCY)
  try {
    await docs.add({ _id: id, state: 'pending', fingerprint, createdAt: now })
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e
    if (!(await takeOverStale(db, id, fingerprint, now))) return { ran: false, kept: await replay(store, id, fingerprint) }
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
  // The write happened. If recording it fails, the key stays pending (and is taken over only once stale):
  // better a "still processing" answer for a while than running the write a second time.
  const kept = keep(result)
  await docs
    .doc(id)
    .update({ state: 'done', kept: vault.seal('idempotency/result', JSON.stringify(kept === undefined ? null : kept)) })
    .catch((e: unknown) => logFailure('idempotency: result not recorded', e))
  return { ran: true, result }
}

/**
 * Handed to a write that records its own replay (dispatch: `recordsReplay`): `record` is called inside the write's
 * transaction, as its last operation, with the answer the call gives — or, for a write a repeat answers through a
 * read (`{ read, by }`), any object with that field (`{ id }`), since that is all the record keeps.
 */
export interface ReplayRecorder {
  record(tx: Transaction, answer: unknown): Promise<void>
}

/** The record's key was already in the store: this call is a repeat (its transaction is rolled back). */
class KeyTaken extends Error {
  constructor() {
    super('idempotency key already recorded')
  }
}

/**
 * `runOnce` for a write whose effects are one transaction: the record goes into that transaction instead of being
 * claimed before and completed after — one write instead of two, and never a key left pending. The primary key
 * still settles a double tap: of the transactions that add the same key only one can commit (the other meets the
 * key, or a write conflict, and is rolled back whole). The loser fails — on the key, or on what the winner changed
 * (a moved version, a step no longer legal) — and only then is the store read: a record with this fingerprint
 * means the call already ran, and the repeat gets what was kept; none means the failure is the answer.
 */
export async function runOnceWithin<T>(
  store: ReplayStore,
  key: string,
  input: unknown,
  now: Date,
  run: (recorder: ReplayRecorder) => Promise<T>,
  keep: (result: T) => unknown = (r) => r,
): Promise<Outcome<T>> {
  const { db, vault } = store
  const id = idempotencyId(vault, key)
  const fingerprint = fingerprintOf(vault, input)
  const keptJson = (answer: unknown) => JSON.stringify(keep(answer as T) ?? null)
  // What the last attempt recorded: the transaction may run again after a conflict, and only the last one commits.
  let recorded: string | undefined
  const recorder: ReplayRecorder = {
    async record(tx, answer) {
      const json = keptJson(answer)
      recorded = undefined
      try {
        await tx.collection(IDEMPOTENCY).add({ _id: id, state: 'done', fingerprint, kept: vault.seal('idempotency/result', json), createdAt: now })
      } catch (e) {
        throw isDuplicateKeyError(e) ? new KeyTaken() : e
      }
      recorded = json
    },
  }
  let result: T
  try {
    result = await run(recorder)
  } catch (e) {
    const { data } = await db.collection(IDEMPOTENCY).doc(id).get()
    const doc = (data as IdempotencyDoc[])[0]
    if (!doc) {
      // The key was met but is gone now (the first call's record purged, or a claim released meanwhile): try again.
      if (e instanceof KeyTaken) throw new AppError('CONFLICT', '上一次提交没有成功，请再提交一次')
      throw e
    }
    // A claim left by a `runOnce` of an earlier release (a deploy in between), whose instance died: taken over.
    if (doc.state === 'pending' && now.getTime() - doc.createdAt.getTime() >= STALE_MS) {
      const { deleted } = (await db.collection(IDEMPOTENCY).where({ _id: id, state: 'pending', createdAt: doc.createdAt }).remove()) as { deleted?: number }
      if (deleted) return runOnceWithin(store, key, input, now, run, keep)
    }
    return { ran: false, kept: await replay(store, id, fingerprint, doc) }
  }
  if (recorded === undefined) {
    // A path of the write that did not record (a bug): record it now, so that at least a later repeat replays.
    logFailure('idempotency: write did not record its replay', new Error('recordsReplay handler without record()'))
    await db.collection(IDEMPOTENCY).add({ _id: id, state: 'done', fingerprint, kept: vault.seal('idempotency/result', keptJson(result)), createdAt: now }).catch((e: unknown) => logFailure('idempotency: result not recorded', e))
  } else if (recorded !== keptJson(result)) {
    // Recorded from less than the answer where the whole answer is kept: the record is corrected to the answer.
    await db.collection(IDEMPOTENCY).doc(id).update({ kept: vault.seal('idempotency/result', keptJson(result)) }).catch((e: unknown) => logFailure('idempotency: result not recorded', e))
  }
  return { ran: true, result }
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

async function replay({ db, vault }: ReplayStore, id: string, fingerprint: string, read?: IdempotencyDoc): Promise<unknown> {
  const deadline = Date.now() + WAIT_MS
  for (let first = read; ; first = undefined) {
    const doc = first ?? ((await db.collection(IDEMPOTENCY).doc(id).get()).data as IdempotencyDoc[])[0]
    if (!doc) throw new AppError('CONFLICT', '上一次提交没有成功，请再提交一次')
    if (doc.fingerprint !== fingerprint) throw new AppError('CONFLICT', '这个请求编号已用于另一份内容，请刷新后再提交')
    if (doc.state === 'done') {
      // A record of the first release (answer in clear, unkeyed fingerprint) never matches: its fingerprint differs.
      return doc.kept === undefined ? null : JSON.parse(vault.open('idempotency/result', doc.kept))
    }
    if (Date.now() > deadline) throw new AppError('CONFLICT', '上一次提交还在处理中，请稍候再看')
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}

/** How long an answer is kept for replays: a retry comes within minutes; a day covers a phone left offline. */
const KEEP_MS = 24 * 3600 * 1000

/**
 * Scheduled: forget old keys. Even sealed, what they keep is no longer needed once a retry is unlikely, and data
 * kept without a purpose is data at risk. Returns how many were removed.
 */
export async function purgeIdempotencyKeys(db: Database, now: Date): Promise<number> {
  const _ = db.command
  const { deleted } = await db.collection(IDEMPOTENCY).where({ createdAt: _.lt(new Date(now.getTime() - KEEP_MS)) }).remove()
  // Records of the first release kept answers in clear under `result` (an ID number, once revealed): gone at once.
  const { deleted: legacy } = await db.collection(IDEMPOTENCY).where({ result: _.exists(true) }).remove()
  return (deleted ?? 0) + (legacy ?? 0)
}
