import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { existsSync } from 'node:fs'
import * as z from 'zod/mini'
import { HTTP_STATUS, type Envelope, type ErrorCode } from '~types/errors'
import { AppError } from '../cloudfunctions/shared/core/app-error'
import type { Runtime } from '../cloudfunctions/shared/core/context'
import { dispatch } from '../cloudfunctions/shared/core/dispatch'
import { logFailure } from '../cloudfunctions/shared/core/error-log'
import { answerHttp, httpFail } from '../cloudfunctions/shared/core/http-route'
import { MAX_BODY_BYTES } from '../cloudfunctions/shared/core/limits'
import { parseInput } from '../cloudfunctions/shared/core/validate'
import { FUNCTIONS } from '../cloudfunctions/shared/functions'
import { login } from '../cloudfunctions/shared/user/user.service'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { buildCatalog } from './catalog'
import { registerFileRoutes } from './files'
import { registerH5 } from './static'
import { DEMO_PEOPLE } from './seed'
import { issueToken, readToken } from './session'

export interface AppOptions {
  runtime: Runtime
  /** The H5 build to serve at `/`; omitted in API-only tests. */
  h5Dir?: string
}

const DevLoginInput = z.strictObject({
  openid: z.string({ error: '请输入名字' }).check(z.trim(), z.minLength(1, '请输入名字'), z.maxLength(32, '名字最多 32 个字')),
})

function send(reply: FastifyReply, envelope: Envelope<unknown>) {
  return reply.code(envelope.ok ? 200 : HTTP_STATUS[envelope.error.code]).send(envelope)
}

function fail(reply: FastifyReply, code: ErrorCode, message?: string) {
  return send(reply, { ok: false, error: new AppError(code, message).toBody() })
}

/** `Authorization: Bearer <token>` → openid; a bad or expired token is an error, not an anonymous call. */
function callerOf(req: FastifyRequest, rt: Runtime): { openid: string | null } | AppError {
  const header = req.headers.authorization
  if (!header) return { openid: null }
  const token = header.startsWith('Bearer ') ? header.slice(7) : ''
  const openid = token ? readToken(rt.vault, token, rt.now()) : null
  return openid ? { openid } : new AppError('UNAUTHENTICATED', '登录已过期，请重新登录')
}

/**
 * The local server: the same functions as CloudBase, over HTTP, plus the H5 app and the local-only demo sign-in.
 * Transport errors (bad JSON, too large, wrong content type) answer the same envelope as action errors.
 */
export async function buildApp({ runtime: rt, h5Dir }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, return503OnClosing: true })

  app.setErrorHandler((err: { statusCode?: number; code?: string }, _req, reply) => {
    if (err.statusCode === 413) return fail(reply, 'PAYLOAD_TOO_LARGE')
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return fail(reply, 'MALFORMED_REQUEST', '请求格式不正确：请发送 JSON（Content-Type: application/json）')
    }
    logFailure('server', err)
    return fail(reply, 'INTERNAL')
  })

  app.post<{ Params: { fn: string } }>('/api/fn/:fn', async (req, reply) => {
    const mod = Object.hasOwn(FUNCTIONS, req.params.fn) ? FUNCTIONS[req.params.fn as keyof typeof FUNCTIONS] : undefined
    if (!mod) return fail(reply, 'UNKNOWN_FUNCTION', `没有“${req.params.fn}”这项服务`)
    const caller = callerOf(req, rt)
    if (caller instanceof AppError) return send(reply, { ok: false, error: caller.toBody() })
    return send(reply, await dispatch(mod, req.body, caller, rt))
  })

  // A function's HTTP routes (FunctionModule.http), as CloudBase's HTTP access reaches them: no session, the body
  // kept as the exact text received — a payment notification's signature is over those bytes, not a re-encoding.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers()
    raw.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body))
    raw.post<{ Params: { fn: string; route: string } }>('/api/http/:fn/:route', async (req, reply) => {
      const mod = Object.hasOwn(FUNCTIONS, req.params.fn) ? FUNCTIONS[req.params.fn as keyof typeof FUNCTIONS] : undefined
      const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]])))
      const res = mod ? await answerHttp(mod, { method: req.method, path: `/${req.params.route}`, headers, body: typeof req.body === 'string' ? req.body : '' }, rt) : httpFail(404, '没有这个接口')
      return reply.code(res.statusCode).headers(res.headers).send(res.statusCode === 204 ? undefined : res.body)
    })
  })

  app.get('/api/catalog', async () => buildCatalog())
  await registerFileRoutes(app, rt, callerOf)

  if (rt.stage === 'local') {
    // Sandbox for WeChat's login: exists only on the local server, labelled as such in the UI.
    app.post('/api/dev/login', async (req, reply) => {
      try {
        const body = (req.body ?? {}) as { openid?: unknown }
        const { openid } = parseInput(DevLoginInput, body)
        const user = await login(rt, openid, await findUserByOpenid(rt.db, openid))
        return send(reply, { ok: true, data: { token: issueToken(rt.vault, openid, rt.now()), user } })
      } catch (e) {
        if (e instanceof AppError) return send(reply, { ok: false, error: e.toBody() })
        throw e
      }
    })
    app.get('/api/dev/people', async () => ({ ok: true, data: DEMO_PEOPLE.map(({ openid, label }) => ({ openid, label })) }))
  }

  app.setNotFoundHandler((req, reply) =>
    req.url.startsWith('/api/') ? fail(reply, 'UNKNOWN_FUNCTION', '没有这个接口') : reply.code(404).type('text/plain').send('Not found'),
  )

  if (h5Dir && existsSync(h5Dir)) await registerH5(app, h5Dir)
  return app
}
