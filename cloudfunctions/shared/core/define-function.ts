import type { ActionSpec, ContractOf, OutputOf, ParsedOf } from '~types/contract'
import type { UserDoc } from '../user/user.doc'
import type { Runtime } from './context'
import type { ReplayRecorder } from './idempotency'

export interface ActionContext<U extends UserDoc | null = UserDoc> {
  runtime: Runtime
  /** The platform identity of the caller; empty only when a `public` action is called anonymously. */
  openid: string
  /** The caller's user record, loaded by the dispatcher. Null only in actions that create it. */
  user: U
  requestId?: string
  /**
   * Only for a handler wrapped in `recordsReplay` and called with a requestId: records the call inside the write's
   * own transaction (core/idempotency.ts runOnceWithin). Absent otherwise — the handler then records nothing.
   */
  replay?: ReplayRecorder
}

/** Handlers of actions flagged `createsUser` may run before the user exists; all others get a user. */
export type HandlerOf<A> = (
  input: ParsedOf<A>,
  ctx: ActionContext<A extends { createsUser: true } ? UserDoc | null : UserDoc>,
) => Promise<OutputOf<A>>

/** Handlers for every action of a contract (or of one part of it, spread into a function's handlers). */
export type HandlersOf<C> = { [K in keyof C]: HandlerOf<C[K]> }

export interface ActionDef {
  spec: ActionSpec
  handler: (input: unknown, ctx: ActionContext<UserDoc | null>) => Promise<unknown>
  /** The handler writes everything in one transaction and records its replay there (`ctx.replay`). */
  recordsReplay?: boolean
}

const RECORDS_REPLAY = Symbol('recordsReplay')

/**
 * Marks a write whose effects are one transaction that calls `ctx.replay?.record(tx, answer)` last: the dispatcher
 * then keeps its requestId inside that transaction instead of claiming it before and completing it after (one
 * database call instead of two). Every path that succeeds must record; one that did not is recorded late and logged.
 */
export function recordsReplay<H extends (...args: never[]) => unknown>(handler: H): H {
  return Object.assign(handler, { [RECORDS_REPLAY]: true })
}

/** A plain HTTP request that reached a function without a caller: CloudBase's HTTP access, or the local server. */
export interface HttpRequest {
  method: string
  path: string
  /** Names in lower case. */
  headers: Record<string, string>
  /** The body exactly as received (signatures are over these bytes), decoded from base64 when it came so. */
  body: string
}

/** CloudBase's integrated response (`statusCode`, `headers`, `body`), which the local server sends as it is. */
export interface HttpResponse {
  statusCode: number
  headers: Record<string, string>
  body: string
}

/** An HTTP route: no identity, no envelope — it authenticates its caller itself (a payment platform's signature). */
export type HttpHandler = (req: HttpRequest, rt: Runtime) => Promise<HttpResponse>

export interface FunctionModule {
  name: string
  actions: Record<string, ActionDef>
  /** Work a timer runs (a CloudBase timer trigger; an interval in the local server). No caller, no input. */
  scheduled?: (rt: Runtime) => Promise<unknown>
  /**
   * HTTP routes by the last segment of the request path (`pay-notify` answers `/…/pay-notify`), reached only by a
   * request that carries no mini-program identity (core/http-route.ts).
   */
  http?: Record<string, HttpHandler>
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
  http?: FunctionModule['http'],
): FunctionModule {
  const actions: Record<string, ActionDef> = {}
  for (const key of Object.keys(contract)) {
    const handler = handlers[key] as ActionDef['handler'] & { [RECORDS_REPLAY]?: boolean }
    actions[key] = { spec: contract[key], handler, ...(handler[RECORDS_REPLAY] && contract[key].writes ? { recordsReplay: true } : {}) }
  }
  for (const [key, { spec }] of Object.entries(actions)) {
    // A repeat answered by a read needs that read to exist and to be one; caught when the module loads.
    const replay = spec.replay
    if (typeof replay === 'object' && (!Object.hasOwn(actions, replay.read) || actions[replay.read].spec.writes || !spec.writes)) {
      throw new Error(`${name}.${key}: replay.read must name a read action of ${name}, on a write`)
    }
  }
  return { name, actions, scheduled, ...(http ? { http } : {}) }
}
