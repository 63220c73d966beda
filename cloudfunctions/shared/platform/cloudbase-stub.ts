import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EmbeddedEngine } from '../db/embedded/engine'
import { DatabaseError } from '../db/embedded/errors'
import { parseIndexFile } from '../db/index-spec'
import declaredIndexes from '../db/indexes.json'

/**
 * CloudBase's HTTP API as a deployed function's SDK reaches it, on a loopback port, answering database actions from
 * the embedded engine — for tests and benches that run a deployable bundle unchanged, transport included (request
 * signing, the HTTP client, response and error handling are the SDK's own). Never bundled: it loads SQLite.
 *
 * `env` is what the bundle's process needs to find it, set as CloudBase sets it on a function instance: the SCF
 * run environment, namespace (the environment id) and region, temporary credentials, and `TCB_CONTEXT_CNFG.URL`,
 * the platform's injected API address, which the SDK prefers to its built-in endpoints.
 */
export interface CloudBaseStub {
  url: string
  env: Record<string, string>
  /** Every request received, in order. */
  requests: RecordedRequest[]
  engine: EmbeddedEngine
  close(): Promise<void>
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: Record<string, unknown>
}

export const STUB_ENV_ID = 'nuanxin-stub-1a2b3c'

export async function startCloudBaseStub(): Promise<CloudBaseStub> {
  const engine = new EmbeddedEngine({ file: ':memory:', indexes: parseIndexFile(declaredIndexes) })
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub')
      let body: Record<string, unknown> = {}
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {}
      } catch {
        body = {}
      }
      requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body })
      void answer(engine, body).then((reply) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(reply))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`
  return {
    url,
    env: {
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: STUB_ENV_ID,
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_SECRETID: 'AKIDstubstubstubstubstubstubstub',
      TENCENTCLOUD_SECRETKEY: 'stubstubstubstubstubstubstubstub',
      TENCENTCLOUD_SESSIONTOKEN: 'stub-session-token',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }),
    },
    requests,
    engine,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
        engine.close()
      }),
  }
}

/** A database action answered by the engine; its failures as CloudBase answers them (200, `code` and `message`). */
async function answer(engine: EmbeddedEngine, body: Record<string, unknown>): Promise<unknown> {
  const action = typeof body.action === 'string' ? body.action : ''
  if (!action.startsWith('database.')) return { code: 'STUB_UNSUPPORTED', message: `the CloudBase stub answers database actions only, not ${action || 'this request'}`, requestId: 'stub' }
  try {
    return await engine.handle(action, body)
  } catch (e) {
    if (e instanceof DatabaseError) return { code: e.code, message: e.message, requestId: e.requestId }
    return { code: 'DATABASE_REQUEST_FAILED', message: String(e), requestId: 'stub' }
  }
}
