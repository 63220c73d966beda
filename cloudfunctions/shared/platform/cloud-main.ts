import tcb from '@cloudbase/node-sdk'
import type { Envelope } from '~types/errors'
import { AppError } from '../core/app-error'
import { adminOpenidsFrom, type Runtime } from '../core/context'
import type { FunctionModule, HttpResponse } from '../core/define-function'
import { answerHttp, httpAccessRequest, httpFail } from '../core/http-route'
import { dispatch } from '../core/dispatch'
import { logFailure } from '../core/error-log'
import { stdoutJsonSink } from '../core/log'
import { MAX_BODY_BYTES } from '../core/limits'
import { vaultFromEnv } from '../security/vault'
import { cloudFileStore } from '../storage/cloud-file-store'
import { wechatPush } from '../notify/push'

let runtime: Runtime | undefined

/**
 * The caller's OPENID as CloudBase sets it (context `environment`, falling back to process.env). A context the
 * SDK cannot parse means no identity — the action then answers UNAUTHENTICATED, never a crash.
 */
function platformOpenid(context: unknown): string | null {
  const scf = context as { environment?: unknown; environ?: unknown } | null
  try {
    const parseable = scf && (scf.environment || scf.environ) ? (scf as Parameters<typeof tcb.getCloudbaseContext>[0]) : undefined
    const { WX_OPENID } = tcb.getCloudbaseContext(parseable)
    return WX_OPENID || null
  } catch {
    return null
  }
}

/** Built on the first call and kept while the instance is warm: one SDK client, one key derivation. */
function productionRuntime(): Runtime {
  if (runtime) return runtime
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  runtime = {
    stage: 'production',
    db: app.database(),
    files: cloudFileStore(app),
    push: wechatPush(app, process.env.NUANXIN_TEMPLATE_PROGRESS),
    vault: vaultFromEnv(),
    log: stdoutJsonSink,
    now: () => new Date(),
    bootstrapAdmins: adminOpenidsFrom(process.env),
  }
  return runtime
}

/**
 * The deployed entry point (`exports.main`). Identity is the caller's OPENID as CloudBase sets it for a
 * `wx.cloud.callFunction` from the mini-program; anything the event itself claims about identity is ignored.
 * A module with HTTP routes (`mod.http`) also answers CloudBase's HTTP access — an integrated request, which never
 * carries an OPENID: a mini-program call is always dispatched as an action, whatever its event looks like.
 */
export function createCloudMain(mod: FunctionModule) {
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown> | HttpResponse> {
    // Whether this could be an HTTP-access call is known before anything else; it is one only without an OPENID.
    const maybeHttp = mod.http ? httpAccessRequest(event) : null
    if (Buffer.byteLength(JSON.stringify(event ?? null)) > MAX_BODY_BYTES) {
      return maybeHttp && !platformOpenid(context) ? httpFail(413, '请求太大') : { ok: false, error: new AppError('PAYLOAD_TOO_LARGE').toBody() }
    }
    let rt: Runtime
    try {
      rt = productionRuntime()
    } catch (e) {
      logFailure('config', e)
      return maybeHttp && !platformOpenid(context) ? httpFail(500, '服务未就绪') : { ok: false, error: new AppError('INTERNAL').toBody() }
    }
    const openid = platformOpenid(context)
    // A timer trigger (config.json) calls with `{ Type: 'Timer' }` and no user. A mini-program call always carries
    // an OPENID, so a client cannot pass itself off as the timer.
    if (!openid && (event as { Type?: unknown } | null)?.Type === 'Timer' && mod.scheduled) {
      await mod.scheduled(rt)
      return { ok: true, data: null }
    }
    if (!openid && maybeHttp) return answerHttp(mod, maybeHttp, rt)
    return dispatch(mod, event, { openid }, rt)
  }
}
