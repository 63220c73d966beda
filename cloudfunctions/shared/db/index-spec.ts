/**
 * The shape of indexes.json: every collection the functions use, with its indexes. One file feeds both places:
 * apply-indexes.ts turns it into CloudBase `CreateIndexes`, the embedded engine into SQLite indexes.
 */
export type IndexDirection = 1 | -1 | '2dsphere'

export interface IndexSpec {
  /** The CloudBase IndexName; unique within its collection. */
  name: string
  /** Fields in order, with MongoDB's direction, or '2dsphere' for a geo field (store `db.Geo.Point`s there). */
  keys: [field: string, direction: IndexDirection][]
  /** @default false */
  unique?: boolean
  /**
   * Skip documents that lack the field (MongoDB `sparse`). A stored `null` is still indexed, so leave the field out
   * rather than writing null. Single-field indexes only.
   * @default false
   */
  sparse?: boolean
}

export interface IndexFile {
  collections: Record<string, IndexSpec[]>
}

export const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/
const FIELD_PATH = /^[^$.'"][^.'"]*(\.[^$.'"][^.'"]*)*$/

/** Checks a parsed index file; throws with the first problem found. */
export function parseIndexFile(raw: unknown): IndexFile {
  const fail: (where: string, what: string) => never = (where, what) => {
    throw new Error(`indexes: ${where}: ${what}`)
  }
  const collections = (raw as IndexFile | null)?.collections
  if (typeof collections !== 'object' || collections === null) return fail('file', 'needs a "collections" object')
  for (const [coll, specs] of Object.entries(collections)) {
    if (!COLLECTION_NAME.test(coll)) fail(coll, 'not a valid collection name')
    if (!Array.isArray(specs)) fail(coll, 'needs an array of indexes')
    const names = new Set<string>()
    for (const spec of specs) {
      const where = `${coll}.${spec?.name}`
      if (typeof spec?.name !== 'string' || !/^[A-Za-z0-9_]+$/.test(spec.name)) fail(where, 'name must be letters, digits or _')
      if (names.has(spec.name)) fail(where, 'duplicate name')
      names.add(spec.name)
      if (!Array.isArray(spec.keys) || spec.keys.length === 0) fail(where, 'needs keys')
      for (const key of spec.keys) {
        if (!Array.isArray(key) || typeof key[0] !== 'string' || !FIELD_PATH.test(key[0])) fail(where, `bad key ${JSON.stringify(key)}`)
        if (![1, -1, '2dsphere'].includes(key[1])) fail(where, `bad direction for ${key[0]}`)
      }
      if (spec.sparse && spec.keys.length !== 1) fail(where, 'sparse indexes take one field')
      if (spec.unique && spec.keys.some(([, d]) => d === '2dsphere')) fail(where, 'a geo index cannot be unique')
    }
  }
  return raw as IndexFile
}
