import type { Runtime } from '../core/context'
import { SIGNUPS, TASKS, type SignupDoc, type TaskDoc } from './task.doc'

/**
 * The tasks a worker served with hours confirmed, for the certificate's content: the most recent `limit` with their
 * titles and the minutes confirmed for each, and how many in all — on the sign-ups' (userId, signedUpAt) index, the
 * titles in one read by id.
 */
export async function servedTasks(rt: Runtime, userId: string, limit: number): Promise<{ recent: { title: string; minutes: number }[]; count: number }> {
  const where = { userId, state: 'confirmed' }
  const [{ data }, { total }] = await Promise.all([
    rt.db.collection(SIGNUPS).where(where).orderBy('signedUpAt', 'desc').limit(limit).get(),
    rt.db.collection(SIGNUPS).where(where).count(),
  ])
  const signups = data as SignupDoc[]
  if (!signups.length) return { recent: [], count: 0 }
  const { data: tasks } = await rt.db.collection(TASKS).where({ _id: rt.db.command.in(signups.map((s) => s.taskId)) }).limit(limit).get()
  const titles = new Map((tasks as TaskDoc[]).map((t) => [t._id, t.title]))
  return { recent: signups.map((s) => ({ title: titles.get(s.taskId) ?? '志愿服务', minutes: s.confirmed?.minutes ?? 0 })), count: total }
}
