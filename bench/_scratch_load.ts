import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
const root = join(__dirname, '..')
const profDir = process.env.PROF_DIR
const args = [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), '--import', 'tsx', join(root, 'test/support/server-process.ts')]
const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'test', NUANXIN_QUIET: '1' } })
void (async () => {
  const url = await new Promise<string>((res) => { let out = ''; child.stdout!.on('data', (c: Buffer) => { out += c; const m = /READY (\S+)/.exec(out); if (m) res(m[1]) }) })
  const login = (await (await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"demo-rider"}' })).json()) as { data: { token: string } }
  const r = await autocannon({ url: `${url}/api/fn/user`, method: 'POST', connections: 50, duration: Number(process.env.SECS ?? 8),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.token}` }, body: JSON.stringify({ action: 'getProfile', data: {} }) })
  console.log(`p50 ${r.latency.p50} p99 ${r.latency.p99} rps ${Math.round(r.requests.average)} non2xx ${r.non2xx}`)
  child.kill('SIGTERM')
  await new Promise((r) => child.on('exit', r))
})()
