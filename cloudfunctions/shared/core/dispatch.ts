import type { Envelope } from '~types/errors'
import type { Role, Service } from '~types/roles'
import { findUserByOpenid } from '../user/user.repository'
import { isReady } from '../user/user.view'
import type { UserDoc } from '../user/user.doc'
import { AppError, isAppError } from './app-error'
import type { Caller, Runtime } from './context'
import type { ActionContext, ActionDef, FunctionModule } from './define-function'
import { logFailure } from './error-log'
import { runOnce, runOnceWithin } from './idempotency'
import type { CallLogLine } from './log'
import { parseInput } from './validate'

const MAX_REQUEST_ID = 128

interface ParsedBody {
  action: string
  data: unknown
  requestId?: string
}

function parseBody(body: unknown): ParsedBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('MALFORMED_REQUEST', '请求应为 JSON 对象：{ action, data, requestId }')
  }
  const { action, data, requestId } = body as Record<string, unknown>
  if (typeof action !== 'string' || !action) throw new AppError('MALFORMED_REQUEST', '请求缺少 action')
  if (requestId !== undefined && (typeof requestId !== 'string' || !requestId || requestId.length > MAX_REQUEST_ID)) {
    throw new AppError('MALFORMED_REQUEST', `requestId 应为 1–${MAX_REQUEST_ID} 个字符`)
  }
  return { action, data, requestId: requestId as string | undefined }
}

function holds(role: Role, user: UserDoc | null, createsUser: boolean, service?: Service): boolean {
  switch (role) {
    case 'public':
      return true
    case 'worker':
      return !!user || createsUser
    case 'staff':
      return !!user && user.roles.staff.some((g) => !service || g.services.includes(service))
    case 'admin':
      return !!user && user.roles.admin
  }
}

function logRole(user: UserDoc | null): CallLogLine['role'] {
  if (!user) return 'anonymous'
  if (user.roles.admin) return 'admin'
  return user.roles.staff.length ? 'staff' : 'worker'
}

/**
 * A repeat answered by a read: what the caller may see *now* — the read applies today's grants (a revoked district
 * answers NOT_FOUND), and the caller's record is loaded again (a first sign-in may have created it meanwhile).
 */
async function replayThroughRead(mod: FunctionModule, readName: string, kept: unknown, ctx: ActionContext<UserDoc | null>): Promise<unknown> {
  const read = mod.actions[readName]
  const user = ctx.user ?? (await findUserByOpenid(ctx.runtime.db, ctx.openid))
  if (!read.spec.roles.some((r) => holds(r, user, false, read.spec.service))) throw new AppError('FORBIDDEN')
  return read.handler(parseInput(read.spec.input, kept), { ...ctx, user })
}

/**
 * The one life every action call has, on CloudBase and locally alike:
 * identity → role → profile gate → validation → (idempotent) service call → envelope, and one log line.
 * Role comes before validation on purpose: a caller without the role learns nothing about the input shape.
 */
export async function dispatch(mod: FunctionModule, body: unknown, caller: Caller, rt: Runtime): Promise<Envelope<unknown>> {
  const started = performance.now()
  let line: Omit<CallLogLine, 'ms'> = { fn: mod.name, action: '?', role: 'anonymous', outcome: 'ok' }
  try {
    const req = parseBody(body)
    line.requestId = req.requestId?.slice(0, 64)
    const def: ActionDef | undefined = Object.hasOwn(mod.actions, req.action) ? mod.actions[req.action] : undefined
    // Only known action names reach the log: an unknown one is caller-chosen text.
    if (!def) throw new AppError('UNKNOWN_ACTION', `“${mod.name}”没有这个操作`)
    line.action = req.action
    const { spec } = def
    const isPublic = spec.roles.includes('public')

    if (!caller.openid && !isPublic) throw new AppError('UNAUTHENTICATED')
    const user = caller.openid ? await findUserByOpenid(rt.db, caller.openid) : null
    line.role = logRole(user)
    if (!user && !isPublic && !spec.createsUser) throw new AppError('UNAUTHENTICATED')
    if (!spec.roles.some((r) => holds(r, user, !!spec.createsUser, spec.service))) throw new AppError('FORBIDDEN')
    if (user && !isPublic && !spec.beforeProfile && !isReady(user)) throw new AppError('PROFILE_INCOMPLETE')

    const input = parseInput(spec.input, req.data)
    const ctx: ActionContext<UserDoc | null> = { runtime: rt, openid: caller.openid ?? '', user, requestId: req.requestId }
    const run = () => def.handler(input, ctx)
    const replay = spec.replay ?? 'stored'
    if (!spec.writes || !req.requestId || !caller.openid || replay === 'never') return { ok: true, data: await run() }
    const read = typeof replay === 'object' ? replay : null
    const key = `${caller.openid}|${mod.name}.${req.action}|${req.requestId}`
    const keep = (result: unknown) => (read?.by ? { [read.by]: (result as Record<string, unknown>)[read.by] } : read ? {} : result)
    const outcome = def.recordsReplay
      ? await runOnceWithin(rt, key, input, rt.now(), (recorder) => def.handler(input, { ...ctx, replay: recorder }), keep)
      : await runOnce(rt, key, input, rt.now(), run, keep)
    if (outcome.ran) return { ok: true, data: outcome.result }
    return { ok: true, data: read ? await replayThroughRead(mod, read.read, outcome.kept, ctx) : outcome.kept }
  } catch (e) {
    if (isAppError(e)) {
      line.outcome = e.code
      return { ok: false, error: e.toBody() }
    }
    line.outcome = 'INTERNAL'
    // The failure goes to the operator's log (blanked of ids and personal data), never to the client.
    logFailure(`${mod.name}.${line.action}`, e)
    return { ok: false, error: new AppError('INTERNAL').toBody() }
  } finally {
    rt.log({ ...line, ms: Math.round((performance.now() - started) * 100) / 100 })
  }
}
