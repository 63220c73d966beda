import { useRef, useState } from 'react'
import type * as z from 'zod/mini'
import type { ReviewView } from '~types/application.schema'
import type { FieldErrors } from '~types/errors'
import { fieldErrors } from '~types/validation'
import type { CallOptions } from '../../../api/client'
import { toApiError } from '../../../api/api-error'
import { useRequestId } from '../../../hooks/use-request-id'

export interface ReviewActionHandlers {
  /** The step was taken: the server's new view of the application. */
  done: (view: ReviewView) => void
  /** Someone else acted first (or the state moved on): the server's words; the page reloads. */
  conflict: (message: string) => void
}

/**
 * One review step (start, ask for more, approve, reject, extend): validated here first so errors appear under the
 * fields at once, then sent once — a second click while it runs does nothing, and a retry of the same content
 * reuses its request id, so a lost answer never takes the step twice.
 */
export function useReviewAction<S extends z.ZodMiniType>(
  schema: S,
  send: (input: z.output<S>, opts: CallOptions) => Promise<ReviewView>,
  handlers: ReviewActionHandlers,
): ReviewAction<z.input<S>> {
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<string>()
  const inflight = useRef(false)
  const { idFor, settle } = useRequestId()

  const run = async (raw: z.input<S>): Promise<boolean> => {
    if (inflight.current) return false
    setProblem(undefined)
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return false
    }
    setErrors({})
    inflight.current = true
    setBusy(true)
    try {
      const view = await send(parsed.data, { requestId: idFor(parsed.data) })
      settle()
      handlers.done(view)
      return true
    } catch (e) {
      const err = toApiError(e)
      if (err.code === 'CONFLICT') handlers.conflict(err.message)
      else {
        setErrors(err.fields)
        setProblem(err.message)
      }
      return false
    } finally {
      inflight.current = false
      setBusy(false)
    }
  }

  /** Typing in a field clears its error. */
  const forget = (field: string) => setErrors(({ [field]: _gone, ...rest }) => rest)
  const reset = () => {
    setErrors({})
    setProblem(undefined)
  }
  /** A field's value, its error, and an onChange that also clears that error — spread onto TextField/TextArea. */
  const bind = (field: string, value: string, set: (v: string) => void) => ({
    value,
    error: errors[field],
    onChange: (v: string) => {
      set(v)
      forget(field)
    },
  })
  return { busy, errors, problem, run, forget, reset, bind }
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
