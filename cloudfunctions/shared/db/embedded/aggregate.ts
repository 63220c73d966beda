import { Aggregator } from './mql'
import type { JsObject } from './codec'
import { invalidParam } from './errors'
import { pointOf, requireGeoIndex, valueAt, type Near } from './geo'
import type { QueryRunner } from './query-runner'
import type { Store } from './store'

/**
 * Runs a pipeline with mingo. Two stages are handled here first: a leading `$geoNear` (mingo has no geo), and a
 * leading `$match`, whose translatable part narrows the documents read from SQLite (mingo still runs the whole
 * `$match`, so the narrowing only has to be a superset). `$lookup` reads the other collection whole.
 */
export function aggregate(store: Store, runner: QueryRunner, coll: string, stages: JsObject[]): JsObject[] {
  const [first, ...rest] = stages
  let docs: JsObject[]
  let pipeline = stages
  if (first && '$geoNear' in first) {
    docs = geoNear(store, runner, coll, first.$geoNear as JsObject, needed(rest))
    pipeline = rest
  } else {
    const match = first && '$match' in first ? (first.$match as JsObject) : {}
    docs = runner.find(coll, match, { sort: [], skip: 0, limit: Infinity })
  }
  try {
    return new Aggregator(pipeline, { collectionResolver: (name: string) => runner.find(name, {}, { sort: [], skip: 0, limit: Infinity }) }).run(docs) as JsObject[]
  } catch (e) {
    throw invalidParam((e as Error).message)
  }
}

/**
 * How many of a stage's documents the stages after it can use: a `$limit` right after it (or after a `$skip`)
 * bounds them, so a `$geoNear` builds only the nearest; anything else may need them all.
 */
function needed(rest: JsObject[]): number {
  const [a, b] = rest
  const count = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null)
  if (a && '$limit' in a && count(a.$limit) !== null) return count(a.$limit)!
  if (a && '$skip' in a && count(a.$skip) !== null && b && '$limit' in b && count(b.$limit) !== null) return count(a.$skip)! + count(b.$limit)!
  return Infinity
}

/** MongoDB's `$geoNear` stage: near, distanceField, maxDistance, minDistance, query, distanceMultiplier, includeLocs, key. */
function geoNear(store: Store, runner: QueryRunner, coll: string, spec: JsObject, need: number): JsObject[] {
  const indexes = store.indexesOf(coll)
  const geoFields = indexes.flatMap((s) => s.keys.filter(([, d]) => d === '2dsphere').map(([f]) => f))
  const field = typeof spec.key === 'string' ? spec.key : geoFields.length === 1 ? geoFields[0] : null
  if (!field) throw invalidParam('$geoNear needs `key` unless the collection has exactly one 2dsphere index')
  requireGeoIndex(coll, field, indexes)
  const near = Array.isArray(spec.near) ? pointOf({ type: 'Point', coordinates: spec.near }) : pointOf(spec.near)
  if (!near || typeof spec.distanceField !== 'string') throw invalidParam('$geoNear needs `near` (a Point) and `distanceField`')
  const n: Near = { field, point: near, maxDistance: spec.maxDistance as number | undefined, minDistance: spec.minDistance as number | undefined }
  const query = (spec.query ?? {}) as JsObject
  const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1
  return runner.geoNearest(coll, query, n, need).map(({ doc, distance }) => {
    const out: JsObject = { ...doc, [spec.distanceField as string]: distance * multiplier }
    if (typeof spec.includeLocs === 'string') out[spec.includeLocs] = valueAt(doc, field)
    return out
  })
}
