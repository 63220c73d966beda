/**
 * Cold start of each deployable bundle (issue #7): a fresh `node` loads dist/cloudfunctions/<name>/index.js and
 * answers one call, as a new CloudBase instance does; the figure is the median wall time minus the median of a bare
 * `node -e 0`. Goal ≤ 60 ms. Two calls, each in its own fresh process:
 * - **no OPENID**: answers UNAUTHENTICATED after the SDK client, the key derivation and the dispatcher are set up,
 *   before any database call;
 * - **signed in**: the caller's OPENID in the context as CloudBase passes it, and CloudBase's HTTP API served on
 *   loopback by cloudfunctions/shared/platform/cloudbase-stub.ts from an empty database: the identity lookup goes
 *   out as one signed request through the SDK's own transport, then UNAUTHENTICATED (no such user). This is what a
 *   real first call runs, less the network.
 * The process sees what CloudBase sets on an instance (SCF run environment, namespace, region, credentials).
 * Inside the child the time is split: the SDK's require (external layout only), loading the bundle, the call.
 *
 * Two layouts side by side: the deployed one (dist/cloudfunctions: the SDK bundled, scripts/build-functions.ts) and
 * the previous one, the SDK external and installed from package.json, built for comparison into
 * node_modules/.cache/nuanxin-cold-start/ (BENCH_COLD_COMPARE=0 skips it). Also the package CloudBase downloads and
 * unpacks for a new instance: files, bytes and deflated bytes (≈ its zip) — for the external layout with the SDK's
 * installed dependency tree, as CloudBase installs it.
 *
 * BENCH_COLD_CODE_CACHE=1 adds the deployed bundle compiled with a V8 code cache (vm.Script cachedData, made by a
 * first run): what option (c) would give if the cache were shipped — which only counts on the exact Node build
 * that made it (README "Cold start").
 *
 * Run after `npm run build:functions`. BENCH_COLD_RUNS (default 10).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { buildFunctions, bundleFiles, functionNames } from '../scripts/build-functions'
import { FUNCTIONS } from '../cloudfunctions/shared/functions'
import { startCloudBaseStub } from '../cloudfunctions/shared/platform/cloudbase-stub'

const root = join(__dirname, '..')
const dist = join(root, 'dist/cloudfunctions')
const externalRoot = join(root, 'node_modules/.cache/nuanxin-cold-start')
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 10)
const COMPARE = process.env.BENCH_COLD_COMPARE !== '0'
const CODE_CACHE = process.env.BENCH_COLD_CODE_CACHE === '1'
const cacheDir = join(externalRoot, 'code-cache')
const GOAL_MS = 60
const SDK = '@cloudbase/node-sdk'
/** A representative action of each function (a worker's read, or the submission); else its first that needs a user. */
const ACTION: Record<string, string> = { user: 'getProfile', application: 'listMine', legalAid: 'submit' }
const actionOf = (name: string) =>
  ACTION[name] ??
  Object.entries(FUNCTIONS[name as keyof typeof FUNCTIONS]?.actions ?? {}).find(([, a]) => !a.spec.roles.includes('public') && !a.spec.createsUser)?.[0] ??
  'ping'
const CONTEXT = { environment: JSON.stringify({ WX_OPENID: 'o-cold-start-bench', WX_APPID: 'wx-bench' }) }

interface Split {
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

/** The SDK the bundle requires, if its package.json leaves it to CloudBase to install; null when bundled. */
function externalSdk(dir: string): string | null {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  return pkg.dependencies?.[SDK] ? createRequire(join(dir, 'index.js')).resolve(SDK) : null
}

/**
 * The child: requires the external SDK first if there is one, then index.js — or, with `codeCache`, compiles
 * index.js itself through vm.Script with V8's code cache from `codeCache` (written by the first run, after its
 * call, so it holds the functions that call compiled too).
 */
function childScript(dir: string, action: string, signedIn: boolean, codeCache?: string): string {
  const sdk = externalSdk(dir)
  const index = join(dir, 'index.js')
  const load = codeCache
    ? `const vm = require('vm'), fs = require('fs'), path = require('path'), Module = require('module')
const cacheFile = ${JSON.stringify(codeCache)}
const cachedData = fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined
const script = new vm.Script(Module.wrap(fs.readFileSync(${JSON.stringify(index)}, 'utf8')), { filename: ${JSON.stringify(index)}, cachedData })
if (cachedData && script.cachedDataRejected) throw new Error('code cache rejected')
const mod = new Module(${JSON.stringify(index)}, module)
mod.filename = ${JSON.stringify(index)}
mod.paths = Module._nodeModulePaths(${JSON.stringify(dir)})
script.runInThisContext()(mod.exports, (id) => mod.require(id), mod, mod.filename, ${JSON.stringify(dir)})
const { main } = mod.exports`
    : `const { main } = require(${JSON.stringify(index)})`
  return `
const t0 = performance.now()
${sdk ? `require(${JSON.stringify(sdk)})` : ''}
const t1 = performance.now()
${load}
const t2 = performance.now()
main({ action: ${JSON.stringify(action)}, data: {} }, ${signedIn ? JSON.stringify(CONTEXT) : '{}'}).then((r) => {
  const t3 = performance.now()
  ${codeCache ? 'if (!cachedData) fs.writeFileSync(cacheFile, script.createCachedData())' : ''}
  process.stderr.write('BENCH ' + JSON.stringify({ sdk: t1 - t0, bundle: t2 - t1, call: t3 - t2, code: r.ok ? 'ok' : r.error.code }) + '\\n')
  process.exit(0)
})`
}

/**
 * Where the external SDK's require goes: self time per package (time in its own modules, not in what they
 * require), from one child with a hook on Module._load — the hook adds a little to every figure, so read them as
 * shares.
 */
function sdkBreakdownScript(sdk: string): string {
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

interface Package {
  files: number
  bytes: number
  deflated: number
}

function addFiles(dir: string, acc: Package, skipNodeModules: boolean) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      if (!(skipNodeModules && e.name === 'node_modules')) addFiles(p, acc, skipNodeModules)
    } else if (e.isFile()) {
      const buf = readFileSync(p)
      acc.files++
      acc.bytes += buf.length
      acc.deflated += deflateRawSync(buf).length
    }
  }
}

/** The folder `name` resolves to from `from`, as Node looks it up (node_modules of `from` and of each parent). */
function packageDir(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dirname(dir) === dir) return null
  }
}

/** The function folder as deployed; with the external SDK, plus its dependency tree as `npm install` lays it out. */
function packageOf(dir: string): Package {
  const acc: Package = { files: 0, bytes: 0, deflated: 0 }
  addFiles(dir, acc, true)
  if (!externalSdk(dir)) return acc
  const seen = new Set<string>()
  const visit = (name: string, from: string) => {
    const pkgDir = packageDir(name, from)
    if (!pkgDir || seen.has(pkgDir)) return
    seen.add(pkgDir)
    addFiles(pkgDir, acc, true)
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: object }
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, pkgDir)
  }
  visit(SDK, dir)
  return acc
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

void (async () => {
  if (!existsSync(dist)) throw new Error('dist/cloudfunctions is missing: run npm run build:functions first')
  if (COMPARE) await buildFunctions({ sdk: 'external', outRoot: externalRoot })
  const names = functionNames().filter((n) => existsSync(join(dist, n, 'index.js')))
  const layouts: { layout: string; dir: string; codeCache?: boolean }[] = [
    { layout: 'SDK bundled (deployed)', dir: dist },
    ...(CODE_CACHE ? [{ layout: 'SDK bundled + V8 code cache (this Node only)', dir: dist, codeCache: true }] : []),
    ...(COMPARE ? [{ layout: 'SDK external (before)', dir: externalRoot }] : []),
  ]
  rmSync(cacheDir, { recursive: true, force: true })
  mkdirSync(cacheDir, { recursive: true })
  const stub = await startCloudBaseStub()
  // As on CloudBase: the key and the platform's variables are set (no metadata probe: the SCF run environment).
  const { WX_OPENID: _drop, TENCENTCLOUD: _drop2, ...base } = process.env
  void _drop
  void _drop2
  const env = { ...base, ...stub.env, NUANXIN_MASTER_KEY: randomBytes(32).toString('base64') }
  const cases = layouts.flatMap(({ layout, dir, codeCache }) =>
    names.flatMap((name) => {
      const action = actionOf(name)
      // One cache per function, made by its signed-in call (the first run of that case, untimed).
      const cache = codeCache ? join(cacheDir, `${name}.v8-code-cache`) : undefined
      return [true, false].map((signedIn) => ({ layout, dir: join(dir, name), name, action, signedIn, script: childScript(join(dir, name), action, signedIn, cache), wall: [] as number[], splits: [] as Split[] }))
    }),
  )

  // One untimed round first (file cache), then interleaved runs so machine noise hits every case alike.
  await run('0', env)
  for (const c of cases) await run(c.script, env)
  const bare: number[] = []
  for (let i = 0; i < RUNS; i++) {
    bare.push((await run('0', env)).ms)
    for (const c of cases) {
      const r = await run(c.script, env)
      c.wall.push(r.ms)
      c.splits.push(r.split!)
    }
  }
  await stub.close()
  const bareMs = median(bare)
  console.log(`bare node -e 0: median ${bareMs.toFixed(0)} ms (${RUNS} runs)`)
  // Inside the process (SDK + load + call) is the steadier figure when other jobs share the machine: the wall time
  // also carries the process start and exit, and the bare start it is measured against varies too.
  console.log('\n| bundle | layout | call | cold start − bare node (median) | min–max | inside the process | SDK require | bundle load | the call | answer | goal ≤ 60 ms |')
  console.log('|---|---|---|---|---|---|---|---|---|---|---|')
  for (const c of cases) {
    const w = c.wall.map((ms) => ms - bareMs)
    const m = median(w)
    const sdk = c.splits[0].sdk > 0.5 ? `${median(c.splits.map((x) => x.sdk)).toFixed(0)} ms` : '—'
    console.log(
      `| ${c.name} | ${c.layout} | ${c.action}, ${c.signedIn ? 'signed in (1 database request)' : 'no OPENID'} | **${m.toFixed(0)} ms** | ${Math.min(...w).toFixed(0)}–${Math.max(...w).toFixed(0)} ms | ` +
        `${median(c.splits.map((x) => x.sdk + x.bundle + x.call)).toFixed(0)} ms | ` +
        `${sdk} | ${median(c.splits.map((x) => x.bundle)).toFixed(0)} ms | ${median(c.splits.map((x) => x.call)).toFixed(1)} ms | ` +
        `${c.splits[0].code} | ${m <= GOAL_MS ? '✓' : '✗'} |`,
    )
  }

  console.log('\nWhat CloudBase downloads and unpacks for a new instance (the function folder; with the external SDK, its installed tree):\n')
  console.log('| bundle | layout | files | size | deflated (≈ zip) | of it: index.js / sdk-extras.js |')
  console.log('|---|---|---|---|---|---|')
  for (const { layout, dir, codeCache } of layouts) {
    for (const name of names) {
      const p = packageOf(join(dir, name))
      const js = Object.entries(bundleFiles(name, dir)).map(([f, bytes]) => `${f} ${kib(bytes)}`)
      if (codeCache) {
        const cache = readFileSync(join(cacheDir, `${name}.v8-code-cache`))
        js.push(`+ code cache ${kib(cache.length)} (${kib(deflateRawSync(cache).length)} deflated)`)
      }
      console.log(`| ${name} | ${layout} | ${p.files} | ${kib(p.bytes)} | ${kib(p.deflated)} | ${js.join(', ')} |`)
    }
  }

  if (COMPARE) {
    const sdk = externalSdk(join(externalRoot, names[0]))!
    const { split } = await run(sdkBreakdownScript(sdk), env)
    const { total, own } = split as unknown as { total: number; own: Record<string, number> }
    const top = Object.entries(own).sort((a, b) => b[1] - a[1]).slice(0, 10)
    console.log(`\nrequire('${SDK}') from node_modules with a load hook: ${total.toFixed(0)} ms; self time by package: ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} ms`)
  }
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
