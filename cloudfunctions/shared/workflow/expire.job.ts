import type { Runtime } from '../core/context'
import { AppError } from '../core/app-error'
import { KIND_DEFINITIONS } from '../kinds'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { transition } from './transition'

/**
 * Scheduled (a timer trigger on CloudBase, an interval in the local server): an unanswered request for materials
 * past its deadline makes the application withdrawn (the rule of legal-aid procedure, and of every kind so far). Returns how many expired.
 * A row another actor changed meanwhile is skipped (its version moved on); the next run sees it again.
 */
export async function expireSupplements(rt: Runtime): Promise<number> {
  const _ = rt.db.command
  const { data } = await rt.db.collection(APPLICATIONS).where({ status: 'needsMore', dueAt: _.lt(rt.now()) }).limit(200).get()
  let expired = 0
  for (const app of data as ApplicationDoc[]) {
    try {
      await transition(rt, app, 'expire', { id: 'system', role: 'system' }, {
        patch: { dueAt: null },
        message: KIND_DEFINITIONS[app.kind].messages.expired(app),
      })
      expired++
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e
    }
  }
  return expired
}
