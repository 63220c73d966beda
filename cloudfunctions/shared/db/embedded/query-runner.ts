import { Query } from './mql'
import { parseStored, type JsObject } from './codec'
import { invalidParam } from './errors'
import { byDistance, requireGeoIndex, valueAt, type Near } from './geo'
import { plan, type Plan, type SortSpec } from './planner'
import { forTable, type Row, type Store } from './store'

export interface FindOptions {
  sort: SortSpec
  skip: number
  /** Infinity for no limit (multi-document update and remove). */
  limit: number
  projection?: JsObject
}

export interface RunnerOptions {
  pushdown: boolean
  /** Called with every SELECT before it runs (diagnostics, and the suite's EXPLAIN check). */
  trace?: (sql: string, params: unknown[]) => void
}

/** Runs find and count for one collection: SQL for what the plan covers, mingo for the rest. */
export class QueryRunner {
  constructor(
    private readonly store: Store,
    private readonly options: RunnerOptions,
  ) {}

  find(coll: string, query: JsObject, opts: FindOptions): JsObject[] {
    if (!this.store.hasCollection(coll)) return []
    const p = this.plan(coll, query, opts.sort)
    const end = opts.skip + opts.limit
    let docs: JsObject[]
    const stored = this.page(coll, p, opts)
    if (stored) {
      docs = stored.map(parseStored)
    } else if (!p.near && (opts.sort.length === 0 || p.orderBy)) {
      // Rows arrive in the final order: filter them as they come and stop once the page is full.
      const test = matcher(p.residual!)
      docs = []
      let seen = 0
      const { st, params } = this.query(coll, p, p.orderBy)
      for (const row of st.iterate(...params) as IterableIterator<Row>) {
        const doc = parseStored(row.doc)
        if (!test(doc)) continue
        if (seen++ >= opts.skip) docs.push(doc)
        if (seen >= end) break
      }
    } else {
      docs = this.matching(coll, p, opts.sort).slice(opts.skip, end)
    }
    return opts.projection ? project(docs, opts.projection) : docs
  }

  /**
   * The stored JSON text of the matches when SQL alone answers the query (filter, sort and page all in SQL), so
   * a plain read can go to the wire without building the documents; null when JS has a part in it (use find).
   */
  findStored(coll: string, query: JsObject, opts: FindOptions): string[] | null {
    if (!this.store.hasCollection(coll)) return []
    return this.page(coll, this.plan(coll, query, opts.sort), opts)
  }

  private page(coll: string, p: Plan, opts: FindOptions): string[] | null {
    if (p.near || p.residual || (opts.sort.length > 0 && !p.orderBy)) return null
    // `+?`, not a bare `?`: SQLite (3.4x+) lets a bare bound LIMIT/OFFSET steer the plan, and so re-prepares the
    // statement every time those parameters are bound (every call) — about 4 µs per query. The unary plus
    // changes no value; the limit is applied at run time as before.
    const { st, params } = this.query(coll, p, p.orderBy, ' LIMIT +? OFFSET +?', [Number.isFinite(opts.limit) ? opts.limit : -1, opts.skip])
    return (st.all(...params) as Row[]).map((r) => r.doc)
  }

  count(coll: string, query: JsObject): number {
    if (!this.store.hasCollection(coll)) return 0
    const p = this.plan(coll, query, [])
    if (!p.near && !p.residual) {
      const sql = `SELECT COUNT(*) AS n FROM $TABLE WHERE ${p.where}`
      this.options.trace?.(forTable(coll, sql), p.params)
      return (this.store.statement(coll, sql).get(...p.params) as { n: number }).n
    }
    return this.matching(coll, p, []).length
  }

  /**
   * What a `$geoNear` stage reads before its distance filter: the documents `query` matches, in insertion order
   * (the order its ties keep), narrowed in SQL to the near's box when it has a maxDistance. A query holding a
   * near of its own is read as find reads it.
   */
  geoCandidates(coll: string, query: JsObject, near: Near): JsObject[] {
    if (!this.store.hasCollection(coll)) return []
    const p = this.plan(coll, query, [], near)
    if (p.near) return this.find(coll, query, { sort: [], skip: 0, limit: Infinity })
    const test = p.residual ? matcher(p.residual) : () => true
    const { st, params } = this.query(coll, p, 'rowid ASC')
    return (st.all(...params) as Row[]).map((r) => parseStored(r.doc)).filter(test)
  }

  /** Per collection; the declared indexes are fixed for the store's life, and this runs on every query. */
  private readonly indexed = new Map<string, { sparse: Set<string>; geo: Map<string, string> }>()

  private plan(coll: string, query: JsObject, sort: SortSpec, within?: Near): Plan {
    let indexed = this.indexed.get(coll)
    if (!indexed) {
      const sparse = new Set(this.store.indexesOf(coll).filter((s) => s.sparse).map((s) => s.keys[0][0]))
      this.indexed.set(coll, (indexed = { sparse, geo: this.store.geoIndexes(coll) }))
    }
    const p = plan(query, sort, { coll, paths: this.store.paths, ...indexed, pushdown: this.options.pushdown }, within)
    if (p.near) requireGeoIndex(coll, p.near.field, this.store.indexesOf(coll))
    return p
  }

  /** Every match, in the requested order: by distance for a near query without an explicit sort. */
  private matching(coll: string, p: Plan, sort: SortSpec): JsObject[] {
    const test = p.residual ? matcher(p.residual) : () => true
    // Rows come in insertion order along the tie-break direction, so the stable sorts below keep SQL's tie order.
    const { st, params } = this.query(coll, p, `rowid ${p.tieBreak}`)
    let docs = (st.all(...params) as Row[]).map((r) => parseStored(r.doc)).filter(test)
    if (p.near) {
      const near = p.near
      docs = byDistance(docs, near, (d) => valueAt(d, near.field)).map((x) => x.doc)
    }
    if (sort.length === 0) return docs
    return new Query({}).find<JsObject>(docs).sort(Object.fromEntries(sort)).all()
  }

  private query(coll: string, p: Plan, order: string | null, tail = '', tailParams: unknown[] = []) {
    const sql = `SELECT rowid, doc FROM $TABLE WHERE ${p.where}${order ? ` ORDER BY ${order}` : ''}${tail}`
    const params = [...p.params, ...tailParams]
    this.options.trace?.(forTable(coll, sql), params)
    return { st: this.store.statement(coll, sql), params }
  }
}

/** A compiled mingo predicate; a criteria mingo rejects is the caller's mistake, answered as INVALID_PARAM. */
export function matcher(criteria: JsObject): (doc: JsObject) => boolean {
  try {
    const q = new Query(criteria)
    return (doc) => q.test(doc)
  } catch (e) {
    throw invalidParam((e as Error).message)
  }
}

export function project(docs: JsObject[], projection: JsObject): JsObject[] {
  try {
    return new Query({}).find<JsObject>(docs, projection).all()
  } catch (e) {
    throw invalidParam((e as Error).message)
  }
}
