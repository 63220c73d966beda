import type { JsObject } from './codec'
import { invalidParam } from './errors'
import { boundingBox, type Near, parseNearSphere } from './geo'
import type { PathRegistry } from './paths'
import { bracketEnd, bracketStart, isScalar, scalarKey, tagOf, type Scalar } from './sort-key'
import { coordExpr, jsonPath, keyExpr, oddPointExpr, presentExpr, quoteIdent } from './sql'
import { idParam, type DocId } from './store'

export type SortSpec = [field: string, direction: 1 | -1][]

/**
 * How a query runs: `where` (SQL, exact for what it covers) plus `residual` (MongoDB criteria that mingo applies
 * to the rows SQL returns). The result is right whatever the split; the split decides the cost. When the residual
 * is empty and the sort is in SQL too, skip and limit go to SQL and the cost follows the page.
 */
export interface Plan {
  where: string
  params: unknown[]
  residual: JsObject | null
  near: Near | null
  /** SQL ORDER BY for the requested sort, or null when it must be sorted in JS (or none was requested). */
  orderBy: string | null
  /** Ties are broken by insertion order (rowid) in the direction of the last sort field, in SQL and JS alike. */
  tieBreak: 'ASC' | 'DESC'
  /** The criteria without their near: what a document must match, for a reader that applies it in JS. */
  filter: JsObject
  /**
   * For a near (or within) with a box: the candidates' `rowid, x, y` (longitude, latitude) read from the geo index
   * alone — its box and its odd points, a row possibly twice — so distances are known before any document is built.
   */
  points: { sql: string; params: unknown[] } | null
}

export interface PlanContext {
  coll: string
  paths: PathRegistry
  /** Fields with a sparse index: a query that excludes missing values names the index's condition too. */
  sparse: Set<string>
  /** Fields with a physical geo index, each with its partial index of odd points (Store.geoIndexes). */
  geo: Map<string, string>
  /** False runs everything in JS: the reference behaviour the conformance suite compares SQL against. */
  pushdown: boolean
}

interface Sql {
  sql: string[]
  params: unknown[]
}

const isOperatorObject = (v: unknown): v is JsObject =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'))

/**
 * `within`: a near that is not part of the query (a `$geoNear` stage's) but narrows what SQL reads all the same;
 * the query's own near, if it has one, narrows instead. Either way the caller still filters by exact distance.
 */
export function plan(query: JsObject, sort: SortSpec, ctx: PlanContext, within?: Near): Plan {
  const { rest, near } = extractNear(query)
  const tieBreak = sort.length > 0 && sort[sort.length - 1][1] === -1 ? 'DESC' : 'ASC'
  if (!ctx.pushdown) return { where: '1', params: [], residual: nonEmpty(rest), near, orderBy: null, tieBreak, filter: rest, points: null }
  const out: Sql = { sql: [], params: [] }
  const residual: JsObject[] = []
  conjuncts(rest, ctx, out, residual)
  const box = near || within ? nearTerm(near ?? within!, ctx) : null
  if (box) {
    out.sql.push(box.sql)
    out.params.push(...box.params)
  }
  const points = box ? { sql: box.points, params: box.params } : null
  return {
    where: out.sql.length > 0 ? out.sql.join(' AND ') : '1',
    params: out.params,
    residual: residual.length === 0 ? null : residual.length === 1 ? residual[0] : { $and: residual },
    near,
    orderBy: sortSql(sort, ctx, tieBreak),
    tieBreak,
    filter: rest,
    points,
  }
}

const nonEmpty = (q: JsObject) => (Object.keys(q).length > 0 ? q : null)

/** MongoDB allows one $nearSphere, at the top level; it leaves the criteria and becomes a distance filter + sort. */
function extractNear(query: JsObject): { rest: JsObject; near: Near | null } {
  let near: Near | null = null
  const rest: JsObject = {}
  for (const [field, cond] of Object.entries(query)) {
    if (isOperatorObject(cond) && ('$nearSphere' in cond || '$near' in cond)) {
      if (near) throw invalidParam('too many geoNear expressions')
      const { $nearSphere, $near, ...others } = cond
      near = parseNearSphere(field, $nearSphere ?? $near)
      if (Object.keys(others).length > 0) rest[field] = others
    } else rest[field] = cond
  }
  return { rest, near }
}

/**
 * The rows a near with a maxDistance can find, by the geo index (store.ts): those in its bounding box
 * (geo.ts boundingBox, one range of longitudes or two across the antimeridian, or every longitude near a pole)
 * and those with odd coordinates, through their partial index. A superset: the exact distance filter runs in JS.
 * Skipped for a path with an all-digit segment, which valueAt may read as an array element where SQL reads none.
 */
function nearTerm(near: Near, ctx: PlanContext): { sql: string; params: unknown[]; points: string } | null {
  const odd = ctx.geo.get(near.field)
  const box = odd === undefined || near.field.split('.').some((s) => /^\d+$/.test(s)) ? null : boundingBox(near)
  if (!box) return null
  const [lng, lat] = [coordExpr(near.field, 0)!, coordExpr(near.field, 1)!]
  const table = quoteIdent(ctx.coll)
  const arms: string[] = []
  const params: unknown[] = []
  for (const range of box.lng ?? [null]) {
    arms.push(`SELECT rowid$POINT FROM ${table} WHERE ${lat} BETWEEN ? AND ?${range ? ` AND ${lng} BETWEEN ? AND ?` : ''}`)
    params.push(...box.lat, ...(range ?? []))
  }
  arms.push(`SELECT rowid$POINT FROM ${table} INDEXED BY ${quoteIdent(odd!)} WHERE ${oddPointExpr(lng, lat)}`)
  const union = arms.join(' UNION ALL ')
  // The index holds (latitude, longitude): reading both from it is a covering read of the box.
  return { sql: `rowid IN (${union.replaceAll('$POINT', '')})`, params, points: union.replaceAll('$POINT', `, ${lng} AS x, ${lat} AS y`) }
}

function conjuncts(query: JsObject, ctx: PlanContext, out: Sql, residual: JsObject[]): void {
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const sub of cond) conjuncts(sub as JsObject, ctx, out, residual)
    } else if (key === '$or' && Array.isArray(cond) && cond.length > 0) {
      const branches = cond.map((sub) => whole(sub as JsObject, ctx))
      if (branches.every((b) => b !== null)) {
        out.sql.push(`(${branches.map((b) => `(${b!.sql.join(' AND ') || '1'})`).join(' OR ')})`)
        for (const b of branches) out.params.push(...b!.params)
      } else residual.push({ [key]: cond })
    } else if (key.startsWith('$')) {
      residual.push({ [key]: cond })
    } else {
      field(key, cond, ctx, out, residual)
    }
  }
}

/** The whole query as SQL, or null when any part of it is not translatable. */
function whole(query: JsObject, ctx: PlanContext): Sql | null {
  const out: Sql = { sql: [], params: [] }
  const residual: JsObject[] = []
  conjuncts(query, ctx, out, residual)
  return residual.length === 0 ? out : null
}

function field(name: string, cond: unknown, ctx: PlanContext, out: Sql, residual: JsObject[]): void {
  const ops = isOperatorObject(cond) ? Object.entries(cond) : [['$eq', cond] as const]
  const left: JsObject = {}
  for (const [op, v] of ops) {
    const t = name === '_id' ? idOp(op, v) : fieldOp(name, op, v, ctx)
    if (t) {
      out.sql.push(t.sql)
      out.params.push(...t.params)
    } else left[op] = v
  }
  if (Object.keys(left).length > 0) residual.push({ [name]: isOperatorObject(cond) ? left : cond })
}

type Term = { sql: string; params: unknown[] } | null

const placeholders = (n: number) => Array(n).fill('?').join(', ')
const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/**
 * `_id` is the table's own column: a string as TEXT, a number as its BLOB key (store.ts idParam), which SQLite
 * never equates with a TEXT. So equality and membership translate for either; a range is kept to its own type
 * (MongoDB compares within a type), where both orders are MongoDB's (byte order of UTF-8; numeric).
 */
function idOp(op: string, v: unknown): Term {
  const id = (x: unknown): x is DocId => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))
  if (op === '$eq' && id(v)) return { sql: '_id = ?', params: [idParam(v)] }
  if (op === '$ne' && id(v)) return { sql: '_id != ?', params: [idParam(v)] }
  if ((op === '$in' || op === '$nin') && Array.isArray(v) && v.every(id)) {
    if (v.length === 0) return { sql: op === '$in' ? '0' : '1', params: [] }
    return { sql: `_id ${op === '$in' ? 'IN' : 'NOT IN'} (${placeholders(v.length)})`, params: v.map(idParam) }
  }
  if (op in RANGE && id(v)) return { sql: `_id ${RANGE[op]} ? AND typeof(_id) = '${typeof v === 'string' ? 'text' : 'blob'}'`, params: [idParam(v)] }
  return null
}

function fieldOp(name: string, op: string, v: unknown, ctx: PlanContext): Term {
  const path = jsonPath(name)
  if (!path || !ctx.paths.filterable(ctx.coll, name)) return null
  const key = keyExpr(path)
  // Appending the sparse index's own condition lets SQLite use that partial index; the query implies it anyway.
  const present = (t: { sql: string; params: unknown[] }) => (ctx.sparse.has(name) ? { sql: `${t.sql} AND ${presentExpr(path)}`, params: t.params } : t)
  switch (op) {
    case '$eq':
      if (!isScalar(v)) return null
      return v === null ? { sql: `${key} = ?`, params: [scalarKey(v)] } : present({ sql: `${key} = ?`, params: [scalarKey(v)] })
    case '$ne':
      return isScalar(v) ? { sql: `${key} != ?`, params: [scalarKey(v)] } : null
    case '$in':
    case '$nin': {
      if (!Array.isArray(v) || !v.every(isScalar)) return null
      if (v.length === 0) return { sql: op === '$in' ? '0' : '1', params: [] }
      const t = { sql: `${key} ${op === '$in' ? 'IN' : 'NOT IN'} (${placeholders(v.length)})`, params: (v as Scalar[]).map(scalarKey) }
      return op === '$in' && !v.includes(null) ? present(t) : t
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      // MongoDB compares within a type bracket only: `$gt: 5` never matches a string. Bound the range to it.
      if (!isScalar(v) || v === null || typeof v === 'boolean') return null
      const tag = tagOf(v)
      const bound = op === '$gt' || op === '$gte' ? `${key} < ?` : `${key} >= ?`
      const edge = op === '$gt' || op === '$gte' ? bracketEnd(tag) : bracketStart(tag)
      return present({ sql: `${key} ${RANGE[op]} ? AND ${bound}`, params: [scalarKey(v), edge] })
    }
    case '$exists':
      return typeof v === 'boolean' ? { sql: v ? presentExpr(path) : `NOT ${presentExpr(path)}`, params: [] } : null
    default:
      return null
  }
}

function sortSql(sort: SortSpec, ctx: PlanContext, tieBreak: string): string | null {
  if (sort.length === 0) return null
  const terms: string[] = []
  for (const [name, dir] of sort) {
    const d = dir === -1 ? 'DESC' : 'ASC'
    if (name === '_id') {
      // SQLite orders TEXT before BLOB; MongoDB numbers before strings. Only while every _id has been a string.
      if (!ctx.paths.sortable(ctx.coll, '_id')) return null
      terms.push(`_id ${d}`)
    }
    else {
      const path = jsonPath(name)
      if (!path || !ctx.paths.sortable(ctx.coll, name)) return null
      terms.push(`${keyExpr(path)} ${d}`)
    }
  }
  return [...terms, `rowid ${tieBreak}`].join(', ')
}
