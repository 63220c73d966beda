import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../support/chromium'
import { openSession } from './browser'

/**
 * A browser that cannot start: the session fails fast, says which browser and what to do, and leaves nothing running
 * — no server, no process — so jest exits instead of waiting for ever.
 */
const listening = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length

test('a missing CHROMIUM_PATH fails at once, naming the path and the way out, with no server left behind', async () => {
  const before = listening()
  const started = Date.now()
  await expect(openSession({ ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(/CHROMIUM_PATH=\/nonexistent\/chromium does not exist.*npm install brings/)
  expect(Date.now() - started).toBeLessThan(2_000)
  expect(listening()).toBeLessThanOrEqual(before)
})

test('a browser that will not run fails within the launch timeout with a clear message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nx-badchrome-'))
  const fake = join(dir, 'chromium')
  writeFileSync(fake, '#!/bin/sh\necho "cannot open display" >&2\nexit 1\n')
  chmodSync(fake, 0o755)
  try {
    const before = listening()
    await expect(openSession({ ...process.env, CHROMIUM_PATH: fake })).rejects.toThrow(/^Chromium could not start \(.*chromium\): .*CHROMIUM_PATH selects another\.$/)
    expect(listening()).toBeLessThanOrEqual(before)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 40_000)

test('the bundled browser starts and renders Chinese with the bundled font, not boxes', async () => {
  const browser = await launchChromium({ ...process.env, CHROMIUM_PATH: '' })
  try {
    const page = await browser.newPage()
    await page.setContent('<html lang="zh-CN"><body><span id="t" style="font: 40px sans-serif">法律援助</span></body></html>')
    // A font without these glyphs falls back to .notdef boxes; the family that rendered them says which font did.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument')
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#t' })
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    expect(fonts).toEqual([expect.objectContaining({ familyName: 'Noto Sans SC', glyphCount: 4 })])
  } finally {
    await browser.close()
  }
}, 60_000)
