import { Db } from '@cloudbase/database'

/**
 * Counts database round trips at the SDK's one request seam: every query, document, aggregate and transaction
 * object of @cloudbase/database does `new Db.reqClass(config).send(action, params)` — on CloudBase one HTTPS request
 * each, locally one call into the embedded engine. Wrapping `send` on whatever class is installed there counts what
 * production would send, without touching the engine (cloudfunctions/shared/db/embedded/requester.ts installs it).
 */
export interface DbCall {
  /** `get users`, `tx·add applications`, `tx.commit` … */
  label: string
  /** 1 + the deepest level among the calls that had finished when this one started: the sequential depth. */
  level: number
}

type Send = (this: unknown, action: string, params?: Record<string, unknown>, opts?: unknown) => Promise<unknown>

const VERBS: Record<string, string> = {
  'database.getDocument': 'get',
  'database.calculateDocument': 'count',
  'database.insertDocument': 'add',
  'database.modifyDocument': 'update',
  'database.modifyAndReturnDoc': 'updateAndReturn',
  'database.removeDocument': 'remove',
  'database.aggregateDocuments': 'aggregate',
  'database.startTransaction': 'tx.start',
  'database.commitTransaction': 'tx.commit',
  'database.abortTransaction': 'tx.abort',
}

function labelOf(action: string, params: Record<string, unknown> = {}): string {
  const verb = VERBS[action] ?? action.replace(/^database\./, '')
  if (verb.startsWith('tx.')) return verb
  const coll = typeof params.collectionName === 'string' ? ` ${params.collectionName}` : ''
  return `${params.transactionId ? 'tx·' : ''}${verb}${coll}`
}

let calls: DbCall[] = []
let finishedLevel = 0
let installed = false

/** Installs the counter (once per process). Call after a database was opened (openLocalDatabase installs the class). */
export function installRoundTripCounter(): void {
  if (installed) return
  const cls = (Db as unknown as { reqClass?: { prototype: { send: Send } } }).reqClass
  if (!cls) throw new Error('Db.reqClass is not set: open a database first')
  const original = cls.prototype.send
  cls.prototype.send = async function (this: unknown, action, params, opts) {
    const call = { label: labelOf(action, params), level: finishedLevel + 1 }
    calls.push(call)
    try {
      return await original.call(this, action, params, opts)
    } finally {
      finishedLevel = Math.max(finishedLevel, call.level)
    }
  }
  installed = true
}

/** Starts a fresh count. */
export function resetRoundTrips(): void {
  calls = []
  finishedLevel = 0
}

/** The calls since the last reset, and their sequential depth (what latency pays when parallel calls overlap). */
export function takeRoundTrips(): { calls: DbCall[]; depth: number } {
  const taken = calls
  resetRoundTrips()
  return { calls: taken, depth: taken.reduce((d, c) => Math.max(d, c.level), 0) }
}

/** `get users · tx.start · tx·get counters · add audit ×3`: consecutive repeats folded. */
export function describeCalls(list: readonly DbCall[]): string {
  const out: { label: string; n: number }[] = []
  for (const c of list) {
    const last = out[out.length - 1]
    if (last?.label === c.label) last.n++
    else out.push({ label: c.label, n: 1 })
  }
  return out.map(({ label, n }) => (n > 1 ? `${label} ×${n}` : label)).join(' · ')
}
