import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HTTP_STATUS } from '~types/errors'
import { AppError, isAppError } from '../cloudfunctions/shared/core/app-error'
import type { Caller, Runtime } from '../cloudfunctions/shared/core/context'
import { isReady } from '../cloudfunctions/shared/user/user.view'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import type { UserDoc } from '../cloudfunctions/shared/user/user.doc'
import { MAX_FILE_BYTES } from '../cloudfunctions/shared/storage/file-type'
import { readStoredFile, registerFile, uploadRulesOf } from '../cloudfunctions/shared/storage/files'
import { checkFileLink } from './file-link'

/** The API's own session check (app.ts), passed in rather than imported so the two modules do not import each other. */
export type CallerOf = (req: FastifyRequest, rt: Runtime) => Caller | AppError

const FILE_KEY = /^[A-Za-z0-9_-]{1,64}$/

function refuse(reply: FastifyReply, e: AppError) {
  return reply.code(HTTP_STATUS[e.code]).send({ ok: false, error: e.toBody() })
}

/** The same identity as the API (bearer session → existing user); expected failures answer the usual envelope. */
async function asUser(req: FastifyRequest, reply: FastifyReply, rt: Runtime, callerOf: CallerOf, then: (user: UserDoc) => Promise<unknown>) {
  try {
    const caller = callerOf(req, rt)
    if (caller instanceof AppError) throw caller
    const user = caller.openid ? await findUserByOpenid(rt.db, caller.openid) : null
    if (!user) throw new AppError('UNAUTHENTICATED')
    return await then(user)
  } catch (e) {
    if (isAppError(e)) return refuse(reply, e)
    throw e
  }
}

/** `x-file-name` carries a URL-encoded UTF-8 name; a garbled one is dropped, not an error (the name is cosmetic). */
function declaredName(req: FastifyRequest): string | undefined {
  const raw = req.headers['x-file-name']
  if (typeof raw !== 'string') return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/**
 * RFC 6266: an ASCII fallback for old clients, the real (Chinese) name in `filename*`. A CSV is saved, not shown: a
 * browser would display it as text in the tab (or guess an encoding) instead of handing it to Excel.
 */
function contentDisposition(name: string, contentType: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._-]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${contentType === 'text/csv' ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/**
 * Attachments on the local server: `POST /api/files` (raw bytes as the body) and `GET /api/files/:key` (a signed
 * link from `application.fileLink`).
 * In WeChat the app uploads to cloud storage instead and registers the file with an action (registerCloudFile).
 */
export async function registerFileRoutes(app: FastifyInstance, rt: Runtime, callerOf: CallerOf): Promise<void> {
  await app.register(async (scope) => {
    // The type is sniffed from the bytes, so every declared type is read the same way — as bytes, up to 10 MiB —
    // and a wrong one gets the field error, not a transport error. Scoped here: the JSON API keeps its 64 KiB.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body))

    scope.post('/api/files', (req, reply) =>
      asUser(req, reply, rt, callerOf, async (user) => {
        // The same gate as every worker action: no personal documents before the privacy guide is agreed.
        if (!isReady(user)) throw new AppError('PROFILE_INCOMPLETE')
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
        return reply.send({ ok: true, data: await registerFile(rt, user.openid, { bytes, name: declaredName(req) }, uploadRulesOf(user)) })
      }),
    )

    // The signed link from `application.fileLink` is the whole permission (like a CloudBase temporary URL): a
    // phone's downloader or a new browser tab cannot send the bearer token, and the access check already ran.
    scope.get<{ Params: { key: string }; Querystring: { exp?: string; sig?: string } }>('/api/files/:key', async (req, reply) => {
      const { key } = req.params
      const check = FILE_KEY.test(key) ? checkFileLink(rt.vault, key, req.query.exp, req.query.sig, rt.now()) : 'invalid'
      if (check === 'expired') return refuse(reply, new AppError('FORBIDDEN', '附件链接已过期，请回到页面重新打开'))
      const opened = check === 'ok' ? await readStoredFile(rt, key) : null
      if (!opened) return refuse(reply, new AppError('NOT_FOUND', '没有找到这个文件'))
      const { name, contentType } = opened.file
      return reply
        .header('Cache-Control', 'private, no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', contentDisposition(name, contentType))
        .header('Referrer-Policy', 'no-referrer')
        .type(contentType)
        .send(opened.bytes)
    })
  })
}
