// Boots the Taro *weapp build* (dist/weapp) inside miniprogram-simulate, which compiles the WXML with
// WeChat's own wcc, and renders one page. This checks what WeChat would run, not the H5 code path.
import { join } from 'node:path'

export const WEAPP_ROOT = join(__dirname, '..', '..', 'dist', 'weapp')

type RouteApi = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
export interface WxNavigation {
  api: RouteApi
  url?: string
}

export interface WeappPage {
  /** The page's rendered tree (wx-view, wx-text… elements). */
  dom: HTMLElement
  /** Rendered text with whitespace collapsed. */
  text(): string
  /** Waits until the rendered text contains `text` (data arrives from the cloud sandbox asynchronously). */
  waitForText(text: string, timeoutMs?: number): Promise<void>
  /** Taps the first element matching a class selector and waits for Taro to re-render. */
  tap(selector: string): Promise<void>
  /** Route calls the page made through wx (Taro.navigateTo etc. end up here). */
  navigations: WxNavigation[]
  unload(): void
}

interface PageInstance extends Record<string, unknown> {
  onLoad(query: Record<string, string>): void
  onShow?(): void
  onUnload(): void
}

const RENDER_TIMEOUT_MS = 2000

type Callbacks = { success?: (res: object) => void; fail?: (err: object) => void; complete?: () => void }

/**
 * Sandbox for `wx.cloud`, which cannot exist offline: the real `user` function runs on the local test server
 * (started by jest's globalSetup), and the caller is `openid` — as CloudBase would set it from WeChat's login.
 */
async function cloudSandbox(openid: string) {
  const base = process.env.NUANXIN_TEST_API
  if (!base) throw new Error('NUANXIN_TEST_API is not set: the weapp project needs its globalSetup server')
  const login = (await (await fetch(`${base}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  })).json()) as { data: { token: string } }
  const token = login.data.token
  return {
    init: () => undefined,
    callFunction(options: { name: string; data: unknown } & Callbacks) {
      const call = fetch(`${base}/api/fn/${options.name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(options.data),
      })
        .then(async (res) => ({ result: await res.json(), errMsg: 'cloud.callFunction:ok' }))
      call.then((r) => options.success?.(r), (e) => options.fail?.({ errMsg: String(e) })).finally(() => options.complete?.())
      return call
    },
  }
}
// Taro batches setData on a timer; this covers one update cycle after an event.
const SETTLE_MS = 50

/**
 * Loads `route` (e.g. 'pages/hub/index') as WeChat would at launch: app.js first, then the page.
 * Every call starts from fresh modules: webpack's chunk registry in the build runs a page module (and its
 * Page() call) only once per module registry, so a second load in the same registry would render nothing.
 */
export async function loadPage(route: string, query: Record<string, string> = {}, opts: { openid?: string } = {}): Promise<WeappPage> {
  jest.resetModules()
  const cloud = await cloudSandbox(opts.openid ?? 'demo-rider')
  const navigations: WxNavigation[] = []
  const routeApi = (api: RouteApi) => (options: { url?: string; success?: (res: object) => void; complete?: () => void }) => {
    navigations.push({ api, url: options.url })
    options.success?.({ errMsg: `${api}:ok` })
    options.complete?.()
  }
  // A fresh wx also drops the previous boot's webpackJsonp; miniprogram-simulate adds its API mocks to it.
  const wx = {
    ...Object.fromEntries((['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'] as const).map((api) => [api, routeApi(api)])),
    cloud,
  }
  let app: { onLaunch?(options: object): void } | undefined
  const pages: PageInstance[] = []
  Object.assign(globalThis, {
    wx,
    App: (options: typeof app) => (app = options),
    getApp: () => app,
    getCurrentPages: () => pages,
    // miniprogram-simulate knows only components: run Taro's page options as one, with page lifecycles
    // mapped onto component lifetimes.
    Page: (options: Record<string, unknown>) => {
      const isMethod = ([, value]: [string, unknown]) => typeof value === 'function'
      const entries = Object.entries(options)
      Component({
        ...Object.fromEntries(entries.filter((entry) => !isMethod(entry))),
        methods: Object.fromEntries(entries.filter(isMethod)) as WechatMiniprogram.Component.MethodOption,
        lifetimes: {
          attached(this: PageInstance) {
            Object.assign(this, { route, options: query })
            pages.push(this)
            this.onLoad(query)
            this.onShow?.()
          },
          detached(this: PageInstance) {
            this.onUnload()
          },
        },
      })
    },
  })

  const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate')
  require(join(WEAPP_ROOT, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App(): is the weapp build complete?')
  app.onLaunch?.({ path: route, query, scene: 1001 })

  const page = simulate.render(simulate.load(join(WEAPP_ROOT, route), { rootPath: WEAPP_ROOT }))
  page.attach(document.createElement('div'))
  const dom = page.dom
  if (!dom) throw new Error(`${route} has no DOM after attach`)
  // The first render arrives asynchronously (React commit → Taro setData).
  for (const start = Date.now(); !dom.firstElementChild; await simulate.sleep(10)) {
    if (Date.now() - start > RENDER_TIMEOUT_MS) throw new Error(`${route} rendered nothing in ${RENDER_TIMEOUT_MS} ms`)
  }

  const text = () => (dom.textContent ?? '').replace(/\s+/g, ' ').trim()
  return {
    dom,
    navigations,
    text,
    async waitForText(wanted, timeoutMs = 3000) {
      for (const start = Date.now(); !text().includes(wanted); await simulate.sleep(20)) {
        if (Date.now() - start > timeoutMs) throw new Error(`${route}: "${wanted}" did not appear; the page shows: ${text()}`)
      }
    },
    async tap(selector) {
      const target = page.querySelector(selector)
      if (!target) throw new Error(`${route}: nothing matches ${selector}`)
      target.dispatchEvent('tap')
      await simulate.sleep(SETTLE_MS)
    },
    unload: () => page.detach(),
  }
}
