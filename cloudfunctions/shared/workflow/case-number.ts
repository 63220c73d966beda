import { inZone } from '~types/time'
import type { Transaction } from '../core/context'

export const COUNTERS = 'counters'

/**
 * `FY-20261129-0007`: a per-kind, per-day sequence a person can read out on the phone. Drawn inside the
 * submitting transaction from a single counter document, so two submissions never share a number.
 */
export async function nextCaseNo(tx: Transaction, prefix: string, now: Date): Promise<string> {
  const day = inZone(now).format('YYYYMMDD')
  const n = await nextInCounter(tx, `caseNo:${prefix}:${day}`)
  return `${prefix}-${day}-${String(n).padStart(4, '0')}`
}

/**
 * The next number of a sequence (1, 2, …) held by one counter document, inside the caller's transaction: case
 * numbers, certificate serials, policy numbers. `after` starts past numbers already taken some other way.
 */
export async function nextInCounter(tx: Transaction, id: string, after = 0): Promise<number> {
  const { data } = await tx.collection(COUNTERS).doc(id).get()
  const n = Math.max((data as { n?: number } | null)?.n ?? 0, after) + 1
  await tx.collection(COUNTERS).doc(id).set({ n })
  return n
}
