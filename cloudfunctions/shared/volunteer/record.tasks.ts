import type { Runtime } from '../core/context'

/**
 * The tasks a worker served with hours confirmed, for the certificate's content: the most recent `limit` with
 * their titles and minutes, and how many in all.
 */
export async function servedTasks(_rt: Runtime, _userId: string, _limit: number): Promise<{ recent: { title: string; minutes: number }[]; count: number }> {
  return { recent: [], count: 0 }
}
