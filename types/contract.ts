import type * as z from 'zod/mini'
import type { Role, Service } from './roles'

/**
 * One action of one cloud function, as both sides see it: the app types its calls from it, the function wraps
 * its handler with it, and the local server's catalog lists it. The output type is carried as a phantom.
 */
export interface ActionSpec<I extends z.ZodMiniType = z.ZodMiniType, O = unknown> {
  /** zod schema of `data`; validated at the edge, trusted inside. */
  input: I
  /** Who may call it (any of). */
  roles: readonly Role[]
  /** Whether it changes data. Writes honour `requestId` as an idempotency key. */
  writes: boolean
  /** One line of what it does, in English, for the catalog. */
  summary: string
  /**
   * For `staff` callers: only staff holding a grant for this service (in any district) may call it; which records
   * they then reach is the district scope (cloudfunctions/shared/core/scope.ts). Without it, staff of any service
   * may call it and the action scopes by each record's own service (the application workflow does).
   */
  service?: Service
  /**
   * Callable before the profile is complete and the privacy guide accepted.
   * @default false
   */
  beforeProfile?: boolean
  /**
   * Callable by an identified caller who has no user record yet (only `user.login` creates one).
   * @default false
   */
  createsUser?: boolean
  /**
   * What a repeat of this write with the same `requestId` answers (a retry, a double tap):
   * - `'stored'`: the first call's answer, kept sealed (AES-GCM) for a day;
   * - `{ read, by }`: what the read action `read` of the same function answers now, given `by` of the first
   *   call's answer (`{ id }`, say) — the repeat passes today's access rules, and the store keeps only that field;
   * - `'never'`: nothing is kept and every call runs again — for reads with an audited side effect (revealing an
   *   ID number), so each one is checked against the caller's current grants and audited.
   * @default 'stored'
   */
  replay?: Replay
  readonly __output?: O
}

export type Replay = 'stored' | 'never' | { read: string; by?: string }

/** `action<Output>()({ input, roles, ... })` — the output type is named, the input inferred. */
export function action<O>() {
  // `const S` keeps literal flags (e.g. `createsUser: true`) so handlers can be typed by them.
  return <I extends z.ZodMiniType, const S extends Omit<ActionSpec<I, O>, '__output' | 'input'>>(
    spec: S & { input: I },
  ): S & ActionSpec<I, O> => spec
}

export type ContractOf = Record<string, ActionSpec<z.ZodMiniType, unknown>>
export type InputOf<A> = A extends ActionSpec<infer I, unknown> ? z.input<I> : never
export type ParsedOf<A> = A extends ActionSpec<infer I, unknown> ? z.output<I> : never
export type OutputOf<A> = A extends ActionSpec<z.ZodMiniType, infer O> ? O : never
