import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { launchChromium } from '../support/chromium'
import { startTestServer } from '../support/server'

/** A phone-sized touch context, or a desk-sized one — staff work at a desk. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' })
}

/** A text field or area by the start of its placeholder (Taro renders both as the native element inside). */
export const field = (page: Page | Locator, placeholder: string) => page.locator(`textarea[placeholder^="${placeholder}"], input[placeholder^="${placeholder}"]`)

export function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
}

/**
 * One browser test file's world: the real local server (seeded) serving the H5 build, chromium, and a screenshot
 * helper writing into test-results/e2e/. Registers its own beforeAll/afterAll; read the fields inside tests.
 */
export function e2eSession() {
  // A real browser on a loaded 2-core CI machine can lose a race no user would (a page still unloading under a
  // click). One retry, with the first failure printed, so a flake is visible in the log but does not sink the run.
  jest.retryTimes(1, { logErrorsBeforeRetry: true })
  const session = {} as Awaited<ReturnType<typeof openSession>>
  beforeAll(async () => Object.assign(session, await openSession()), 60_000)
  afterAll(() => session.close?.())
  return session
}

/**
 * The browser first: if it cannot start, nothing else has been started that would keep jest from exiting. If the
 * server then fails, the browser is closed before the error goes on.
 */
export async function openSession(env: NodeJS.ProcessEnv = process.env) {
  const root = join(__dirname, '..', '..')
  const shots = join(root, 'test-results', 'e2e')
  mkdirSync(shots, { recursive: true })
  const browser = await launchChromium(env)
  let server: Awaited<ReturnType<typeof startTestServer>>
  try {
    server = await startTestServer({ seed: true, h5Dir: join(root, 'dist', 'h5') })
  } catch (e) {
    await browser.close()
    throw e
  }
  return {
    server,
    browser,
    /** Signs in as the demo person whose button matches `label`, and waits for 首页. */
    async signIn(page: Page, label: RegExp) {
      await page.goto(server.url)
      await page.getByText(label).click()
      await page.locator('.page.hub').waitFor()
    },
    /** A screenshot once the page's transitions are over (Taro fades a new page in: mid-fade it is blank). */
    async shot(page: Page, name: string) {
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
      await page.screenshot({ path: join(shots, `${name}.png`) })
    },
    async close() {
      await browser.close()
      await server.close()
    },
  }
}
