import { useRef, useState } from 'react'
import type * as z from 'zod/mini'
import type { FieldErrors } from '~types/errors'
import { fieldErrors } from '~types/validation'
import type { CallOptions } from '../api/client'
import { toApiError, type ApiError } from '../api/api-error'
import { useRequestId } from './use-request-id'

export interface Action<I, O> {
  busy: boolean
  errors: FieldErrors
  /** What went wrong when it is not a field's fault (network, a refusal). */
  problem?: string
  /** Validates and sends once; the answer, or undefined when it did not go through (errors are then set). */
  run: (raw: I) => Promise<O | undefined>
  /** Errors found before sending (a date that is not a date): shown like the schema's. */
  fail: (errors: FieldErrors | ((prev: FieldErrors) => FieldErrors)) => void
  /** Forget every error and the problem (a form closed). */
  reset: () => void
}

/**
 * One write from a form: checked with its schema first (errors under the fields at once), then sent once — a second
 * tap while it runs does nothing, and a retry of the same content reuses its request id, so a lost answer never
 * writes twice. `onError` sees the server's refusal before the errors are shown (a CONFLICT that reloads, say).
 */
export function useAction<S extends z.ZodMiniType, O>(
  schema: S,
  send: (input: z.output<S>, opts: CallOptions) => Promise<O>,
  onError?: (err: ApiError) => boolean | void,
): Action<z.input<S>, O> {
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<string>()
  const inflight = useRef(false)
  const { idFor, settle } = useRequestId()

  const run = async (raw: z.input<S>): Promise<O | undefined> => {
    if (inflight.current) return undefined
    setProblem(undefined)
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return undefined
    }
    setErrors({})
    inflight.current = true
    setBusy(true)
    try {
      const out = await send(parsed.data, { requestId: idFor(parsed.data) })
      settle()
      return out
    } catch (e) {
      const err = toApiError(e)
      if (!onError?.(err)) {
        setErrors(err.fields)
        setProblem(err.message)
      }
      return undefined
    } finally {
      inflight.current = false
      setBusy(false)
    }
  }
  const reset = () => {
    setErrors({})
    setProblem(undefined)
  }
  return { busy, errors, problem, run, fail: setErrors, reset }
}
