import type { Contracts, FunctionName } from '~types/api'
import type { InputOf, OutputOf } from '~types/contract'
import { ApiError } from './api-error'
import { transport } from './transport'

export interface CallOptions {
  /** Idempotency key for writes: keep it for one submission and its retries. */
  requestId?: string
}

type FunctionClient<C> = {
  [A in keyof C]: (data: InputOf<C[A]>, opts?: CallOptions) => Promise<OutputOf<C[A]>>
}
export type Api = { [F in FunctionName]: FunctionClient<Contracts[F]> }

/** `api.user.saveProfile(data)` → the action's typed output, or an ApiError. Only types are imported here. */
export const api = new Proxy({} as Api, {
  get: (_, fn: string) =>
    new Proxy({}, {
      get: (__, action: string) => async (data: unknown, opts: CallOptions = {}) => {
        const envelope = await transport(fn, { action, data, ...(opts.requestId ? { requestId: opts.requestId } : {}) })
        if (envelope.ok) return envelope.data
        throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.fields)
      },
    }),
})

/** A fresh idempotency key. Not a secret: it only has to be unique per submission. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
