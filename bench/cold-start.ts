/**
 * Cold start of each deployable bundle (issue #7): a fresh `node` loads dist/cloudfunctions/<name>/index.js and
 * answers one call, as a new CloudBase instance does; the figure is the median wall time minus the median of a bare
 * `node -e 0`. No OPENID is passed, so the call answers UNAUTHENTICATED — after the SDK client, the key derivation
 * and the dispatcher have all been set up, and before any database call (offline there is none to make).
 * Inside the child the time is split: the SDK's require, the rest of our bundle's, the first call. Goal ≤ 60 ms.
 *
 * Run after `npm run build:functions`. BENCH_COLD_RUNS (default 10).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { FUNCTIONS } from '../cloudfunctions/shared/functions'

const root = join(__dirname, '..')
const dist = join(root, 'dist/cloudfunctions')
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 10)
const GOAL_MS = 60

interface Split {
  boot: number
  sdk: number
  bundle: number
  call: number
  code: string
}

/** Wall time of one child, spawn to exit, and what it reported on stderr after `BENCH `. */
function run(script: string, env: NodeJS.ProcessEnv): Promise<{ ms: number; split?: Split }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, ['-e', script], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d))
    child.on('error', reject)
    child.on('exit', (code) => {
      const ms = performance.now() - t0
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`))
      const line = err.split('\n').find((l) => l.startsWith('BENCH '))
      resolve({ ms, split: line ? (JSON.parse(line.slice(6)) as Split) : undefined })
    })
  })
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** The SDK as the bundle resolves it (on CloudBase: the function's own node_modules; here: the repo's). */
const sdkOf = (dir: string) => createRequire(join(dir, 'index.js')).resolve('@cloudbase/node-sdk')

function childScript(dir: string, action: string): string {
  const sdk = sdkOf(dir)
  return `
const t0 = performance.now()
require(${JSON.stringify(sdk)})
const t1 = performance.now()
const { main } = require(${JSON.stringify(join(dir, 'index.js'))})
const t2 = performance.now()
main({ action: ${JSON.stringify(action)}, data: {} }, {}).then((r) => {
  const t3 = performance.now()
  process.stderr.write('BENCH ' + JSON.stringify({ boot: t0, sdk: t1 - t0, bundle: t2 - t1, call: t3 - t2, code: r.ok ? 'ok' : r.error.code }) + '\\n')
  process.exit(0)
})`
}

/**
 * Where the SDK's require goes: self time per package (time in its own modules, not in what they require), from one
 * child with a hook on Module._load — the hook adds a little to every figure, so read them as shares.
 */
function sdkBreakdownScript(dir: string): string {
  const sdk = sdkOf(dir)
  return `
const Module = require('module')
const load = Module._load
const own = {}
const stack = []
Module._load = function (request, parent) {
  let key = request
  try {
    const file = Module._resolveFilename(request, parent)
    key = (file.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/) || [, 'node:' + request])[1]
  } catch {}
  const t = performance.now()
  stack.push(0)
  try {
    return load.apply(this, arguments)
  } finally {
    const dt = performance.now() - t
    const inner = stack.pop()
    if (stack.length) stack[stack.length - 1] += dt
    own[key] = (own[key] || 0) + dt - inner
  }
}
const t0 = performance.now()
require(${JSON.stringify(sdk)})
const total = performance.now() - t0
process.stderr.write('BENCH ' + JSON.stringify({ total, own }) + '\\n')
process.exit(0)`
}

void (async () => {
  if (!existsSync(dist)) throw new Error('dist/cloudfunctions is missing: run npm run build:functions first')
  const names = readdirSync(dist).filter((n) => existsSync(join(dist, n, 'index.js')))
  // As on CloudBase: the key is set, and TENCENTCLOUD=true keeps tcb.init() from probing the metadata host.
  const { WX_OPENID: _drop, ...base } = process.env
  void _drop
  const env = { ...base, NUANXIN_MASTER_KEY: randomBytes(32).toString('base64'), TENCENTCLOUD: 'true' }
  const scripts = names.map((n) => {
    const actions = Object.keys((FUNCTIONS as Record<string, { actions: object } | undefined>)[n]?.actions ?? {})
    return { name: n, action: actions[0] ?? 'ping', script: childScript(join(dist, n), actions[0] ?? 'ping') }
  })

  // One untimed round first (file cache), then interleaved runs so machine noise hits every bundle alike.
  await run('0', env)
  for (const s of scripts) await run(s.script, env)
  const bare: number[] = []
  const wall = new Map<string, number[]>(names.map((n) => [n, []]))
  const splits = new Map<string, Split[]>(names.map((n) => [n, []]))
  for (let i = 0; i < RUNS; i++) {
    bare.push((await run('0', env)).ms)
    for (const s of scripts) {
      const r = await run(s.script, env)
      wall.get(s.name)!.push(r.ms)
      splits.get(s.name)!.push(r.split!)
    }
  }
  const bareMs = median(bare)
  console.log(`bare node -e 0: median ${bareMs.toFixed(0)} ms (${RUNS} runs)`)
  console.log('\n| bundle | size | cold start − bare node (median) | min–max | SDK require | rest of bundle | first call | answer | goal ≤ 60 ms |')
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const s of scripts) {
    const w = wall.get(s.name)!.map((ms) => ms - bareMs)
    const sp = splits.get(s.name)!
    const m = median(w)
    const kib = statSync(join(dist, s.name, 'index.js')).size / 1024
    console.log(
      `| ${s.name} | ${kib.toFixed(1)} KiB | **${m.toFixed(0)} ms** | ${Math.min(...w).toFixed(0)}–${Math.max(...w).toFixed(0)} ms | ` +
        `${median(sp.map((x) => x.sdk)).toFixed(0)} ms | ${median(sp.map((x) => x.bundle)).toFixed(0)} ms | ${median(sp.map((x) => x.call)).toFixed(1)} ms | ` +
        `${s.action} → ${sp[0].code} | ${m <= GOAL_MS ? '✓' : '✗'} |`,
    )
  }
  const { split } = await run(sdkBreakdownScript(join(dist, names[0])), env)
  const { total, own } = split as unknown as { total: number; own: Record<string, number> }
  const top = Object.entries(own).sort((a, b) => b[1] - a[1]).slice(0, 10)
  console.log(`\nrequire('@cloudbase/node-sdk') with a load hook: ${total.toFixed(0)} ms; self time by package: ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} ms`)
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
