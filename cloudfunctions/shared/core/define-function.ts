import type { ActionSpec, ContractOf, OutputOf, ParsedOf } from '~types/contract'
import type { UserDoc } from '../user/user.doc'
import type { Runtime } from './context'

export interface ActionContext<U extends UserDoc | null = UserDoc> {
  runtime: Runtime
  /** The platform identity of the caller; empty only when a `public` action is called anonymously. */
  openid: string
  /** The caller's user record, loaded by the dispatcher. Null only in actions that create it. */
  user: U
  requestId?: string
}

/** Handlers of actions flagged `createsUser` may run before the user exists; all others get a user. */
export type HandlerOf<A> = (
  input: ParsedOf<A>,
  ctx: ActionContext<A extends { createsUser: true } ? UserDoc | null : UserDoc>,
) => Promise<OutputOf<A>>

export interface ActionDef {
  spec: ActionSpec
  handler: (input: unknown, ctx: ActionContext<UserDoc | null>) => Promise<unknown>
}

export interface FunctionModule {
  name: string
  actions: Record<string, ActionDef>
  /** Work a timer runs (a CloudBase timer trigger; an interval in the local server). No caller, no input. */
  scheduled?: (rt: Runtime) => Promise<unknown>
}

/**
 * A repeat answered by a read answers what that read answers: the compiler holds the read to the write's output
 * type, so a replay can never change the shape a client receives.
 */
export type ReplayChecked<C> = {
  [K in keyof C]: C[K] extends { replay: { read: infer R } }
    ? R extends keyof C
      ? [OutputOf<C[R]>] extends [OutputOf<C[K]>]
        ? unknown
        : { replay: 'the read answers another type' }
      : { replay: 'no such read action' }
    : unknown
}

/**
 * Binds one cloud function's contract to its handlers. The type makes every action of the contract have a handler,
 * with its parsed input and output types; the dispatcher gives every one of them the same life (see dispatch.ts).
 */
export function defineFunction<C extends ContractOf>(
  name: string,
  contract: C & ReplayChecked<C>,
  handlers: { [K in keyof C]: HandlerOf<C[K]> },
  scheduled?: FunctionModule['scheduled'],
): FunctionModule {
  const actions: Record<string, ActionDef> = {}
  for (const key of Object.keys(contract)) {
    actions[key] = { spec: contract[key], handler: handlers[key] as ActionDef['handler'] }
  }
  for (const [key, { spec }] of Object.entries(actions)) {
    // A repeat answered by a read needs that read to exist and to be one; caught when the module loads.
    const replay = spec.replay
    if (typeof replay === 'object' && (!Object.hasOwn(actions, replay.read) || actions[replay.read].spec.writes || !spec.writes)) {
      throw new Error(`${name}.${key}: replay.read must name a read action of ${name}, on a write`)
    }
  }
  return { name, actions, scheduled }
}
