/**
 * Time to the hub on a slow phone (issue #7): the H5 build served by the local server, opened by a signed-in worker
 * in Chromium throttled to 4× CPU, 1.6 Mbps down / 750 kbps up and 150 ms RTT (Lighthouse's mobile profile). From
 * navigation to "周小勇，您好" on screen, with an empty cache (first visit) and with the cache of one visit (return).
 * Two servers side by side: `before` serves dist/h5 as the server did until issue #7 (@fastify/static defaults:
 * uncompressed, `Cache-Control: public, max-age=0`); `after` is buildApp's (server/static.ts).
 *
 * Run after `npm run build:h5`. BENCH_H5_RUNS (default 5, median reported).
 */
import fastifyStatic from '@fastify/static'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, CDPSession } from 'playwright-core'
import { buildApp } from '../server/app'
import { openLocalRuntime } from '../server/local-runtime'
import { seedDemoData } from '../server/seed'
import { launchChromium } from '../test/support/chromium'

const root = join(__dirname, '..')
const h5 = join(root, 'dist/h5')
const RUNS = Number(process.env.BENCH_H5_RUNS ?? 5)
const HUB = '周小勇，您好'
const SLOW = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }

type Mode = 'before' | 'after'

async function serve(mode: Mode) {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-h5bench-'))
  const { runtime, close } = openLocalRuntime({ dataDir, log: () => undefined })
  await seedDemoData(runtime)
  const app = await buildApp({ runtime, h5Dir: mode === 'after' ? h5 : undefined })
  if (mode === 'before') await app.register(fastifyStatic, { root: h5, prefix: '/', index: ['index.html'] })
  await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`,
    async close() {
      await app.close()
      close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

interface Load {
  ms: number
  /** Bytes over the wire (headers included), requests that reached the server, answers from the cache, how scripts came. */
  bytes: number
  requests: number
  fromCache: number
  scriptEncodings: string
}

/** Watches one page's network through CDP: what each load costs on the wire, and what the cache answered. */
function meter(cdp: CDPSession) {
  let bytes = 0
  const responses = new Map<string, string>()
  const cached = new Set<string>()
  const scripts = new Set<string>()
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => void (bytes += e.encodedDataLength))
  cdp.on('Network.requestServedFromCache', (e: { requestId: string }) => void cached.add(e.requestId))
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { url: string; headers: Record<string, string>; status: number; fromDiskCache?: boolean } }) => {
    // Inline images of the tab bar (data: URLs) are no requests.
    if (e.response.url.startsWith('data:')) return
    if (e.response.fromDiskCache) cached.add(e.requestId)
    const h = e.response.headers
    responses.set(e.requestId, e.type === 'Script' ? `${e.response.status} ${h['content-encoding'] ?? h['Content-Encoding'] ?? 'identity'}` : '')
  })
  return {
    reset() {
      bytes = 0
      responses.clear()
      cached.clear()
      scripts.clear()
    },
    read() {
      const network = [...responses.keys()].filter((id) => !cached.has(id))
      for (const id of network) if (responses.get(id)) scripts.add(responses.get(id)!)
      const fromCache = responses.size - network.length
      return { bytes, requests: network.length, fromCache, scriptEncodings: [...scripts].join(', ') || 'none (cache)' }
    },
  }
}

async function once(browser: Browser, url: string): Promise<{ cold: Load; warm: Load }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' })
  try {
    const page = await context.newPage()
    // Sign in once at full speed, so the measured loads are a returning worker's: token stored, the hub the first page.
    await page.goto(url)
    await page.getByText(/^周小勇 · 外卖配送员/).click()
    await page.getByText(HUB).waitFor()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.clearBrowserCache')
    await cdp.send('Network.emulateNetworkConditions', SLOW)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    const m = meter(cdp)
    const load = async (): Promise<Load> => {
      await page.goto('about:blank')
      m.reset()
      const t0 = performance.now()
      await page.goto(url, { waitUntil: 'commit' })
      await page.getByText(HUB).waitFor({ timeout: 60_000 })
      return { ms: performance.now() - t0, ...m.read() }
    }
    const cold = await load()
    const warm = await load()
    return { cold, warm }
  } finally {
    await context.close()
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

void (async () => {
  if (!existsSync(join(h5, 'index.html'))) throw new Error('dist/h5 is missing: run npm run build:h5 first')
  const browser = await launchChromium()
  const servers = { before: await serve('before'), after: await serve('after') }
  try {
    const results: Record<Mode, { cold: Load; warm: Load }[]> = { before: [], after: [] }
    for (let i = 0; i < RUNS; i++) for (const mode of ['before', 'after'] as const) results[mode].push(await once(browser, servers[mode].url))
    console.log(`time to the hub, 4× CPU, 1.6 Mbps / 150 ms RTT, median of ${RUNS}:`)
    console.log('\n| serving | first visit (empty cache) | KiB over the wire | requests (+ from cache) | scripts came | return visit | KiB | requests (+ from cache) | scripts came |')
    console.log('|---|---|---|---|---|---|---|---|---|')
    for (const mode of ['before', 'after'] as const) {
      const pick = (k: 'cold' | 'warm') => {
        const loads = results[mode].map((r) => r[k])
        const mid = loads.find((l) => l.ms === median(loads.map((x) => x.ms)))!
        return `**${(mid.ms / 1000).toFixed(2)} s** (${(Math.min(...loads.map((l) => l.ms)) / 1000).toFixed(2)}–${(Math.max(...loads.map((l) => l.ms)) / 1000).toFixed(2)}) | ${(mid.bytes / 1024).toFixed(0)} | ${mid.requests} (+${mid.fromCache}) | ${mid.scriptEncodings}`
      }
      console.log(`| ${mode === 'before' ? 'before: uncompressed, max-age=0' : 'after: br/gzip, immutable hashed assets'} | ${pick('cold')} | ${pick('warm')} |`)
    }
  } finally {
    await browser.close()
    await servers.before.close()
    await servers.after.close()
  }
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
