import Sqlite from 'better-sqlite3'
import type { IndexFile, IndexSpec } from '../index-spec'
import { COLLECTION_NAME } from '../index-spec'
import type { Json } from './codec'
import { duplicateKey, invalidParam } from './errors'
import { PathRegistry } from './paths'
import { jsonPath, keyExpr, presentExpr, quoteIdent } from './sql'
import { sqlKey } from './sort-key'

export type StoredDoc = { _id: string } & { [key: string]: Json }
export interface Row {
  rowid: number
  doc: string
}

const INDEX_PREFIX = 'nx_'

/**
 * SQLite storage: one table per collection (`_id TEXT PRIMARY KEY, doc TEXT` holding the stored JSON), the
 * declared indexes as expression indexes on field keys, and the path registry. Every method is synchronous;
 * callers wrap multi-row writes in `atomically`.
 */
export class Store {
  readonly sqlite: Sqlite.Database
  readonly paths: PathRegistry
  private readonly tables = new Set<string>()
  private readonly statements = new Map<string, Sqlite.Statement>()
  private readonly specs: IndexFile['collections']

  constructor(file: string, indexes: IndexFile) {
    this.sqlite = new Sqlite(file)
    this.sqlite.pragma('journal_mode = WAL')
    this.sqlite.pragma('synchronous = NORMAL')
    // Deleted and overwritten rows are zeroed, not left in free pages: a purged record (an upload's record, an
    // expired replay) must not be recoverable from a copy of the file.
    this.sqlite.pragma('secure_delete = ON')
    this.sqlite.function('nx_key', { deterministic: true }, sqlKey)
    this.specs = indexes.collections
    for (const { name } of this.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]) {
      this.tables.add(name)
    }
    this.paths = new PathRegistry(this.sqlite)
    for (const coll of new Set([...this.tables, ...Object.keys(this.specs)])) this.ensureCollection(coll)
  }

  indexesOf(coll: string): IndexSpec[] {
    return this.specs[coll] ?? []
  }

  hasCollection(coll: string): boolean {
    return this.tables.has(coll)
  }

  /** Creates the table if needed and brings its indexes in line with the declaration (changed ones are rebuilt). */
  ensureCollection(coll: string): void {
    if (!COLLECTION_NAME.test(coll)) throw invalidParam(`invalid collection name: ${coll}`)
    const table = quoteIdent(coll)
    this.sqlite.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
    this.tables.add(coll)
    const wanted = new Map(this.indexesOf(coll).flatMap((spec) => {
      const sql = indexSql(coll, spec)
      return sql ? [[sqliteIndexName(coll, spec.name), sql] as const] : []
    }))
    const existing = this.sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE ? ESCAPE '\\'")
      .all(coll, `${INDEX_PREFIX.replace(/_/g, '\\_')}%`) as { name: string; sql: string }[]
    for (const { name, sql } of existing) if (wanted.get(name) !== sql) this.sqlite.exec(`DROP INDEX ${quoteIdent(name)}`)
    for (const [name, sql] of wanted) if (!existing.some((e) => e.name === name && e.sql === sql)) this.sqlite.exec(sql)
  }

  atomically<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate()
  }

  /** Runs `fn` against the live tables and undoes it: used to find constraint violations before committing. */
  trial(fn: () => void): void {
    const undo = new Error('trial')
    try {
      this.sqlite.transaction(() => {
        fn()
        throw undo
      })()
    } catch (e) {
      if (e !== undo) throw e
    }
  }

  /** Prepared once per SQL text; `$TABLE` stands for the collection's table. */
  statement(coll: string, sql: string): Sqlite.Statement {
    const text = forTable(coll, sql)
    let st = this.statements.get(text)
    if (!st) this.statements.set(text, (st = this.sqlite.prepare(text)))
    return st
  }

  rawById(coll: string, id: string): string | null {
    if (!this.tables.has(coll)) return null
    const row = this.statement(coll, 'SELECT doc FROM $TABLE WHERE _id = ?').get(id) as { doc: string } | undefined
    return row?.doc ?? null
  }

  /** The collection must exist (ensureCollection): creating a table inside a write that may roll back would not stick. */
  insert(coll: string, doc: StoredDoc): void {
    this.paths.observe(coll, doc)
    this.write(coll, () => this.statement(coll, 'INSERT INTO $TABLE (_id, doc) VALUES (?, ?)').run(doc._id, JSON.stringify(doc)))
  }

  replace(coll: string, doc: StoredDoc): void {
    this.paths.observe(coll, doc)
    this.write(coll, () => this.statement(coll, 'UPDATE $TABLE SET doc = ? WHERE _id = ?').run(JSON.stringify(doc), doc._id))
  }

  delete(coll: string, id: string): void {
    this.statement(coll, 'DELETE FROM $TABLE WHERE _id = ?').run(id)
  }

  close(): void {
    this.sqlite.close()
  }

  /** Turns SQLite's constraint failure into CloudBase's duplicate-key error, naming the index as MongoDB does. */
  private write(coll: string, run: () => void): void {
    try {
      run()
    } catch (e) {
      const code = (e as { code?: string }).code
      if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e
      const index = /index '([^']+)'/.exec((e as Error).message)?.[1]?.slice(`${INDEX_PREFIX}${coll}__`.length) ?? '_id_'
      throw duplicateKey(coll, index)
    }
  }
}

export const forTable = (coll: string, sql: string) => sql.replace('$TABLE', quoteIdent(coll))

const sqliteIndexName = (coll: string, name: string) => `${INDEX_PREFIX}${coll}__${name}`

/**
 * The SQLite index for a declared one, or null for a geo index (nothing SQL can use: geo queries filter by
 * distance in JS). Columns are built ascending: SQLite scans an index both ways, and with the implicit trailing
 * rowid ascending the planner's `ORDER BY …, rowid` tie-break (in the last key's direction) is served either way.
 * One exception: mixed directions whose last key ascends (e.g. urgent -1, dueAt 1) keep their DESC columns — no
 * one-way scan of an all-ascending index serves that ORDER BY, while a forward scan of the declared one does,
 * rowid ascending included. (With a descending last key, e.g. openid 1, createdAt -1, the rowid tie-break would
 * not match, so such indexes stay ascending and serve their one-key sorts backwards, as before.)
 */
function indexSql(coll: string, spec: IndexSpec): string | null {
  if (spec.keys.some(([, d]) => d === '2dsphere')) return null
  const keepDesc = new Set(spec.keys.map(([, d]) => d)).size > 1 && spec.keys[spec.keys.length - 1][1] === 1
  const columns = spec.keys.map(([field, d]) => `${keyExpr(jsonPath(field)!)}${keepDesc && d === -1 ? ' DESC' : ''}`)
  const where = spec.sparse ? ` WHERE ${presentExpr(jsonPath(spec.keys[0][0])!)}` : ''
  return `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(sqliteIndexName(coll, spec.name))} ON ${quoteIdent(coll)} (${columns.join(', ')})${where}`
}
