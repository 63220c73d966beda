import { AppError } from '../core/app-error'
import type { Database, Transaction } from '../core/context'

export const TRANSACTION_CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT'

export function isTransactionConflict(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown }
  return code === TRANSACTION_CONFLICT_CODE || (typeof message === 'string' && message.includes(TRANSACTION_CONFLICT_CODE))
}

export interface RetryOptions {
  /** Give up after this long: well inside CloudBase's 10 s function timeout. @default 5000 */
  budgetMs?: number
}

/**
 * `db.runTransaction` that holds under a crowd. CloudBase refuses a write to a document another transaction changed
 * (DATABASE_TRANSACTION_CONFLICT) and node-sdk retries only 3 times, at once — a burst on one document (a day's
 * case-number counter, a course's seats) exhausts that in milliseconds. Here a conflict is retried with a growing,
 * jittered pause until the budget is spent, then answered as "busy, try again" — never as a crash. The callback must
 * be safe to run again (it is: everything it writes is in the transaction).
 */
export async function inTransaction<T>(db: Database, fn: (tx: Transaction) => Promise<T>, { budgetMs = 5000 }: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + budgetMs
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(fn)) as T
    } catch (e) {
      if (!isTransactionConflict(e)) throw e
      if (Date.now() >= deadline) throw new AppError('CONFLICT', '同时办理的人太多了，请稍后再提交一次')
      const cap = Math.min(200, 5 * 2 ** Math.min(attempt, 6))
      await new Promise((r) => setTimeout(r, Math.random() * cap))
    }
  }
}
