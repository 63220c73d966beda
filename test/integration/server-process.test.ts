import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * `npm start`'s own entry point as a process: it seeds once, keeps data across restarts, stops cleanly on Ctrl-C,
 * and refuses to run as production.
 */
const root = join(__dirname, '..', '..')
const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-proc-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

function start(env: Record<string, string> = {}): { child: ChildProcess; output: () => string; url: Promise<string> } {
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, NUANXIN_DATA_DIR: dataDir, PORT: '0', NUANXIN_SKIP_H5: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (m) resolve(m[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', () => reject(new Error(`server exited: ${out}`)))
  })
  return { child, output: () => out, url }
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

async function login(url: string, openid: string) {
  const res = await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })
  return (await res.json()) as { ok: boolean; data: { user: { id: string } } }
}

test('seeds on first start, keeps data across a restart, and stops cleanly on Ctrl-C', async () => {
  const first = start()
  const url1 = await first.url
  expect(first.output()).toContain('已写入演示数据')
  const created = await login(url1, 'persisting-rider')
  const stop1 = exited(first.child)
  first.child.kill('SIGINT')
  expect(await stop1).toBe(0)
  expect(first.output()).toContain('正在安全关闭')

  const second = start()
  const url2 = await second.url
  expect(second.output()).not.toContain('已写入演示数据')
  const again = await login(url2, 'persisting-rider')
  expect(again.data.user.id).toBe(created.data.user.id)
  const stop2 = exited(second.child)
  second.child.kill('SIGTERM')
  expect(await stop2).toBe(0)
}, 60_000)

test('refuses to run as production', async () => {
  const prod = start({ NUANXIN_STAGE: 'production' })
  expect(await exited(prod.child)).toBe(1)
  expect(prod.output()).toContain('不能在生产环境运行')
  await prod.url.catch(() => undefined)
}, 30_000)
