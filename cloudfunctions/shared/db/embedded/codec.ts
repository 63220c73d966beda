import { BSONRegExp, EJSON } from 'bson'

/**
 * Three forms of a value:
 * - wire: the SDK's canonical extended JSON (`{"$numberInt":"5"}`, `{"$date":{"$numberLong":"…"}}`);
 * - JS: what queries, updates and mingo work on (numbers, Date, RegExp, GeoJSON objects);
 * - stored: plain JSON in SQLite, where a Date is `{"$date": <ms>}` so that SQL can read its instant
 *   (see sort-key.ts) and any other BSON type keeps its canonical extended-JSON wrapper.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsObject = Record<string, unknown>

const SERVER_DATE = '$tcb_server_date'

const isPlainObject = (v: unknown): v is JsObject =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype

/** `db.RegExp` options are MongoDB's (i, m, s, x); JS knows i, m, s. */
function toRegExp(r: BSONRegExp): RegExp {
  return new RegExp(r.pattern, [...r.options].filter((o) => 'ims'.includes(o)).join(''))
}

/**
 * Parses what the SDK sent. `db.serverDate({ offset })` arrives as `{ $tcb_server_date: { offset } }` and becomes
 * the engine's clock plus the offset, as CloudBase resolves it on the server.
 */
export function fromWire(text: string, now: () => Date): unknown {
  return resolve(EJSON.parse(text, { relaxed: true }), now)
}

function resolve(v: unknown, now: () => Date): unknown {
  if (Array.isArray(v)) return v.map((x) => resolve(x, now))
  if (v instanceof BSONRegExp) return toRegExp(v)
  if (!isPlainObject(v)) return v
  const serverDate = v[SERVER_DATE] as { offset?: number } | undefined
  if (serverDate !== undefined && Object.keys(v).length === 1) return new Date(now().getTime() + (serverDate.offset ?? 0))
  const out: JsObject = {}
  for (const [k, x] of Object.entries(v)) out[k] = resolve(x, now)
  return out
}

export function toWire(v: unknown): string {
  return EJSON.stringify(v as Record<string, unknown>, { relaxed: false })
}

export function toStored(v: unknown): Json {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : EJSON.serialize({ v }, { relaxed: false }).v as Json
  if (v instanceof Date) return { $date: v.getTime() }
  if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } }
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : toStored(x)))
  if (isPlainObject(v)) {
    const out: { [key: string]: Json } = {}
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toStored(x)
    return out
  }
  // ObjectId, Decimal128, Binary… keep their canonical extended JSON so they read back as the same type.
  return EJSON.serialize({ v }, { relaxed: false }).v as Json
}

/** True for a stored object that stands for a typed value rather than a sub-document. */
export function isWrapped(v: { [key: string]: Json }): boolean {
  const keys = Object.keys(v)
  return keys.length > 0 && keys[0].startsWith('$')
}

export function fromStored(v: Json): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(fromStored)
  if (isWrapped(v)) {
    if (typeof v.$date === 'number') return new Date(v.$date)
    const typed = (EJSON.deserialize({ v }, { relaxed: true }) as { v: unknown }).v
    return typed instanceof BSONRegExp ? toRegExp(typed) : typed
  }
  const out: JsObject = {}
  for (const [k, x] of Object.entries(v)) out[k] = fromStored(x)
  return out
}

export const parseStored = (text: string): JsObject => fromStored(JSON.parse(text) as Json) as JsObject
