// Boots the Taro *weapp build* (dist/weapp) inside miniprogram-simulate, which compiles the WXML with
// WeChat's own wcc, and renders one page. This checks what WeChat would run, not the H5 code path.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
  /** Taps the `index`th (default first) element matching a class selector and waits for Taro to re-render. */
  tap(selector: string, index?: number): Promise<void>
  /** Route calls the page made through wx (Taro.navigateTo etc. end up here). */
  navigations: WxNavigation[]
  /** Calls to WeChat's file viewers (sandboxed): what the page asked to preview or open. */
  opened: OpenedFile[]
  unload(): void
}

interface PageInstance extends Record<string, unknown> {
  onLoad(query: Record<string, string>): void
  onShow?(): void
  onUnload(): void
}

export type OpenedFile = { api: 'previewImage'; urls: string[] } | { api: 'openDocument'; filePath: string; fileType?: string }

const RENDER_TIMEOUT_MS = 2000

/** The part of WeChat's component framework (bundled with miniprogram-simulate) that fires a tap. */
interface Exparser {
  Event: { create(name: string, detail: object, options: object): object; dispatchEvent(target: object, event: object): void }
}

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
/**
 * Sandbox for WeChat's file APIs: `downloadFile` really fetches the URL (from the local test server) into a temp
 * folder, as WeChat would into its own; the viewers only record what they were asked to show. The local server's
 * links are paths (the cloud's are absolute URLs), resolved here against the test server as the build's API base.
 */
function fileSandbox(opened: OpenedFile[], base: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nuanxin-wx-files-'))
  let n = 0
  const done = (options: Callbacks, res: object) => {
    options.success?.(res)
    options.complete?.()
  }
  return {
    downloadFile(options: { url: string } & Callbacks) {
      fetch(new URL(options.url, base)).then(
        async (res) => {
          const tempFilePath = join(dir, `download-${++n}`)
          writeFileSync(tempFilePath, Buffer.from(await res.arrayBuffer()))
          done(options, { tempFilePath, statusCode: res.status, errMsg: 'downloadFile:ok' })
        },
        (e: Error) => {
          options.fail?.({ errMsg: `downloadFile:fail ${e.message}` })
          options.complete?.()
        },
      )
      return { abort: () => undefined, onProgressUpdate: () => undefined, offProgressUpdate: () => undefined }
    },
    openDocument(options: { filePath: string; fileType?: string } & Callbacks) {
      opened.push({ api: 'openDocument', filePath: options.filePath, fileType: options.fileType })
      done(options, { errMsg: 'openDocument:ok' })
    },
    previewImage(options: { urls: string[] } & Callbacks) {
      opened.push({ api: 'previewImage', urls: options.urls })
      done(options, { errMsg: 'previewImage:ok' })
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
  const opened: OpenedFile[] = []
  const routeApi = (api: RouteApi) => (options: { url?: string; success?: (res: object) => void; complete?: () => void }) => {
    navigations.push({ api, url: options.url })
    options.success?.({ errMsg: `${api}:ok` })
    options.complete?.()
  }
  // A fresh wx also drops the previous boot's webpackJsonp; miniprogram-simulate adds its API mocks to it.
  const wx = {
    ...Object.fromEntries((['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'] as const).map((api) => [api, routeApi(api)])),
    ...fileSandbox(opened, process.env.NUANXIN_TEST_API!),
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
    opened,
    text,
    async waitForText(wanted, timeoutMs = 3000) {
      for (const start = Date.now(); !text().includes(wanted); await simulate.sleep(20)) {
        if (Date.now() - start > timeoutMs) throw new Error(`${route}: "${wanted}" did not appear; the page shows: ${text()}`)
      }
    },
    async tap(selector, index = 0) {
      // Taro renders deep trees through its own `comp` custom component: classes there carry a `comp--` prefix
      // (`main--` in the page itself) and simulate's querySelector does not enter it. Match the rendered DOM and
      // fire the tap through exparser, as simulate's own dispatchEvent does.
      const cls = selector.replace(/^\./, '')
      const matches = [...dom.querySelectorAll('*')].filter((el) => [...el.classList].some((c) => c === cls || c.endsWith(`--${cls}`)))
      const target = matches[index] as (Element & { __wxElement?: object }) | undefined
      if (!target?.__wxElement) throw new Error(`${route}: no element ${index} matches ${selector}`)
      const exparser = require('miniprogram-exparser') as Exparser
      const extraFields = { touches: {}, changedTouches: {} }
      exparser.Event.dispatchEvent(target.__wxElement, exparser.Event.create('tap', {}, { bubbles: true, composed: true, capturePhase: true, extraFields }))
      await simulate.sleep(SETTLE_MS)
    },
    unload: () => page.detach(),
  }
}
