import { randomBytes } from 'node:crypto'
import type { IndexFile } from '../index-spec'
import { aggregate } from './aggregate'
import { fromWire, parseStored, storedToWire, toStored, toWire, type JsObject } from './codec'
import { DatabaseError, duplicateKey, ErrorCode, invalidParam, requestFailed } from './errors'
import type { SortSpec } from './planner'
import { project, QueryRunner } from './query-runner'
import { Store, type DocId, type StoredDoc } from './store'
import { Blocked, Transactions, type Docs } from './transactions'
import { applyUpdate } from './update'

export interface EngineOptions {
  /** SQLite file path, or ':memory:'. */
  file: string
  /** The declared collections and indexes (indexes.json). @default no indexes */
  indexes?: IndexFile
  /** The server clock behind `db.serverDate()`. @default () => new Date() */
  now?: () => Date
  /** Translate queries to SQL where exact; false evaluates everything in JS (the suite's reference). @default true */
  pushdown?: boolean
  /** A transaction not ended within this time is aborted (CloudBase's lifetime: 30 s). @default 30000 */
  transactionTimeoutMs?: number
  /** Called with every SELECT the engine runs, before it runs. */
  trace?: (sql: string, params: unknown[]) => void
}

/** What the SDK sends: see @cloudbase/database's query.js, document.js, collection.js, aggregate.js, transaction/. */
interface Params {
  collectionName?: string
  transactionId?: string
  query?: string
  queryType?: 'WHERE' | 'DOC'
  data?: string | string[]
  order?: string
  offset?: number
  limit?: number
  projection?: string
  multi?: boolean
  merge?: boolean
  upsert?: boolean
  stages?: { stageKey: string; stageValue: string }[]
}

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

/**
 * The database behind the SDK's request seam: `handle(action, params)` answers what CloudBase's database API would,
 * in the same response shapes, and throws what it would throw.
 */
export class EmbeddedEngine {
  private readonly store: Store
  private readonly runner: QueryRunner
  private readonly transactions: Transactions
  private readonly now: () => Date
  private closed = false
  private requests = 0

  constructor(options: EngineOptions) {
    this.store = new Store(options.file, options.indexes ?? { collections: {} })
    this.runner = new QueryRunner(this.store, { pushdown: options.pushdown ?? true, trace: options.trace })
    this.transactions = new Transactions(this.store, options.transactionTimeoutMs ?? 30_000)
    this.now = options.now ?? (() => new Date())
  }

  async handle(action: string, params: Params = {}): Promise<unknown> {
    // A counter, not random bytes: request ids only need to be unique per engine, and this runs on every call.
    const requestId = `local-${++this.requests}`
    try {
      if (this.closed) throw requestFailed('the database is closed')
      return { requestId, ...(await this.dispatch(action, params)) }
    } catch (e) {
      if (e instanceof DatabaseError) e.requestId = requestId
      throw e
    }
  }

  /** EXPLAIN QUERY PLAN details for a SELECT passed to `trace`. */
  explain(sql: string, params: unknown[]): string[] {
    return (this.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.transactions.abortAll()
    this.store.close()
  }

  private async dispatch(action: string, p: Params): Promise<JsObject> {
    switch (action) {
      case 'database.insertDocument':
        return { data: { insertedIds: await this.insert(p) } }
      case 'database.getDocument':
        return { data: { list: this.getWire(p) } }
      case 'database.calculateDocument':
        return { data: { total: this.runner.count(this.coll(p), this.where(p, false)) } }
      case 'database.modifyDocument':
        return { data: await this.modify(p) }
      case 'database.modifyAndReturnDoc':
        return { data: await this.modifyAndReturn(p) }
      case 'database.removeDocument':
        return { data: { deleted: await this.remove(p) } }
      case 'database.aggregateDocuments':
        return { data: { list: this.aggregate(p).map(toWire) } }
      case 'database.startTransaction':
        return { transactionId: this.transactions.begin() }
      case 'database.commitTransaction':
        this.transactions.commit(String(p.transactionId))
        return {}
      case 'database.abortTransaction':
        this.transactions.abort(String(p.transactionId))
        return {}
      case 'database.addCollection':
        if (this.store.hasCollection(this.coll(p))) throw new DatabaseError(ErrorCode.collectionExists, `collection ${p.collectionName} already exists`)
        this.store.ensureCollection(this.coll(p))
        return {}
      default:
        throw requestFailed(`${action} is not supported by the embedded database`)
    }
  }

  private insert(p: Params): DocId[] | Promise<DocId[]> {
    const coll = this.coll(p)
    const docs = (Array.isArray(p.data) ? p.data : []).map((text) => {
      const doc = this.wire(text)
      const id = checkedId(doc._id ?? randomBytes(16).toString('hex'))
      return Object.assign({ _id: id }, doc, { _id: id })
    })
    const ids = docs.map((d) => d._id)
    if (p.transactionId) {
      const tx = this.transactions.get(p.transactionId)
      for (const doc of docs) {
        if (tx.read(coll, doc._id)) throw duplicateKey(coll, '_id_')
        tx.write(coll, doc._id, doc)
      }
      return ids
    }
    return this.plain(() => {
      this.store.ensureCollection(coll)
      const stored = docs.map((doc) => toStored(doc) as StoredDoc)
      for (const doc of stored) this.transactions.guard(coll, doc._id, doc)
      this.store.atomically(() => stored.forEach((doc) => this.store.insert(coll, doc)))
      return ids
    })
  }

  /**
   * The documents of a read, in wire form. A committed read without projection that SQL answers alone goes from
   * stored text to wire text (storedToWire) without building the documents; the rest goes through find.
   */
  private getWire(p: Params): string[] {
    const coll = this.coll(p)
    const projection = p.projection ? this.wire(p.projection) : undefined
    if (p.queryType === 'DOC') {
      const id = this.docId(p)
      if (!projection && !p.transactionId) {
        const raw = this.store.rawById(coll, id)
        return raw === null ? [] : [storedToWire(raw)]
      }
      const doc = this.docs(p).read(coll, id)
      const list = doc ? [doc] : []
      return (projection ? project(list, projection) : list).map(toWire)
    }
    this.noQueriesIn(p)
    const sort: SortSpec = p.order ? Object.entries(this.wire(p.order)).map(([f, d]) => [f, d === -1 ? -1 : 1]) : []
    const limit = p.limit && p.limit > 0 ? Math.min(p.limit, MAX_LIMIT) : DEFAULT_LIMIT
    const opts = { sort, skip: p.offset ?? 0, limit, projection }
    const query = this.where(p, false)
    const stored = projection ? null : this.runner.findStored(coll, query, opts)
    return stored ? stored.map(storedToWire) : this.runner.find(coll, query, opts).map(toWire)
  }

  private modify(p: Params): Promise<{ updated: number; upsert_id?: DocId }> | { updated: number; upsert_id?: DocId } {
    const coll = this.coll(p)
    const data = this.wire(String(p.data))
    const merge = p.merge !== false
    if (p.queryType === 'DOC') {
      return this.oneDoc(p, (docs, id) => {
        const current = docs.read(coll, id)
        if (!current) {
          if (!p.upsert) return { updated: 0 }
          if (!p.transactionId) this.store.ensureCollection(coll)
          docs.write(coll, id, applyUpdate({ _id: id }, data, merge))
          return { updated: 0, upsert_id: id }
        }
        const next = applyUpdate(current, data, merge)
        const changed = differs(current, next)
        if (changed) docs.write(coll, id, next)
        return { updated: changed ? 1 : 0 }
      })
    }
    this.noQueriesIn(p)
    return this.plain(() => {
      const matches = this.runner.find(coll, this.where(p, true), { sort: [], skip: 0, limit: p.multi === false ? 1 : Infinity })
      const changed = matches.flatMap((doc) => {
        const next = applyUpdate(doc, data, merge)
        return differs(doc, next) ? [toStored(next) as StoredDoc] : []
      })
      for (const doc of changed) this.transactions.guard(coll, doc._id, doc)
      this.store.atomically(() => changed.forEach((doc) => this.store.replace(coll, doc)))
      return { updated: changed.length }
    })
  }

  /** `updateAndReturn`: the first match, updated, returned as it is now. */
  private modifyAndReturn(p: Params): Promise<{ updated: number; doc: string | null }> {
    this.noQueriesIn(p)
    const coll = this.coll(p)
    return this.plain(() => {
      const [doc] = this.runner.find(coll, this.where(p, true), { sort: [], skip: 0, limit: 1 })
      if (!doc) return { updated: 0, doc: null }
      const next = applyUpdate(doc, this.wire(String(p.data)), true)
      const changed = differs(doc, next)
      if (changed) {
        const stored = toStored(next) as StoredDoc
        this.transactions.guard(coll, stored._id, stored)
        this.store.atomically(() => this.store.replace(coll, stored))
      }
      return { updated: changed ? 1 : 0, doc: toWire(next) }
    })
  }

  private remove(p: Params): number | Promise<number> {
    const coll = this.coll(p)
    if (p.queryType === 'DOC') {
      return this.oneDoc(p, (docs, id) => {
        if (!docs.read(coll, id)) return 0
        docs.write(coll, id, null)
        return 1
      })
    }
    this.noQueriesIn(p)
    return this.plain(() => {
      const matches = this.runner.find(coll, this.where(p, true), { sort: [], skip: 0, limit: p.multi === false ? 1 : Infinity })
      for (const doc of matches) this.transactions.guard(coll, doc._id as DocId, null)
      this.store.atomically(() => matches.forEach((doc) => this.store.delete(coll, doc._id as DocId)))
      return matches.length
    })
  }

  /** A single-document write, in the call's transaction or as a plain write. */
  private oneDoc<T>(p: Params, run: (docs: Docs, id: DocId) => T): T | Promise<T> {
    const id = this.docId(p)
    return p.transactionId ? run(this.transactions.get(p.transactionId), id) : this.plain(() => run(this.plainDocs, id))
  }

  /**
   * Runs a plain (non-transactional) write. One that meets a document or unique value an open transaction has
   * written waits for that transaction to end and starts again, as a MongoDB write outside a transaction does.
   * `run` is synchronous, so nothing can interleave between its checks and its write.
   */
  private async plain<T>(run: () => T): Promise<T> {
    for (;;) {
      try {
        return run()
      } catch (e) {
        if (!(e instanceof Blocked)) throw e
        await e.until
        if (this.closed) throw requestFailed('the database is closed')
      }
    }
  }

  private aggregate(p: Params): JsObject[] {
    const stages = (p.stages ?? []).map(({ stageKey, stageValue }) => ({ [stageKey]: fromWire(stageValue, this.now) }))
    return aggregate(this.store, this.runner, this.coll(p), stages)
  }

  private docs(p: Params): Docs {
    return p.transactionId ? this.transactions.get(p.transactionId) : this.plainDocs
  }

  /** Committed documents; a write throws Blocked while an open transaction holds what it would change. */
  private readonly plainDocs: Docs = {
    read: (coll, id) => {
      const raw = this.store.rawById(coll, id)
      return raw === null ? null : parseStored(raw)
    },
    write: (coll, id, doc) => {
      const stored = doc === null ? null : (toStored(doc) as StoredDoc)
      this.transactions.guard(coll, id, stored)
      this.store.atomically(() => {
        if (stored === null) this.store.delete(coll, id)
        else if (this.store.rawById(coll, id) === null) this.store.insert(coll, stored)
        else this.store.replace(coll, stored)
      })
    },
  }

  /** CloudBase transactions hold single-document operations only; a query inside one is refused, not run outside it. */
  private noQueriesIn(p: Params): void {
    if (p.transactionId) throw invalidParam('transactions support single-document operations only: use tx.collection(c).doc(id)')
  }

  private coll(p: Params): string {
    if (!p.collectionName) throw invalidParam('collectionName is required')
    return p.collectionName
  }

  /**
   * The criteria. A write without where() would touch the whole collection; CloudBase code never means that,
   * so it is refused (an explicit `where({})` still works).
   */
  private where(p: Params, writing: boolean): JsObject {
    if (!p.query) {
      if (writing) throw invalidParam('update() and remove() need where(); use where({}) to mean every document')
      return {}
    }
    return this.wire(p.query)
  }

  private docId(p: Params): DocId {
    return checkedId(this.where(p, false)._id)
  }

  private wire(text: string): JsObject {
    const v = fromWire(text, this.now)
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidParam('expected a JSON object')
    return v as JsObject
  }
}

const differs = (a: JsObject, b: JsObject) => JSON.stringify(toStored(a)) !== JSON.stringify(toStored(b))

/** A string or a finite number (-0 is 0, as MongoDB compares it); other `_id` types are not supported. */
function checkedId(id: unknown): DocId {
  if (typeof id === 'string') return id
  if (typeof id === 'number' && Number.isFinite(id)) return id === 0 ? 0 : id
  throw invalidParam('the embedded database supports string and number _id only')
}
