import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { IMMUTABLE, precompressAssets, REVALIDATE } from '../../server/static'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The H5 build as the local server serves it: hashed assets compressed (brotli or gzip, by Accept-Encoding) and
 * cached for a year, index.html revalidated on every load. Read with node:http, which — unlike fetch — leaves the
 * body as it came over the wire.
 */
interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

// A build laid out as Taro lays out dist/h5 (config/index.ts): js/ and css/ with content hashes, index.html naming them.
const dir = mkdtempSync(join(tmpdir(), 'nuanxin-h5-'))
const JS = 'js/app.4dddaac0.js'
const CSS = 'css/app.1abbe540.css'
const SMALL = 'js/9.0a1b2c3d.js'
const LICENSE = 'js/app.4dddaac0.js.LICENSE.txt'
const bytes = (f: string) => readFileSync(join(dir, f))

let s: TestServer
beforeAll(async () => {
  mkdirSync(join(dir, 'js'))
  mkdirSync(join(dir, 'css'))
  writeFileSync(join(dir, JS), Array.from({ length: 3000 }, (_, i) => `function f${i}(a){return a.map(function(x){return x*${i}+"暖新"})}`).join(';'))
  writeFileSync(join(dir, CSS), Array.from({ length: 800 }, (_, i) => `.c${i}{padding:${i % 9}px;color:#e8602c}`).join(''))
  writeFileSync(join(dir, SMALL), 'console.log(1)')
  writeFileSync(join(dir, LICENSE), '/*! react-dom.production.min.js — MIT */\n'.repeat(60))
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><script defer src="/${JS}"></script><link href="/${CSS}" rel="stylesheet"></head><body><div id="app"></div></body></html>`)
  s = await startTestServer({ h5Dir: dir })
})
afterAll(async () => {
  await s.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('hashed assets', () => {
  it.each([
    ['br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    // What Chromium sends over HTTPS, and over plain HTTP (no brotli there).
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
  ])('Accept-Encoding %s → %s, cached for a year, decompressing to the file’s bytes', async (accept, encoding, decompress) => {
    for (const [file, type] of [[JS, 'application/javascript; charset=utf-8'], [CSS, 'text/css; charset=utf-8']]) {
      const res = await get(s.url, `/${file}`, { 'accept-encoding': accept })
      expect(res.status).toBe(200)
      expect(res.headers).toMatchObject({ 'content-encoding': encoding, 'content-type': type, 'cache-control': IMMUTABLE, vary: 'Accept-Encoding' })
      expect(Number(res.headers['content-length'])).toBe(res.body.length)
      expect(res.body.length).toBeLessThan(bytes(file).length / 3)
      expect(decompress(res.body).equals(bytes(file))).toBe(true)
    }
  })

  it('goes out as it is without Accept-Encoding, still immutable', async () => {
    const res = await get(s.url, `/${JS}`)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers).toMatchObject({ 'cache-control': IMMUTABLE, vary: 'Accept-Encoding' })
    expect(res.body.equals(bytes(JS))).toBe(true)
  })

  it('a file too small to gain from compression goes out as it is, still immutable', async () => {
    const res = await get(s.url, `/${SMALL}`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers['cache-control']).toBe(IMMUTABLE)
    expect(res.body.equals(bytes(SMALL))).toBe(true)
  })

  it('the compressed copies are not files of their own', async () => {
    expect(existsSync(join(dir, `${JS}.br`))).toBe(true)
    for (const ext of ['.br', '.gz']) expect((await get(s.url, `/${JS}${ext}`)).status).toBe(404)
  })

  it('a second start finds them all and compresses nothing again', async () => {
    expect(await precompressAssets(dir)).toBe(0)
    expect(readdirSync(join(dir, 'js')).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('index.html and names without a hash', () => {
  it('index.html is revalidated on every load (no-cache + ETag → 304), and sent as it is', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await get(s.url, path, { 'accept-encoding': 'gzip, deflate, br' })
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe(REVALIDATE)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.body.equals(bytes('index.html'))).toBe(true)
      const again = await get(s.url, path, { 'if-none-match': String(res.headers.etag) })
      expect(again.status).toBe(304)
    }
  })

  it('a name without a content hash is revalidated too', async () => {
    const res = await get(s.url, `/${LICENSE}`, { 'accept-encoding': 'br' })
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe(REVALIDATE)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(existsSync(join(dir, `${LICENSE}.br`))).toBe(false)
  })

  it('the API answers as before', async () => {
    const res = await get(s.url, '/api/catalog', { 'accept-encoding': 'br' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(Array.isArray(JSON.parse(res.body.toString()))).toBe(true)
    expect((await get(s.url, '/api/nope')).status).toBe(404)
  })
})

const built = join(__dirname, '..', '..', 'dist', 'h5')
;(existsSync(join(built, 'index.html')) ? describe : describe.skip)('the real H5 build (dist/h5)', () => {
  let real: TestServer
  beforeAll(async () => {
    real = await startTestServer({ h5Dir: built })
  }, 60_000)
  afterAll(() => real?.close())

  it('every script and stylesheet index.html names comes brotli-compressed and immutable', async () => {
    const html = readFileSync(join(built, 'index.html'), 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="\/?((?:js|css)\/[^"]+)"/g)].map((m) => m[1])
    expect(assets.length).toBeGreaterThan(1)
    for (const asset of assets) {
      const res = await get(real.url, `/${asset}`, { 'accept-encoding': 'gzip, deflate, br' })
      expect({ asset, encoding: res.headers['content-encoding'], cache: res.headers['cache-control'] }).toEqual({ asset, encoding: 'br', cache: IMMUTABLE })
      expect(brotliDecompressSync(res.body).equals(readFileSync(join(built, asset)))).toBe(true)
    }
  })
})
