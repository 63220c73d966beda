import type { Runtime } from './context'
import type { FunctionModule, HttpRequest, HttpResponse } from './define-function'
import { logFailure } from './error-log'

/**
 * The HTTP routes a function declares (`FunctionModule.http`), answered the same way on CloudBase (an HTTP-access
 * event, platform/cloud-main.ts) and on the local server (`POST /api/http/<function>/<route>`): one log line, and an
 * unexpected failure answers 500 — for a payment notification, “try again”.
 */

/** `{ code: 'FAIL', message }` with a 4xx/5xx status: WeChat Pay's “not received, send it again”. */
export function httpFail(statusCode: number, message: string): HttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ code: 'FAIL', message }) }
}

export const httpNoContent = (): HttpResponse => ({ statusCode: 204, headers: {}, body: '' })

/** The route a path names: its last non-empty segment (`/insurance/pay-notify` → `pay-notify`). */
export function httpRouteOf(path: string): string {
  return path.split('?')[0].split('/').filter(Boolean).pop() ?? ''
}

export async function answerHttp(mod: FunctionModule, req: HttpRequest, rt: Runtime): Promise<HttpResponse> {
  const started = performance.now()
  const route = httpRouteOf(req.path)
  const handler = mod.http && Object.hasOwn(mod.http, route) ? mod.http[route] : undefined
  let res: HttpResponse
  if (!handler) res = httpFail(404, '没有这个接口')
  else {
    try {
      res = await handler(req, rt)
    } catch (e) {
      logFailure(`http:${mod.name}`, e)
      res = httpFail(500, '系统繁忙，请稍后重试')
    }
  }
  // Only declared route names reach the log: anything else in a path is the caller's text.
  rt.log({ fn: mod.name, action: handler ? `http:${route}` : 'http:?', role: 'anonymous', ms: Math.round((performance.now() - started) * 10) / 10, outcome: res.statusCode < 300 ? 'ok' : `HTTP_${res.statusCode}` })
  return res
}

/**
 * CloudBase's integrated request (`{ path, httpMethod, headers, body, isBase64Encoded, … }`) as an HttpRequest, or
 * null when the event is not one (a mini-program call, a timer).
 */
export function httpAccessRequest(event: unknown): HttpRequest | null {
  const e = event as { path?: unknown; httpMethod?: unknown; headers?: unknown; body?: unknown; isBase64Encoded?: unknown } | null
  if (!e || typeof e !== 'object' || typeof e.path !== 'string' || typeof e.httpMethod !== 'string') return null
  const headers: Record<string, string> = {}
  if (e.headers && typeof e.headers === 'object') {
    for (const [k, v] of Object.entries(e.headers as Record<string, unknown>)) {
      if (typeof v === 'string') headers[k.toLowerCase()] = v
      else if (Array.isArray(v)) headers[k.toLowerCase()] = v.map(String).join(', ')
    }
  }
  const raw = typeof e.body === 'string' ? e.body : ''
  const base64 = e.isBase64Encoded === true || e.isBase64Encoded === 'true'
  return { method: e.httpMethod.toUpperCase(), path: e.path, headers, body: base64 ? Buffer.from(raw, 'base64').toString('utf8') : raw }
}
