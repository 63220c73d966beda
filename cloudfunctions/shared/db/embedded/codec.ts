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
  // Text with no `"$` holds no extended-JSON wrapper, server date or regex, and with no `\u` escape no key can
  // hide a `$` or the NUL byte EJSON refuses: relaxed EJSON.parse then returns exactly what JSON.parse does, and
  // resolve() would only copy it (a `__proto__` key, which that copy turns into a prototype, keeps the slow path).
  // Most queries (`where({ openid })`) take this path, which skips the reviver.
  if (!text.includes('"$') && !text.includes('\\u') && !text.includes('__proto__')) return JSON.parse(text)
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

/**
 * A document for the SDK, which reads every one with relaxed `EJSON.parse`. The text differs from canonical
 * EJSON.stringify only where relaxed parsing gives the same value from less: a finite number is written bare
 * (canonical `{"$numberInt":"5"}`, `{"$numberLong":…}` and `{"$numberDouble":"1.5"}` all parse to that same JS
 * number, -0 included: canonical writes it `{"$numberInt":"0"}`), and a valid Date as `{"$date":<ms>}` (parsed
 * to the same instant as `{"$date":{"$numberLong":"<ms>"}}`, without building a Long). Everything else (BSON
 * types, RegExp, objects that are not plain) is written exactly as canonical EJSON writes it. This runs on every
 * document read, and the SDK's parse of the canonical form was a large share of a simple read.
 */
export function toWire(v: unknown): string {
  return JSON.stringify(wireValue(v))
}

/** Date.prototype.setTime's bound: an instant beyond it is an Invalid Date, which toWire writes differently. */
const MAX_TIME = 8.64e15
const DATE_WRAPPER = /^\{"\$date":(-?\d{1,16})\}/

/**
 * A stored document for the SDK, straight from its stored JSON text when that text already is its wire form:
 * plain JSON whose only `$` keys are single-key `{"$date":<integer ms>}` objects (how toStored writes a Date),
 * which relaxed EJSON.parse reads as the same values fromStored then toWire would give. `"$` can only open a
 * string token in JSON text, so checking each occurrence finds every `$` key. Anything else (other typed
 * wrappers, `$` strings, `\u` escapes, a `__proto__` key, which fromStored would turn into a prototype) goes
 * the long way. Saves building each document twice on plain reads.
 */
export function storedToWire(text: string): string {
  if (text.includes('\\u') || text.includes('"__proto__"')) return toWire(parseStored(text))
  for (let i = text.indexOf('"$'); i !== -1; i = text.indexOf('"$', i + 2)) {
    const m = text[i - 1] === '{' ? DATE_WRAPPER.exec(text.slice(i - 1, i + 28)) : null
    if (!m || Math.abs(Number(m[1])) > MAX_TIME) return toWire(parseStored(text))
  }
  return text
}

function wireValue(v: unknown): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v
    case 'number':
      return Number.isFinite(v) ? v : { $numberDouble: String(v) }
    case 'undefined':
      // As EJSON: undefined becomes null, in objects and arrays alike.
      return null
  }
  if (v === null) return null
  if (Array.isArray(v)) return v.map(wireValue)
  if (v instanceof Date) {
    const ms = v.getTime()
    if (Number.isFinite(ms)) return { $date: ms }
  } else if (isPlainObject(v) && (v as { _bsontype?: unknown })._bsontype === undefined) {
    const out: JsObject = {}
    for (const key of Object.keys(v)) {
      const x = wireValue(v[key])
      // A `__proto__` key read from JSON is an own property; plain assignment would set the prototype instead.
      if (key === '__proto__') Object.defineProperty(out, key, { value: x, writable: true, enumerable: true, configurable: true })
      else out[key] = x
    }
    return out
  }
  // The canonical extended-JSON tree of this value, re-serialized verbatim by JSON.stringify.
  return EJSON.serialize({ v }, { relaxed: false }).v
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

/**
 * A stored document as the engine works with it. JSON.parse's own objects are kept and only the typed wrappers in
 * them replaced (fromStored's values, without copying every object and array: this runs for every document a
 * query builds). Text with a `__proto__` key goes through fromStored, whose copy turns it into a prototype.
 */
export function parseStored(text: string): JsObject {
  const doc = JSON.parse(text) as Json
  if (text.includes('"__proto__"')) return fromStored(doc) as JsObject
  return text.includes('"$') ? (reviveIn(doc) as JsObject) : (doc as JsObject)
}

/** fromStored in place: containers are kept, wrappers replaced by their values. */
function reviveIn(v: Json): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i]
      if (x !== null && typeof x === 'object') (v as unknown[])[i] = reviveIn(x)
    }
    return v
  }
  if (isWrapped(v)) return fromStored(v)
  for (const k in v) {
    const x = v[k]
    if (x !== null && typeof x === 'object') (v as Record<string, unknown>)[k] = reviveIn(x)
  }
  return v
}
