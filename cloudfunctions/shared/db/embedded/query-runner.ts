import { Query } from './mql'
import { parseStored, type JsObject } from './codec'
import { invalidParam } from './errors'
import { byDistance, distanceM, requireGeoIndex, valueAt, type Near } from './geo'
import { plan, type Plan, type SortSpec } from './planner'
import { forTable, type Row, type Store } from './store'

/** The first ring a nearest-first read tries, in metres. */
const FIRST_RING_M = 1_000
/** How many documents the nearest-first read builds at a time, once their distances are known. */
const NEAREST_CHUNK = 32
/** A distance computed from SQL's reading of the coordinates may differ from JS's in the last bits: the cut is
 * made this much wider, and the exact distance of every document built decides. */
const CUT_SLACK = 1e-9

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
      docs = this.matching(coll, p, opts.sort, end).slice(opts.skip, end)
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
   * What a `$geoNear` stage answers before its distance field is added: the `need` nearest documents `query`
   * matches (Infinity: all within range), nearest first, ties in insertion order, each with its distance. A
   * query holding a near of its own is read as find reads it.
   */
  geoNearest(coll: string, query: JsObject, near: Near, need: number): { doc: JsObject; distance: number }[] {
    if (!this.store.hasCollection(coll)) return []
    const p = this.plan(coll, query, [], near)
    if (p.near) return byDistance(this.find(coll, query, { sort: [], skip: 0, limit: Infinity }), near, (d) => valueAt(d, near.field)).slice(0, need)
    return this.nearest(coll, p, near, need)
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

  /**
   * Every match, in the requested order: by distance for a near query without an explicit sort — of which only the
   * first `need` are asked for (a page's end).
   */
  private matching(coll: string, p: Plan, sort: SortSpec, need = Infinity): JsObject[] {
    if (p.near && sort.length === 0) return this.nearest(coll, p, p.near, need).map((x) => x.doc)
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

  /**
   * The `need` nearest matches of a near plan, as byDistance ranks them after the filter — without building every
   * document in range. The geo index gives each candidate's point (plan.points: a covering read of the box), so the
   * distances are known first; the documents are then built nearest first, a chunk at a time, and the whole filter
   * applied to them in JS, until `need` have passed. A point the index holds as something other than two numbers in
   * range (odd data) is built at once and measured as byDistance measures it; so is every built document, whose exact
   * distance decides. Without a box or a bound on `need` (and without pushdown: the reference behaviour), every match
   * is built and ranked.
   */
  private nearest(coll: string, p: Plan, near: Near, need: number): { doc: JsObject; distance: number }[] {
    if (!p.points || !Number.isFinite(need)) {
      const test = p.residual ? matcher(p.residual) : () => true
      const { st, params } = this.query(coll, p, `rowid ${p.tieBreak}`)
      const docs = (st.all(...params) as Row[]).map((r) => parseStored(r.doc)).filter(test)
      return byDistance(docs, near, (d) => valueAt(d, near.field)).slice(0, need)
    }
    const test = Object.keys(p.filter).length ? matcher(p.filter) : () => true
    const exact = (doc: JsObject) => (test(doc) ? byDistance([doc], near, (d) => valueAt(d, near.field))[0] : undefined)
    // A document whose text lacks a string the filter requires cannot match: not built at all.
    const literals = requiredStrings(p.filter).map((x) => JSON.stringify(x))
    const possible = (text: string) => literals.every((l) => text.includes(l))
    const read = (rowids: number[]) => {
      const sql = `SELECT rowid, doc FROM $TABLE WHERE rowid IN (${rowids.map(() => '?').join(', ')})`
      return new Map((this.store.statement(coll, sql).all(...rowids) as Row[]).map((r) => [r.rowid, r.doc]))
    }
    type Ranked = { rowid: number; distance: number; doc?: JsObject }
    // nearestFirst's order with the rowid as the tie-break, by a plain key: a wide box sorts thousands.
    const key = (m: Ranked) => (Number.isNaN(m.distance) ? Infinity : m.distance)
    const order = (a: Ranked, b: Ranked) => key(a) - key(b) || a.rowid - b.rowid
    /**
     * The nearest `need` within `reach` (null: the near's own range) from one box's points. Inside a smaller reach
     * every point within it is in its box, so what is found there is the true nearest; a NaN distance (odd data)
     * belongs to no reach but the last.
     */
    const ring = (box: { sql: string; params: unknown[] }, reach: number | null): Ranked[] => {
      const within = (d: number) => reach === null || d <= reach
      this.options.trace?.(forTable(coll, box.sql), box.params)
      // Rows as arrays: thousands of candidates in a wide box, and an object per row would cost more than the read.
      const points = this.store.statement(coll, box.sql).raw(true).all(...box.params) as [rowid: number, x: unknown, y: unknown][]
      // Insertion order (rowid), the order ties keep; a row both arms hold counts once.
      points.sort((a, b) => a[0] - b[0])
      const limit = reach ?? near.maxDistance
      const max = limit === undefined ? Infinity : limit * (1 + CUT_SLACK) + CUT_SLACK
      const min = near.minDistance === undefined ? -Infinity : near.minDistance * (1 - CUT_SLACK) - CUT_SLACK
      const ranked: Ranked[] = []
      const odd: number[] = []
      let last = -1
      for (const [rowid, x, y] of points) {
        if (rowid === last) continue
        last = rowid
        const plain = typeof x === 'number' && typeof y === 'number' && Math.abs(x) <= 180 && Math.abs(y) <= 90
        if (!plain) {
          odd.push(rowid)
          continue
        }
        const distance = distanceM(near.point, [x, y])
        if (!(distance > max) && !(distance < min)) ranked.push({ rowid, distance })
      }
      if (odd.length) {
        const texts = read(odd)
        for (const rowid of odd) {
          const doc = parseStored(texts.get(rowid)!)
          const hit = exact(doc)
          if (hit && within(hit.distance)) ranked.push({ rowid, distance: hit.distance, doc })
        }
      }
      ranked.sort(order)
      const out: Ranked[] = []
      for (let from = 0, size = Math.max(need, NEAREST_CHUNK); from < ranked.length && out.length < need; from += size, size *= 2) {
        const chunk = ranked.slice(from, from + size)
        const texts = read(chunk.filter((m) => !m.doc).map((m) => m.rowid))
        for (const m of chunk) {
          if (m.doc) out.push(m)
          else if (possible(texts.get(m.rowid)!)) {
            const doc = parseStored(texts.get(m.rowid)!)
            const hit = exact(doc)
            if (hit && within(hit.distance)) out.push({ rowid: m.rowid, distance: hit.distance, doc })
          }
          if (out.length >= need) break
        }
      }
      return out
    }
    // Rings from 1 km, four times wider each, to the near's own range: the nearest page of a city is found in a box
    // of a few hundred points, not the tens of thousands a 50 km box can hold.
    // (p.points exists only for a near with a maxDistance.)
    for (let reach = FIRST_RING_M; reach < near.maxDistance!; reach *= 4) {
      const box = this.plan(coll, p.filter, [], { ...near, maxDistance: reach }).points
      if (!box) break
      const found = ring(box, reach)
      if (found.length >= need) return found.sort(order).map((m) => ({ doc: m.doc!, distance: m.distance }))
    }
    const out = ring(p.points, null)
    return out.sort(order).map((m) => ({ doc: m.doc!, distance: m.distance }))
  }

  private query(coll: string, p: Plan, order: string | null, tail = '', tailParams: unknown[] = []) {
    const sql = `SELECT rowid, doc FROM $TABLE WHERE ${p.where}${order ? ` ORDER BY ${order}` : ''}${tail}`
    const params = [...p.params, ...tailParams]
    this.options.trace?.(forTable(coll, sql), params)
    return { st: this.store.statement(coll, sql), params }
  }
}

/**
 * Strings every match of `criteria` holds somewhere (a field equal to one, or an `$all` of them): the stored text
 * of a match contains each as JSON writes it — one stringify, the same escapes wherever it stands. Conjunctions only;
 * anything else requires nothing.
 */
export function requiredStrings(criteria: JsObject): string[] {
  const out: string[] = []
  for (const [key, cond] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(cond)) for (const sub of cond) out.push(...requiredStrings(sub as JsObject))
    else if (key.startsWith('$')) continue
    else if (typeof cond === 'string') out.push(cond)
    else if (cond !== null && typeof cond === 'object' && !Array.isArray(cond) && Object.getPrototypeOf(cond) === Object.prototype) {
      const ops = cond as JsObject
      if (typeof ops.$eq === 'string') out.push(ops.$eq)
      if (Array.isArray(ops.$all)) out.push(...ops.$all.filter((x): x is string => typeof x === 'string'))
    }
  }
  return out
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
