// Component tests talk to a real local server over HTTP, like the H5 build does. It runs in its own process
// (fastify and SQLite cannot live inside jsdom); its URL reaches the test workers through the environment.
import type { ChildProcess } from 'node:child_process'
import { spawnTestServer } from './spawn-server'

declare global {
  // eslint-disable-next-line no-var
  var __NUANXIN_SERVER__: ChildProcess | undefined
}

export default async function setup(): Promise<void> {
  const { url, child } = await spawnTestServer()
  process.env.NUANXIN_TEST_API = url
  globalThis.__NUANXIN_SERVER__ = child
}
