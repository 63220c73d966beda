import { randomBytes } from 'node:crypto'
import type { IndexFile } from '../index-spec'
import { aggregate } from './aggregate'
import { fromWire, parseStored, storedToWire, toStored, toWire, type JsObject } from './codec'
import { DatabaseError, duplicateKey, ErrorCode, invalidParam, requestFailed } from './errors'
import type { SortSpec } from './planner'
import { project, QueryRunner } from './query-runner'
import { Store, type StoredDoc } from './store'
import { Transactions } from './transactions'
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
  /** A transaction not ended within this time is aborted. @default 30000 */
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

/** One document at a time, either committed (plain calls) or inside a transaction. */
interface Docs {
  read(coll: string, id: string): JsObject | null
  write(coll: string, id: string, doc: JsObject | null): void
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
        return { data: { insertedIds: this.insert(p) } }
      case 'database.getDocument':
        return { data: { list: this.getWire(p) } }
      case 'database.calculateDocument':
        return { data: { total: this.runner.count(this.coll(p), this.where(p, false)) } }
      case 'database.modifyDocument':
        return { data: this.modify(p) }
      case 'database.modifyAndReturnDoc':
        return { data: this.modifyAndReturn(p) }
      case 'database.removeDocument':
        return { data: { deleted: this.remove(p) } }
      case 'database.aggregateDocuments':
        return { data: { list: this.aggregate(p).map(toWire) } }
      case 'database.startTransaction':
        return { transactionId: await this.transactions.begin() }
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

  private insert(p: Params): string[] {
    const coll = this.coll(p)
    const docs = (Array.isArray(p.data) ? p.data : []).map((text) => {
      const doc = this.wire(text)
      const id = doc._id ?? randomBytes(16).toString('hex')
      if (typeof id !== 'string') throw invalidParam('the embedded database supports string _id only')
      return { _id: id, ...doc }
    })
    if (p.transactionId) {
      const tx = this.transactions.get(p.transactionId)
      for (const doc of docs) {
        if (tx.read(coll, doc._id)) throw duplicateKey(coll, '_id_')
        tx.write(coll, doc._id, doc)
      }
    } else {
      this.store.ensureCollection(coll)
      this.store.atomically(() => docs.forEach((doc) => this.store.insert(coll, toStored(doc) as StoredDoc)))
    }
    return docs.map((d) => d._id)
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

  private modify(p: Params): { updated: number; upsert_id?: string } {
    const coll = this.coll(p)
    const data = this.wire(String(p.data))
    const merge = p.merge !== false
    if (p.queryType === 'DOC') {
      const docs = this.docs(p)
      const id = this.docId(p)
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
    }
    this.noQueriesIn(p)
    const matches = this.runner.find(coll, this.where(p, true), { sort: [], skip: 0, limit: p.multi === false ? 1 : Infinity })
    return {
      updated: this.store.atomically(() => {
        let updated = 0
        for (const doc of matches) {
          const next = applyUpdate(doc, data, merge)
          if (differs(doc, next)) {
            this.store.replace(coll, toStored(next) as StoredDoc)
            updated++
          }
        }
        return updated
      }),
    }
  }

  /** `updateAndReturn`: the first match, updated, returned as it is now. */
  private modifyAndReturn(p: Params): { updated: number; doc: string | null } {
    this.noQueriesIn(p)
    const coll = this.coll(p)
    const [doc] = this.runner.find(coll, this.where(p, true), { sort: [], skip: 0, limit: 1 })
    if (!doc) return { updated: 0, doc: null }
    const next = applyUpdate(doc, this.wire(String(p.data)), true)
    const changed = differs(doc, next)
    if (changed) this.store.atomically(() => this.store.replace(coll, toStored(next) as StoredDoc))
    return { updated: changed ? 1 : 0, doc: toWire(next) }
  }

  private remove(p: Params): number {
    const coll = this.coll(p)
    if (p.queryType === 'DOC') {
      const docs = this.docs(p)
      const id = this.docId(p)
      if (!docs.read(coll, id)) return 0
      docs.write(coll, id, null)
      return 1
    }
    this.noQueriesIn(p)
    const matches = this.runner.find(coll, this.where(p, true), { sort: [], skip: 0, limit: p.multi === false ? 1 : Infinity })
    this.store.atomically(() => matches.forEach((doc) => this.store.delete(coll, doc._id as string)))
    return matches.length
  }

  private aggregate(p: Params): JsObject[] {
    const stages = (p.stages ?? []).map(({ stageKey, stageValue }) => ({ [stageKey]: fromWire(stageValue, this.now) }))
    return aggregate(this.store, this.runner, this.coll(p), stages)
  }

  private docs(p: Params): Docs {
    if (p.transactionId) return this.transactions.get(p.transactionId)
    const store = this.store
    return {
      read: (coll, id) => {
        const raw = store.rawById(coll, id)
        return raw === null ? null : parseStored(raw)
      },
      write: (coll, id, doc) =>
        store.atomically(() => {
          if (doc === null) store.delete(coll, id)
          else if (store.rawById(coll, id) === null) store.insert(coll, toStored(doc) as StoredDoc)
          else store.replace(coll, toStored(doc) as StoredDoc)
        }),
    }
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

  private docId(p: Params): string {
    const id = this.where(p, false)._id
    if (typeof id !== 'string') throw invalidParam('the embedded database supports string _id only')
    return id
  }

  private wire(text: string): JsObject {
    const v = fromWire(text, this.now)
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidParam('expected a JSON object')
    return v as JsObject
  }
}

const differs = (a: JsObject, b: JsObject) => JSON.stringify(toStored(a)) !== JSON.stringify(toStored(b))
