// Screenshots pages of the H5 build (dist/h5) at phone size, for a quick visual check, in the same browser and font
// the tests use (npm install brings both; CHROMIUM_PATH picks another browser).
// Usage: npx tsx scripts/screenshot-h5.ts [route ...]   e.g. /pages/me/index   → test-results/screens/*.png
import { createServer } from 'node:http'
import { mkdir, readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { launchChromium } from '../test/support/chromium'

const root = join(__dirname, '..', 'dist', 'h5')
const outDir = join(__dirname, '..', 'test-results', 'screens')
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' }
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/pages/hub/index', '/pages/me/index']

async function main() {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  try {
    const browser = await launchChromium()
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
    }
  } finally {
    server.close()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
