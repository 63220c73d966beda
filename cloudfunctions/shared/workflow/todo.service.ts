import type { TodoItem } from '~types/application.schema'
import { KINDS } from '~types/kinds'
import type { Runtime } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'

/**
 * What the worker must do next, for the hub's first card: today, the requests for materials waiting on them,
 * soonest deadline first. One query (applicant + status, a handful of rows); words and labels come ready to show,
 * so the main package carries no kind table.
 */
export async function todo(rt: Runtime, user: UserDoc): Promise<TodoItem[]> {
  const { data } = await rt.db.collection(APPLICATIONS).where({ applicantId: user._id, status: 'needsMore' }).orderBy('dueAt', 'asc').limit(5).get()
  return (data as ApplicationDoc[]).map((a) => ({
    id: a._id,
    caseNo: a.caseNo,
    kindLabel: KINDS[a.kind].label,
    what: '需要您补充材料',
    dueAt: a.dueAt?.toISOString() ?? null,
  }))
}
