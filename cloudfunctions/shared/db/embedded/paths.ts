import type BetterSqlite3 from 'better-sqlite3'
import { isWrapped, type Json } from './codec'

/**
 * What SQL may assume about a field path of a collection. SQL reads one value per path, but MongoDB matches
 * `{ tags: 'a' }` against every element of an array and walks `a.b` into arrays of sub-documents, so a path is
 * only pushed down to SQL while no document has ever held an array (or a typed wrapper such as an ObjectId) on it
 * or on a prefix of it. A path that has held a sub-document can still be filtered in SQL (its key never equals a
 * scalar's) but not sorted there, since MongoDB orders sub-documents field by field.
 *
 * The marks are sticky (never cleared when such a document goes away): always sound, at worst slower.
 */
const OPAQUE = 1
const OBJECT = 2
/** Deeper paths are not tracked, hence never pushed down; bounds the registry for free-form sub-documents. */
const MAX_DEPTH = 6

export class PathRegistry {
  private readonly marks = new Map<string, Map<string, number>>()
  private readonly insert: BetterSqlite3.Statement

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    sqlite.exec('CREATE TABLE IF NOT EXISTS _nx_paths (coll TEXT NOT NULL, path TEXT NOT NULL, marks INTEGER NOT NULL, PRIMARY KEY (coll, path))')
    this.insert = sqlite.prepare(
      'INSERT INTO _nx_paths (coll, path, marks) VALUES (?, ?, ?) ON CONFLICT (coll, path) DO UPDATE SET marks = marks | excluded.marks',
    )
    for (const row of sqlite.prepare('SELECT coll, path, marks FROM _nx_paths').all() as { coll: string; path: string; marks: number }[]) {
      this.of(row.coll).set(row.path, row.marks)
    }
  }

  private of(coll: string): Map<string, number> {
    let m = this.marks.get(coll)
    if (!m) this.marks.set(coll, (m = new Map()))
    return m
  }

  /** Records the shape of a document about to be written; call inside the write's SQLite transaction. */
  observe(coll: string, doc: { [key: string]: Json }): void {
    const marks = this.of(coll)
    // A non-string `_id` (a number): the table's `_id` column no longer sorts as MongoDB does (planner.ts).
    if (typeof doc._id !== 'string' && ((marks.get('_id') ?? 0) & OPAQUE) === 0) {
      marks.set('_id', (marks.get('_id') ?? 0) | OPAQUE)
      this.insert.run(coll, '_id', OPAQUE)
    }
    const walk = (obj: { [key: string]: Json }, prefix: string, depth: number) => {
      for (const [key, v] of Object.entries(obj)) {
        if (v === null || typeof v !== 'object') continue
        const path = prefix + key
        const array = Array.isArray(v)
        if (!array && typeof v.$date === 'number') continue
        const mark = array || isWrapped(v) ? OPAQUE : OBJECT
        if (((marks.get(path) ?? 0) & mark) === 0) {
          marks.set(path, (marks.get(path) ?? 0) | mark)
          this.insert.run(coll, path, mark)
        }
        if (mark === OBJECT && depth < MAX_DEPTH) walk(v as { [key: string]: Json }, `${path}.`, depth + 1)
      }
    }
    walk(doc, '', 1)
  }

  /** May SQL filter on this path? */
  filterable(coll: string, path: string): boolean {
    const segments = path.split('.')
    if (segments.length > MAX_DEPTH) return false
    const marks = this.of(coll)
    for (let i = 1; i <= segments.length; i++) if ((marks.get(segments.slice(0, i).join('.')) ?? 0) & OPAQUE) return false
    return true
  }

  /** May SQL sort on this path? */
  sortable(coll: string, path: string): boolean {
    return this.filterable(coll, path) && ((this.of(coll).get(path) ?? 0) & OBJECT) === 0
  }
}
