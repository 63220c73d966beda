import type { Json } from './codec'

/**
 * One comparable SQLite value per stored field value, so that SQL comparison and ORDER BY on it agree with
 * MongoDB's: a BLOB whose first byte is the BSON type bracket, in MongoDB's sort order, followed by bytes that
 * sort like the value (memcmp). Every key is a BLOB and never SQL NULL, so null and a missing field share one
 * key, as they do for MongoDB's equality, sort and (non-sparse) unique index.
 *
 * The SQL function `nx_key(doc -> '$."path"')` computes it in indexes and queries; the planner computes the same
 * key in JS for bound parameters.
 */
const Tag = { null: 0x01, number: 0x02, string: 0x03, object: 0x04, array: 0x05, bool: 0x08, date: 0x09 } as const

/** The smallest key of a bracket, and the smallest key of the next one: the range a typed comparison may match. */
export const bracketStart = (tag: number) => Buffer.from([tag])
export const bracketEnd = (tag: number) => Buffer.from([tag + 1])

const NULL_KEY = Buffer.from([Tag.null])

/** IEEE-754 doubles reordered so that memcmp sorts them numerically (-0 is 0). */
function numberKey(n: number): Buffer {
  const b = Buffer.alloc(9)
  b[0] = Tag.number
  b.writeDoubleBE(n === 0 ? 0 : n, 1)
  if (b[1] & 0x80) for (let i = 1; i < 9; i++) b[i] = ~b[i] & 0xff
  else b[1] |= 0x80
  return b
}

function dateKey(ms: number): Buffer {
  const b = Buffer.alloc(9)
  b[0] = Tag.date
  b.writeBigUInt64BE(BigInt(ms) + 0x8000000000000000n, 1)
  return b
}

const stringKey = (s: string) => Buffer.concat([Buffer.from([Tag.string]), Buffer.from(s, 'utf8')])

/** The key of a value as stored (a Date is `{ $date: ms }`). */
export function storedKey(v: Json | undefined): Buffer {
  if (v === null || v === undefined) return NULL_KEY
  switch (typeof v) {
    case 'number':
      return numberKey(v)
    case 'string':
      return stringKey(v)
    case 'boolean':
      return Buffer.from([Tag.bool, v ? 1 : 0])
  }
  if (Array.isArray(v)) return Buffer.from([Tag.array])
  return typeof v.$date === 'number' ? dateKey(v.$date) : Buffer.from([Tag.object])
}

/** The SQL function: its argument is `doc -> path`, the JSON text of the value or NULL when the field is missing. */
export const sqlKey = (jsonText: string | null): Buffer => (jsonText === null ? NULL_KEY : storedKey(JSON.parse(jsonText) as Json))

export type Scalar = null | number | string | boolean | Date

export function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (v instanceof Date && !Number.isNaN(v.getTime()))
}

/** The key of a query operand (JS form). */
export function scalarKey(v: Scalar): Buffer {
  return v instanceof Date ? dateKey(v.getTime()) : storedKey(v)
}

export function tagOf(v: Scalar): number {
  if (v === null) return Tag.null
  if (v instanceof Date) return Tag.date
  return typeof v === 'number' ? Tag.number : typeof v === 'string' ? Tag.string : Tag.bool
}
