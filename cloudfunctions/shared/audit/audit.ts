import type { Database } from '../core/context'

export const AUDIT = 'audit'

/** One line of the append-only audit trail: who did what to which record, from which state to which, and why. */
export interface AuditEntry {
  actorId: string
  actorRole: 'worker' | 'staff' | 'admin' | 'system'
  action: string
  targetType: string
  targetId: string
  from?: unknown
  to?: unknown
  note?: string
  at: Date
}

/**
 * The collection is only ever added to: nothing in the code base updates or removes an audit document.
 * Inside a transaction write `tx.collection(AUDIT).add(entry)` so the entry lands with the change it records.
 */
export async function appendAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.collection(AUDIT).add(entry)
}
