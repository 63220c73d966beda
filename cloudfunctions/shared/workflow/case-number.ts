import { inZone } from '~types/time'
import type { Transaction } from '../core/context'

export const COUNTERS = 'counters'

/**
 * `FY-20261129-0007`: a per-kind, per-day sequence a person can read out on the phone. Drawn inside the
 * submitting transaction from a single counter document, so two submissions never share a number.
 */
export async function nextCaseNo(tx: Transaction, prefix: string, now: Date): Promise<string> {
  const day = inZone(now).format('YYYYMMDD')
  const id = `caseNo:${prefix}:${day}`
  const { data } = await tx.collection(COUNTERS).doc(id).get()
  const n = ((data as { n?: number } | null)?.n ?? 0) + 1
  await tx.collection(COUNTERS).doc(id).set({ n })
  return `${prefix}-${day}-${String(n).padStart(4, '0')}`
}
