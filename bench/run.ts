/**
 * `npm run bench`: sizes of what ships, and local API latency under load. Run after `npm run build`.
 * Targets (issue #2): weapp main package ≤ 300 KiB; each function bundle ≤ 100 KiB without the SDK;
 * p99 ≤ 10 ms for a profile read at 50 concurrent connections on loopback.
 */
import autocannon from 'autocannon'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { buildFunctions } from '../scripts/build-functions'
import { spawnTestServer } from '../test/support/spawn-server'

const root = join(__dirname, '..')
const KiB = 1024

function folderBytes(dir: string, skip: (rel: string) => boolean = () => false, rel = ''): number {
  let total = 0
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = join(rel, e.name)
    if (skip(r)) continue
    total += e.isDirectory() ? folderBytes(dir, skip, r) : statSync(join(dir, r)).size
  }
  return total
}

function row(what: string, bytes: number, limitKiB?: number) {
  const kib = bytes / KiB
  const verdict = limitKiB === undefined ? '' : kib <= limitKiB ? `  ✓ ≤ ${limitKiB} KiB` : `  ✗ over ${limitKiB} KiB`
  console.log(`${what.padEnd(34)} ${kib.toFixed(1).padStart(8)} KiB${verdict}`)
}

async function sizes() {
  const weapp = join(root, 'dist/weapp')
  if (existsSync(weapp)) row('weapp main package', folderBytes(weapp, (r) => r === 'packages'), 300)
  else console.log('weapp main package: dist/weapp missing — run npm run build first')
  for (const [name, bytes] of Object.entries(await buildFunctions())) row(`function ${name} (no SDK)`, bytes, 100)
  const h5 = join(root, 'dist/h5')
  if (existsSync(join(h5, 'index.html'))) {
    const html = readFileSync(join(h5, 'index.html'), 'utf8')
    const scripts = [...html.matchAll(/<script[^>]+src="\/?([^"]+)"/g)].map((m) => m[1])
    row(`h5 entry (${scripts.length} scripts)`, scripts.reduce((n, s) => n + statSync(join(h5, s)).size, 0))
    // What goes over the wire (server/static.ts): brotli at quality 11, gzip -9 for clients without brotli.
    const entry = scripts.map((s) => readFileSync(join(h5, s)))
    row('h5 entry, brotli 11', entry.reduce((n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0))
    row('h5 entry, gzip 9', entry.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0))
  }
}

/**
 * The server runs in its own process (as `npm start` does) and autocannon loads it from this one, so the load
 * generator does not steal the server's event loop: 2 cores, one each.
 */
async function latency() {
  const { url, child } = await spawnTestServer({ quiet: true })
  try {
    const login = (await (await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"demo-rider"}' })).json()) as { data: { token: string } }
    const token = login.data.token
    const result = await autocannon({
      url: `${url}/api/fn/user`,
      method: 'POST',
      connections: 50,
      duration: Number(process.env.BENCH_SECONDS ?? 10),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'getProfile', data: {} }),
    })
    const { latency: l, requests, non2xx, errors } = result
    console.log(`user.getProfile, 50 connections, ${result.duration}s on loopback:`)
    console.log(`  latency p50 ${l.p50} ms · p99 ${l.p99} ms · max ${l.max} ms  ${l.p99 <= 10 ? '✓ p99 ≤ 10 ms' : '✗ p99 over 10 ms'}`)
    console.log(`  throughput ${Math.round(requests.average)} req/s · ${requests.total} requests · non-2xx ${non2xx} · errors ${errors}`)
  } finally {
    child.kill('SIGTERM')
  }
}

void (async () => {
  console.log('— sizes —')
  await sizes()
  console.log('— local API —')
  await latency()
})()
