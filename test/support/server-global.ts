// Component and weapp tests talk to a real local server over HTTP, like the H5 build and the cloud sandbox do.
// It runs in its own process (fastify and SQLite cannot live inside jsdom); its URL reaches the test workers
// through the environment. One server serves every project of the run.
import type { ChildProcess } from 'node:child_process'
import { spawnTestServer } from './spawn-server'

declare global {
  // eslint-disable-next-line no-var
  var __NUANXIN_SERVER__: ChildProcess | undefined
}

export default async function startSharedServer(): Promise<void> {
  if (globalThis.__NUANXIN_SERVER__) return
  const { url, child } = await spawnTestServer()
  process.env.NUANXIN_TEST_API = url
  globalThis.__NUANXIN_SERVER__ = child
}
