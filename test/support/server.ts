import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Envelope } from '~types/errors'
import type { CallLogLine } from '../../cloudfunctions/shared/core/log'
import { buildApp } from '../../server/app'
import { openLocalRuntime } from '../../server/local-runtime'
import { seedDemoData } from '../../server/seed'

export interface TestServer {
  url: string
  dataDir: string
  logs: CallLogLine[]
  runtime: ReturnType<typeof openLocalRuntime>['runtime']
  /** Demo sign-in; returns the bearer token. */
  login(openid: string): Promise<string>
  call<T = unknown>(fn: string, action: string, data?: unknown, opts?: { token?: string; requestId?: string }): Promise<{ status: number; body: Envelope<T> }>
  post(path: string, body: string, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>
  close(): Promise<void>
}

/**
 * A real local server on an ephemeral loopback port, over a fresh data folder — the same code `npm start` runs.
 * Pass `seed: true` for the demo people (staff, admin) the browser and catalog tests rely on, and `dataDir` to
 * look at the data folder after a clean stop.
 */
export async function startTestServer(
  opts: { seed?: boolean; h5Dir?: string; now?: () => Date; bootstrapAdmins?: string[]; /** kept after close() when given */ dataDir?: string } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'nuanxin-test-'))
  const logs: CallLogLine[] = []
  const { runtime, close } = openLocalRuntime({ dataDir, log: (l) => logs.push(l), now: opts.now, bootstrapAdmins: new Set(opts.bootstrapAdmins ?? []) })
  if (opts.seed) await seedDemoData(runtime)
  const app = await buildApp({ runtime, h5Dir: opts.h5Dir })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

  const post: TestServer['post'] = async (path, body, headers = {}) => {
    const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    return { status: res.status, body: await res.json() }
  }
  return {
    url,
    dataDir,
    logs,
    runtime,
    post,
    async login(openid) {
      const { body } = await post('/api/dev/login', JSON.stringify({ openid }))
      const env = body as Envelope<{ token: string }>
      if (!env.ok) throw new Error(`login failed: ${env.error.message}`)
      return env.data.token
    },
    async call(fn, action, data, { token, requestId } = {}) {
      const { status, body } = await post(
        `/api/fn/${fn}`,
        JSON.stringify({ action, data, ...(requestId ? { requestId } : {}) }),
        token ? { authorization: `Bearer ${token}` } : {},
      )
      return { status, body: body as never }
    },
    async close() {
      await app.close()
      close()
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
