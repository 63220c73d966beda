import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')

/** Starts test/support/server-process.ts with tsx and resolves with its URL once it says READY. */
export function spawnTestServer(opts: { quiet?: boolean } = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'test/support/server-process.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'test', ...(opts.quiet ? { NUANXIN_QUIET: '1' } : {}) },
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /READY (\S+)/.exec(out)
      if (m) resolve({ url: m[1], child })
    })
    child.on('exit', (code) => reject(new Error(`test server exited early (${code})`)))
  })
}
