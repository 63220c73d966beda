import { randomBytes } from 'node:crypto'
import { parseStored, toStored, type Json, type JsObject } from './codec'
import { transactionConflict, transactionNotExist } from './errors'
import type { Change, DocId, StoredDoc, Store } from './store'

/**
 * Transactions as CloudBase runs them (MongoDB underneath): concurrent, snapshot reads, first writer wins.
 *
 * - **Snapshot.** A transaction reads the database as it was when it started. Every commit gets a sequence number;
 *   while any transaction is open, the store reports each commit's changes with the text they replaced
 *   (Store.onCommit), so a read finds the version current at its snapshot: the text replaced by the first commit
 *   after it, or the live row if none came since. What no open snapshot can still ask for is forgotten.
 * - **Conflicts at the write.** A transactional write locks the document, and every unique-index entry of its old
 *   and new version, until the transaction ends. It fails at once with DATABASE_TRANSACTION_CONFLICT if another open
 *   transaction holds one of those, or if anyone committed a change to one of them after this transaction's
 *   snapshot — MongoDB's WriteConflict, which aborts the transaction: the SDK's runTransaction retries with a new
 *   one without ending the old, so the old one is already gone. Reads take no locks.
 * - **Plain writes wait.** A write outside any transaction to a document (or unique value) an open transaction has
 *   written waits until that transaction ends, then runs against what is committed — MongoDB's behaviour. Plain
 *   writes are not versioned against anyone's snapshot: a transaction that later writes what they changed conflicts.
 * - **Commit** applies the buffered writes in one SQLite transaction: atomic, and nothing interleaves with it (the
 *   connection is synchronous, so a transaction never keeps SQLite open across awaits). It cannot conflict: that
 *   was settled at each write. Each write is also tried against the live tables and undone at once, so a duplicate
 *   key fails the operation that causes it (and the transaction stays open, as the engine always did).
 * - **Ending.** Any operation on a transaction that is committed, aborted (by rollback, a conflict or its lifetime)
 *   or unknown answers DATABASE_TRANSACTION_FAIL / TransactionNotExist. One left open is aborted after `timeoutMs`
 *   (CloudBase: 30 s), releasing its locks.
 */

/** A lockable, versioned thing: a document, or one entry of a unique index. */
type Resource = string

const docResource = (coll: string, id: DocId): Resource => `${coll}\u0000\u0000${typeof id === 'number' ? 'n' : 's'}${id}`
const keyResource = (coll: string, key: string): Resource => `${coll}\u0000${key}`

/** One document at a time, committed (plain calls) or inside a transaction. */
export interface Docs {
  read(coll: string, id: DocId): JsObject | null
  write(coll: string, id: DocId, doc: JsObject | null): void
}

/** Thrown by a plain write that must wait: `until` settles when the transaction holding the lock has ended. */
export class Blocked {
  constructor(readonly until: Promise<void>) {}
}

interface Entry {
  coll: string
  id: DocId
  /** The stored text as of the snapshot (null: did not exist). */
  base: string | null
  doc: JsObject | null
  dirty: boolean
}

class Transaction implements Docs {
  readonly entries = new Map<Resource, Entry>()
  readonly held = new Set<Resource>()
  open = true
  readonly ended: Promise<void>
  release!: () => void
  timer?: NodeJS.Timeout

  constructor(
    readonly id: string,
    readonly snapshot: number,
    private readonly owner: Transactions,
  ) {
    this.ended = new Promise((resolve) => (this.release = resolve))
  }

  read(coll: string, id: DocId): JsObject | null {
    return this.owner.entry(this, coll, id).doc
  }

  write(coll: string, id: DocId, doc: JsObject | null): void {
    this.owner.write(this, coll, id, doc)
  }
}

/** The versions open snapshots may still read: kept only while a transaction is open. */
class Versions {
  seq = 0
  /** Per document changed since the oldest open snapshot: the text each commit replaced, oldest first. */
  private readonly docs = new Map<Resource, { seq: number; before: string | null }[]>()
  /** Per unique-index entry added or removed since the oldest open snapshot: the last commit that did it. */
  private readonly keys = new Map<Resource, number>()
  private prunedAt = 0

  record(store: Store, changes: Change[]): void {
    const seq = ++this.seq
    for (const c of changes) {
      const r = docResource(c.coll, c.id)
      let history = this.docs.get(r)
      if (!history) this.docs.set(r, (history = []))
      // One commit may touch a document twice (delete, then insert): the first text is the one it replaced.
      if (history[history.length - 1]?.seq !== seq) history.push({ seq, before: c.before })
      if (!store.hasUniqueIndex(c.coll)) continue
      for (const text of [c.before, c.after]) {
        if (text === null) continue
        for (const k of store.uniqueKeys(c.coll, JSON.parse(text) as { [key: string]: Json })) this.keys.set(keyResource(c.coll, k), seq)
      }
    }
  }

  /** The document's text as of `snapshot`. */
  at(r: Resource, snapshot: number, live: () => string | null): string | null {
    for (const v of this.docs.get(r) ?? []) if (v.seq > snapshot) return v.before
    return live()
  }

  changedSince(r: Resource, snapshot: number, isDoc: boolean): boolean {
    if (!isDoc) return (this.keys.get(r) ?? 0) > snapshot
    const history = this.docs.get(r)
    return history !== undefined && history[history.length - 1].seq > snapshot
  }

  /** Forgets what no open snapshot can ask for: commits at or before the oldest one (null: none open). */
  prune(oldest: number | null): void {
    if (oldest === null) {
      this.docs.clear()
      this.keys.clear()
      this.prunedAt = this.seq
      return
    }
    if (oldest <= this.prunedAt) return
    this.prunedAt = oldest
    for (const [r, history] of this.docs) {
      const kept = history.filter((v) => v.seq > oldest)
      if (kept.length > 0) this.docs.set(r, kept)
      else this.docs.delete(r)
    }
    for (const [r, seq] of this.keys) if (seq <= oldest) this.keys.delete(r)
  }
}

export class Transactions {
  private readonly open = new Map<string, Transaction>()
  private readonly locks = new Map<Resource, Transaction>()
  private readonly versions = new Versions()

  constructor(
    private readonly store: Store,
    private readonly timeoutMs: number,
  ) {}

  begin(): string {
    const id = randomBytes(12).toString('hex')
    if (this.open.size === 0) this.store.onCommit = (changes) => this.versions.record(this.store, changes)
    const tx = new Transaction(id, this.versions.seq, this)
    tx.timer = setTimeout(() => this.end(tx), this.timeoutMs)
    tx.timer.unref()
    this.open.set(id, tx)
    return id
  }

  /** The open transaction; anything else answers TransactionNotExist, as CloudBase does. */
  get(id: string): Docs {
    const tx = this.open.get(id)
    if (!tx) throw transactionNotExist(id)
    return tx
  }

  commit(id: string): void {
    const tx = this.open.get(id)
    if (!tx) throw transactionNotExist(id)
    try {
      this.store.atomically(() => apply(this.store, [...tx.entries.values()].filter((e) => e.dirty)))
    } finally {
      this.end(tx)
    }
  }

  abort(id: string): void {
    const tx = this.open.get(id)
    if (!tx) throw transactionNotExist(id)
    this.end(tx)
  }

  abortAll(): void {
    for (const tx of [...this.open.values()]) this.end(tx)
  }

  /**
   * Before a plain write of `doc` (null: a delete) at coll/id: throws Blocked if an open transaction holds the
   * document or one of the unique-index entries the new version makes.
   */
  guard(coll: string, id: DocId, doc: StoredDoc | null): void {
    if (this.locks.size === 0) return
    const resources = [docResource(coll, id), ...this.store.uniqueKeys(coll, doc).map((k) => keyResource(coll, k))]
    for (const r of resources) {
      const holder = this.locks.get(r)
      if (holder) throw new Blocked(holder.ended)
    }
  }

  /** The transaction's view of a document: its own write, else the version as of its snapshot. */
  entry(tx: Transaction, coll: string, id: DocId): Entry {
    const r = docResource(coll, id)
    let e = tx.entries.get(r)
    if (!e) {
      const base = this.versions.at(r, tx.snapshot, () => this.store.rawById(coll, id))
      e = { coll, id, base, doc: base === null ? null : parseStored(base), dirty: false }
      tx.entries.set(r, e)
    }
    return e
  }

  /** `doc: null` deletes. Throws a conflict (ending the transaction) or a duplicate key (keeping nothing of it). */
  write(tx: Transaction, coll: string, id: DocId, doc: JsObject | null): void {
    if (doc && !this.store.hasCollection(coll)) this.store.ensureCollection(coll)
    const e = this.entry(tx, coll, id)
    const r = docResource(coll, id)
    const stored = doc === null ? null : (toStored(doc) as StoredDoc)
    const base = e.base === null ? null : (JSON.parse(e.base) as StoredDoc)
    const keys = new Set([...this.store.uniqueKeys(coll, base), ...this.store.uniqueKeys(coll, stored)].map((k) => keyResource(coll, k)))
    this.check(tx, r, `${coll}/${String(id)}`, true)
    for (const k of keys) this.check(tx, k, `a unique value of ${coll}/${String(id)}`, false)
    const next: Entry = { ...e, doc, dirty: true }
    const others = [...tx.entries.values()].filter((o) => o.dirty && o !== e)
    this.store.trial(() => apply(this.store, [...others, next]))
    for (const x of [r, ...keys]) {
      this.locks.set(x, tx)
      tx.held.add(x)
    }
    tx.entries.set(r, next)
  }

  private check(tx: Transaction, r: Resource, what: string, isDoc: boolean): void {
    const holder = this.locks.get(r)
    if (holder && holder !== tx) throw this.conflict(tx, `write conflict: ${what} is being written by another transaction`)
    if (this.versions.changedSince(r, tx.snapshot, isDoc)) throw this.conflict(tx, `write conflict: ${what} was changed after this transaction started`)
  }

  /** MongoDB aborts a transaction on a write conflict; the SDK then starts a new one. */
  private conflict(tx: Transaction, message: string) {
    this.end(tx)
    return transactionConflict(message)
  }

  private end(tx: Transaction): void {
    if (!tx.open) return
    tx.open = false
    clearTimeout(tx.timer)
    this.open.delete(tx.id)
    for (const r of tx.held) if (this.locks.get(r) === tx) this.locks.delete(r)
    tx.release()
    if (this.open.size === 0) {
      this.store.onCommit = null
      this.versions.prune(null)
    } else {
      let oldest = Infinity
      for (const o of this.open.values()) oldest = Math.min(oldest, o.snapshot)
      this.versions.prune(oldest)
    }
  }
}

/**
 * Applies entries whose `base` is what the live table holds (true of every dirty entry: its document is locked
 * and unchanged since the snapshot). Deletes first, then replacements, then inserts: a unique value moved from
 * one document to another fits.
 */
function apply(store: Store, entries: Entry[]): void {
  for (const e of entries) if (e.doc === null && e.base !== null) store.delete(e.coll, e.id)
  for (const e of entries) if (e.doc !== null && e.base !== null) store.replace(e.coll, toStored(e.doc) as StoredDoc)
  for (const e of entries) if (e.doc !== null && e.base === null) store.insert(e.coll, toStored(e.doc) as StoredDoc)
}
