// Screenshots pages of the H5 build (dist/h5) in headless Chromium at phone size, for a quick visual check.
// Usage: node scripts/screenshot-h5.mjs [route ...]   e.g. /pages/me/index   → test-results/screens/*.png
// Needs Debian's chromium + fonts-noto-cjk (without the font, Chinese renders as boxes).
import { createServer } from 'node:http'
import { readFile, mkdir } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { chromium } from 'playwright-core'

const root = new URL('../dist/h5/', import.meta.url).pathname
const outDir = new URL('../test-results/screens/', import.meta.url).pathname
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' }
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/pages/hub/index', '/pages/me/index']

// Tiny static server bound to loopback only; the hash router means every page is index.html.
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
  const file = join(root, path === '/' ? 'index.html' : path)
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body)
  } catch {
    res.writeHead(404).end()
  }
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${server.address().port}/`

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  await mkdir(outDir, { recursive: true })
  for (const route of routes) {
    // A fresh page per route: a hash change alone keeps the previous page in the DOM (hidden).
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error('page error:', error.message))
    await page.goto(`${base}#${route}`)
    await page.waitForSelector('.page')
    const file = join(outDir, `${route.replace(/^\/|\/index$/g, '').replaceAll('/', '-')}.png`)
    await page.screenshot({ path: file })
    console.log(file)
    await page.close()
  }
} finally {
  await browser.close()
  server.close()
}
