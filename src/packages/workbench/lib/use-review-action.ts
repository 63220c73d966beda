import type * as z from 'zod/mini'
import type { ReviewView } from '~types/application.schema'
import type { FieldErrors } from '~types/errors'
import type { CallOptions } from '../../../api/client'
import { useAction } from '../../../hooks/use-action'

export interface ReviewActionHandlers {
  /** The step was taken: the server's new view of the application. */
  done: (view: ReviewView) => void
  /** Someone else acted first (or the state moved on): the server's words; the page reloads. */
  conflict: (message: string) => void
}

/**
 * One review step (start, ask for more, approve, reject, extend, close): a form write (hooks/use-action.ts —
 * validated first, sent once, a retry reusing its request id) whose CONFLICT reloads the page instead of showing
 * under the fields, and whose fields bind straight onto TextField/TextArea.
 */
export function useReviewAction<S extends z.ZodMiniType>(
  schema: S,
  send: (input: z.output<S>, opts: CallOptions) => Promise<ReviewView>,
  handlers: ReviewActionHandlers,
): ReviewAction<z.input<S>> {
  const action = useAction(schema, send, (err) => {
    if (err.code !== 'CONFLICT') return false
    handlers.conflict(err.message)
    return true
  })
  const run = async (raw: z.input<S>): Promise<boolean> => {
    const view = await action.run(raw)
    if (view) handlers.done(view)
    return !!view
  }
  /** Typing in a field clears its error. */
  const forget = (field: string) => action.fail(({ [field]: _gone, ...rest }) => rest)
  /** A field's value, its error, and an onChange that also clears that error — spread onto TextField/TextArea. */
  const bind = (field: string, value: string, set: (v: string) => void) => ({
    value,
    error: action.errors[field],
    onChange: (v: string) => {
      set(v)
      forget(field)
    },
  })
  return { busy: action.busy, errors: action.errors, problem: action.problem, run, forget, reset: action.reset, bind }
}

export interface ReviewAction<I> {
  busy: boolean
  errors: FieldErrors
  /** What went wrong when it is not a field's fault (network, a refusal). */
  problem?: string
  /** Validates and sends; true once the step is taken (a form then clears its draft). */
  run: (raw: I) => Promise<boolean>
  forget: (field: string) => void
  reset: () => void
  bind: (field: string, value: string, set: (v: string) => void) => { value: string; error?: string; onChange: (v: string) => void }
}
