import { randomBytes } from 'node:crypto'
import { parseStored, toStored, type JsObject } from './codec'
import { DatabaseError, ErrorCode, requestFailed } from './errors'
import type { StoredDoc, Store } from './store'

/**
 * Transactions, and why they look like this.
 *
 * A transaction spans awaits, but better-sqlite3 is one synchronous connection: an SQLite transaction left open
 * across awaits would take in every other request's reads and writes on that connection (and roll them back with
 * it). So a transaction never holds SQLite open. It buffers its writes per document and applies them at commit in
 * one synchronous SQLite transaction — atomic, and nothing can interleave with it.
 *
 * Isolation: transactions run one at a time (an async FIFO lock, held from start to commit/abort), so twenty
 * parallel read-increment-write transactions on one counter all count. Plain writes do not wait for the lock;
 * instead commit checks that every document the transaction read or wrote is still as it first saw it, and
 * otherwise fails with DATABASE_TRANSACTION_CONFLICT — the code on which the SDK's runTransaction retries, as
 * CloudBase answers a write conflict. Each buffered write is also tried against the live tables and undone at
 * once, so a duplicate key fails the operation that causes it rather than the commit.
 *
 * A transaction nobody ends (a startTransaction without commit or rollback) is aborted after `timeoutMs`, so it
 * cannot hold the lock forever.
 */
interface Entry {
  coll: string
  id: string
  /** The stored text when first touched (null: did not exist), checked again at commit. */
  base: string | null
  doc: JsObject | null
  dirty: boolean
}

export class Transaction {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly store: Store) {}

  read(coll: string, id: string): JsObject | null {
    return this.entry(coll, id).doc
  }

  /** `doc: null` deletes. Throws (and keeps nothing) if the write breaks a unique index. */
  write(coll: string, id: string, doc: JsObject | null): void {
    if (doc && !this.store.hasCollection(coll)) this.store.ensureCollection(coll)
    const next = { ...this.entry(coll, id), doc, dirty: true }
    const others = [...this.entries.values()].filter((e) => e.dirty && e !== this.entries.get(key(coll, id)))
    this.store.trial(() => apply(this.store, [...others, next]))
    this.entries.set(key(coll, id), next)
  }

  commit(): void {
    this.store.atomically(() => {
      for (const e of this.entries.values()) {
        if (this.store.rawById(e.coll, e.id) !== e.base) {
          throw new DatabaseError(ErrorCode.transactionConflict, `write conflict on ${e.coll}/${e.id}`)
        }
      }
      apply(this.store, [...this.entries.values()].filter((e) => e.dirty))
    })
  }

  private entry(coll: string, id: string): Entry {
    let e = this.entries.get(key(coll, id))
    if (!e) {
      const base = this.store.rawById(coll, id)
      e = { coll, id, base, doc: base === null ? null : parseStored(base), dirty: false }
      this.entries.set(key(coll, id), e)
    }
    return e
  }
}

const key = (coll: string, id: string) => `${coll}\u0000${id}`

/** Deletes first, then replacements, then inserts: a unique value moved from one document to another fits. */
function apply(store: Store, entries: Entry[]): void {
  for (const e of entries) if (e.doc === null && e.base !== null) store.delete(e.coll, e.id)
  for (const e of entries) if (e.doc !== null && e.base !== null) store.replace(e.coll, toStored(e.doc) as StoredDoc)
  for (const e of entries) if (e.doc !== null && e.base === null) store.insert(e.coll, toStored(e.doc) as StoredDoc)
}

interface Open {
  tx: Transaction
  release: () => void
  timer: NodeJS.Timeout
}

export class Transactions {
  private readonly open = new Map<string, Open>()
  private tail: Promise<void> = Promise.resolve()

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number,
  ) {}

  async begin(): Promise<string> {
    const release = await this.lock()
    const id = randomBytes(12).toString('hex')
    const timer = setTimeout(() => this.end(id), this.timeoutMs)
    timer.unref()
    this.open.set(id, { tx: new Transaction(this.store), release, timer })
    return id
  }

  get(id: string): Transaction {
    const o = this.open.get(id)
    if (!o) throw requestFailed(`transaction ${id} is not open (already ended, or aborted after ${this.timeoutMs} ms)`)
    return o.tx
  }

  /** Ends the transaction whatever happens: the SDK does not roll back after a failed commit. */
  commit(id: string): void {
    const tx = this.get(id)
    try {
      tx.commit()
    } finally {
      this.end(id)
    }
  }

  /** Idempotent: runTransaction rolls back after any failure, including one that already ended the transaction. */
  abort(id: string): void {
    this.end(id)
  }

  abortAll(): void {
    for (const id of [...this.open.keys()]) this.end(id)
  }

  private end(id: string): void {
    const o = this.open.get(id)
    if (!o) return
    clearTimeout(o.timer)
    this.open.delete(id)
    o.release()
  }

  /** A FIFO async lock: resolves with the function that releases it. */
  private lock(): Promise<() => void> {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const acquired = this.tail.then(() => release)
    this.tail = this.tail.then(() => held)
    return acquired
  }
}
