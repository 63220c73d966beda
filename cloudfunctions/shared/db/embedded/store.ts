import Sqlite from 'better-sqlite3'
import type { IndexFile, IndexSpec } from '../index-spec'
import { COLLECTION_NAME } from '../index-spec'
import type { Json } from './codec'
import { duplicateKey, invalidParam } from './errors'
import { PathRegistry } from './paths'
import { coordExpr, jsonPath, keyExpr, oddPointExpr, presentExpr, quoteIdent } from './sql'
import { sqlKey, storedKey } from './sort-key'

/** MongoDB allows any type; the engine takes strings and numbers (CloudBase's SDK: `doc(id)` takes either). */
export type DocId = string | number
export type StoredDoc = { _id: DocId } & { [key: string]: Json }

/**
 * The `_id` column's value: a string as itself, a number as its sort key (a BLOB, see sort-key.ts). SQLite never
 * equates a BLOB with a TEXT, so `1` and `'1'` are two documents, as in MongoDB, and the primary key stays unique.
 */
export const idParam = (id: DocId): string | Buffer => (typeof id === 'string' ? id : storedKey(id))

/** One document changed by a commit: its stored text before and after (null: absent). */
export interface Change {
  coll: string
  id: DocId
  before: string | null
  after: string | null
}
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
  /**
   * Set while transactions are open (transactions.ts keeps the versions their snapshots read): called after each
   * committed SQLite transaction with the documents it changed, before anything else can run.
   */
  onCommit: ((changes: Change[]) => void) | null = null
  /** The changes of the write in progress (atomically/trial); null outside one. */
  private journal: Change[] | null = null
  private inTrial = false
  /** One wrapper for every write: better-sqlite3 builds a new one per `transaction(fn)` call, which costs ~30 µs. */
  private readonly inTransaction: Sqlite.Transaction<(fn: () => unknown) => unknown>

  constructor(file: string, indexes: IndexFile) {
    this.sqlite = new Sqlite(file)
    this.sqlite.pragma('journal_mode = WAL')
    this.sqlite.pragma('synchronous = NORMAL')
    // Deleted and overwritten rows are zeroed, not left in free pages: a purged record (an upload's record, an
    // expired replay) must not be recoverable from a copy of the file.
    this.sqlite.pragma('secure_delete = ON')
    this.sqlite.function('nx_key', { deterministic: true }, sqlKey)
    this.inTransaction = this.sqlite.transaction((fn: () => unknown) => fn())
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

  /**
   * The entries a stored document makes in its collection's unique indexes, each as `<index name>\0<key hex>`:
   * what two writers of one unique value collide on (transactions.ts). Mirrors indexSql and nx_key: a sparse index
   * skips a document without its first field, and a path reaches into sub-documents only, as `doc -> '$."a"."b"'`.
   */
  uniqueKeys(coll: string, doc: { [key: string]: Json } | null): string[] {
    if (!doc) return []
    const out: string[] = []
    for (const spec of this.indexesOf(coll)) {
      if (!spec.unique || spec.keys.some(([, d]) => d === '2dsphere')) continue
      const values = spec.keys.map(([field]) => valueAtPath(doc, field))
      if (spec.sparse && values[0] === undefined) continue
      out.push(`${spec.name}\u0000${Buffer.concat(values.map(storedKey)).toString('hex')}`)
    }
    return out
  }

  /**
   * The fields of a collection with a physical geo index, each with the name of its partial index of odd points
   * (the planner names it in `INDEXED BY`). The first declaration of a field wins.
   */
  geoIndexes(coll: string): Map<string, string> {
    const out = new Map<string, string>()
    for (const spec of this.indexesOf(coll)) {
      const field = geoField(spec)
      if (field !== null && !out.has(field)) out.set(field, `${sqliteIndexName(coll, spec.name)}${ODD_SUFFIX}`)
    }
    return out
  }

  hasUniqueIndex(coll: string): boolean {
    return this.indexesOf(coll).some((spec) => spec.unique)
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
    const wanted = new Map(this.indexesOf(coll).flatMap((spec) => indexSql(coll, spec)))
    const existing = this.sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE ? ESCAPE '\\'")
      .all(coll, `${INDEX_PREFIX.replace(/_/g, '\\_')}%`) as { name: string; sql: string }[]
    for (const { name, sql } of existing) if (wanted.get(name) !== sql) this.sqlite.exec(`DROP INDEX ${quoteIdent(name)}`)
    for (const [name, sql] of wanted) if (!existing.some((e) => e.name === name && e.sql === sql)) this.sqlite.exec(sql)
  }

  /** Every write goes through here (or trial): one SQLite transaction, then onCommit with what it changed. */
  atomically<T>(fn: () => T): T {
    if (this.journal) throw new Error('Store.atomically does not nest')
    const journal: Change[] = []
    this.journal = journal
    let result: T
    try {
      result = this.inTransaction.immediate(fn) as T
    } finally {
      this.journal = null
    }
    if (journal.length > 0) this.onCommit?.(journal)
    return result
  }

  /** Runs `fn` against the live tables and undoes it: used to find constraint violations before committing. */
  trial(fn: () => void): void {
    if (this.journal) throw new Error('Store.trial does not nest')
    const undo = new Error('trial')
    this.journal = []
    this.inTrial = true
    try {
      this.inTransaction(() => {
        fn()
        throw undo
      })
    } catch (e) {
      if (e !== undo) throw e
    } finally {
      this.journal = null
      this.inTrial = false
    }
  }

  /** Prepared once per SQL text; `$TABLE` stands for the collection's table. */
  statement(coll: string, sql: string): Sqlite.Statement {
    const text = forTable(coll, sql)
    let st = this.statements.get(text)
    if (!st) this.statements.set(text, (st = this.sqlite.prepare(text)))
    return st
  }

  rawById(coll: string, id: DocId): string | null {
    if (!this.tables.has(coll)) return null
    const row = this.statement(coll, 'SELECT doc FROM $TABLE WHERE _id = ?').get(idParam(id)) as { doc: string } | undefined
    return row?.doc ?? null
  }

  /**
   * The collection must exist (ensureCollection): creating a table inside a write that may roll back would not
   * stick. insert/replace/delete run inside atomically or trial.
   */
  insert(coll: string, doc: StoredDoc): void {
    this.paths.observe(coll, doc)
    const text = JSON.stringify(doc)
    this.write(coll, () => this.statement(coll, 'INSERT INTO $TABLE (_id, doc) VALUES (?, ?)').run(idParam(doc._id), text))
    this.record(coll, doc._id, null, text)
  }

  replace(coll: string, doc: StoredDoc): void {
    this.paths.observe(coll, doc)
    const text = JSON.stringify(doc)
    const before = this.before(coll, doc._id)
    this.write(coll, () => this.statement(coll, 'UPDATE $TABLE SET doc = ? WHERE _id = ?').run(text, idParam(doc._id)))
    this.record(coll, doc._id, before, text)
  }

  delete(coll: string, id: DocId): void {
    const before = this.before(coll, id)
    this.statement(coll, 'DELETE FROM $TABLE WHERE _id = ?').run(idParam(id))
    this.record(coll, id, before, null)
  }

  close(): void {
    this.sqlite.close()
  }

  /** What a committed write is recorded for: only while someone keeps versions (onCommit set), and not in a trial. */
  private get recording(): boolean {
    return this.onCommit !== null && !this.inTrial
  }

  /** The text a write replaces, read only when recording (it costs a lookup). */
  private before(coll: string, id: DocId): string | null {
    return this.recording ? this.rawById(coll, id) : null
  }

  private record(coll: string, id: DocId, before: string | null, after: string | null): void {
    if (!this.journal) throw new Error('Store writes run inside atomically() or trial()')
    if (this.recording) this.journal.push({ coll, id, before, after })
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

/** What SQLite's `doc -> '$."a"."b"'` finds: undefined where it answers NULL (a missing field, or a step into a non-object). */
function valueAtPath(doc: { [key: string]: Json }, field: string): Json | undefined {
  let v: Json | undefined = doc
  for (const segment of field.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, segment)) return undefined
    v = v[segment]
  }
  return v
}

const sqliteIndexName = (coll: string, name: string) => `${INDEX_PREFIX}${coll}__${name}`
const ODD_SUFFIX = '__odd'

/** The field of a geo index (its first `2dsphere` key) when SQL can read its coordinates; null otherwise. */
function geoField(spec: IndexSpec): string | null {
  const key = spec.keys.find(([, d]) => d === '2dsphere')
  return key && coordExpr(key[0], 0) ? key[0] : null
}

/**
 * The SQLite indexes for a declared one, as [name, CREATE INDEX].
 *
 * A geo index becomes two: `(latitude, longitude)` of the point (coordExpr), which a near query's box searches
 * by latitude and filters by longitude within the index, and a partial index of the rows whose coordinates are
 * out of range or not numbers (oddPointExpr), which the box cannot cover but distanceM may still find near; it is
 * normally empty. Other keys of a compound geo index are not indexed.
 *
 * Otherwise columns are built ascending: SQLite scans an index both ways, and with the implicit trailing
 * rowid ascending the planner's `ORDER BY …, rowid` tie-break (in the last key's direction) is served either way.
 * One exception: mixed directions whose last key ascends (e.g. urgent -1, dueAt 1) keep their DESC columns — no
 * one-way scan of an all-ascending index serves that ORDER BY, while a forward scan of the declared one does,
 * rowid ascending included. (With a descending last key, e.g. openid 1, createdAt -1, the rowid tie-break would
 * not match, so such indexes stay ascending and serve their one-key sorts backwards, as before.)
 */
function indexSql(coll: string, spec: IndexSpec): [name: string, sql: string][] {
  const name = sqliteIndexName(coll, spec.name)
  if (spec.keys.some(([, d]) => d === '2dsphere')) {
    const field = geoField(spec)
    if (field === null) return []
    const [lng, lat] = [coordExpr(field, 0)!, coordExpr(field, 1)!]
    return [
      [name, `CREATE INDEX ${quoteIdent(name)} ON ${quoteIdent(coll)} (${lat}, ${lng})`],
      [name + ODD_SUFFIX, `CREATE INDEX ${quoteIdent(name + ODD_SUFFIX)} ON ${quoteIdent(coll)} (${lat}) WHERE ${oddPointExpr(lng, lat)}`],
    ]
  }
  const keepDesc = new Set(spec.keys.map(([, d]) => d)).size > 1 && spec.keys[spec.keys.length - 1][1] === 1
  const columns = spec.keys.map(([field, d]) => `${keyExpr(jsonPath(field)!)}${keepDesc && d === -1 ? ' DESC' : ''}`)
  const where = spec.sparse ? ` WHERE ${presentExpr(jsonPath(spec.keys[0][0])!)}` : ''
  return [[name, `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON ${quoteIdent(coll)} (${columns.join(', ')})${where}`]]
}
