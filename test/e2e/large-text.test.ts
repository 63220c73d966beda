import type { Page } from 'playwright-core'
import { e2eSession, phoneContext } from './browser'

/**
 * 大字模式 (MIIT 2021 spec for elderly users) in a real browser on a 390×844 phone: the switch in 我的 scales the
 * text of every page by 1.3, line spacing stays ≥ 1.3, and nothing is cut off or pushed off the screen.
 */
const e2e = e2eSession()

interface TextBox {
  key: string
  text: string
  fontSize: number
  lineHeight: number
  cut: string | null
}

/** Every visible element with its own text on the current page, with what would make it unreadable. */
function measure(page: Page, root: string): Promise<{ sideways: number; boxes: TextBox[] }> {
  return page.evaluate((root) => {
    const vw = document.documentElement.clientWidth
    const roots = [...document.querySelectorAll<HTMLElement>(`.page.${root}`)].filter((el) => el.getClientRects().length > 0)
    const boxes: TextBox[] = []
    const pathOf = (el: Element): string => {
      const parts: string[] = []
      for (let e: Element | null = el; e && !e.classList.contains('page'); e = e.parentElement) {
        parts.unshift(`${e.tagName}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''}:${[...(e.parentElement?.children ?? [])].indexOf(e)}`)
      }
      return parts.join('>')
    }
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const seen = new Set<Element>()
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        const text = (n.textContent ?? '').trim()
        if (!el || !text || seen.has(el)) continue
        seen.add(el)
        const cs = getComputedStyle(el)
        const rect = el.getBoundingClientRect()
        if (cs.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue
        const fontSize = parseFloat(cs.fontSize)
        const lineHeight = cs.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(cs.lineHeight)
        let cut: string | null = null
        if (rect.right > vw + 1 || rect.left < -1) cut = `off screen (${Math.round(rect.left)}–${Math.round(rect.right)} of ${vw})`
        else if (cs.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) cut = `cut across (${el.scrollWidth} > ${el.clientWidth})`
        else if (cs.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1 && cs.overflowY !== 'auto' && cs.overflowY !== 'scroll') cut = `cut down (${el.scrollHeight} > ${el.clientHeight})`
        boxes.push({ key: pathOf(el), text: text.slice(0, 30), fontSize, lineHeight, cut })
      }
    }
    return { sideways: document.scrollingElement!.scrollWidth - vw, boxes }
  }, root)
}

/** Each page by its root's class (PageRoot) and a text that shows once its data is in. */
const PAGES: { name: string; hash: string; root: string; ready: string | RegExp }[] = [
  { name: 'hub', hash: '/pages/hub/index', root: 'hub', ready: '周小勇，您好' },
  { name: 'inbox', hash: '/pages/inbox/index', root: 'inbox', ready: /欢迎/ },
  { name: 'me', hash: '/pages/me/index', root: 'me', ready: '大字模式' },
  { name: 'mine', hash: '/packages/applications/pages/mine/index', root: 'mine', ready: '办理其他事项' },
  { name: 'apply', hash: '/packages/legal-aid/pages/apply/index', root: 'apply', ready: '提交申请' },
  { name: 'profile', hash: '/packages/account/pages/profile/index', root: 'profile', ready: '保存' },
  { name: 'consent', hash: '/packages/account/pages/consent/index', root: 'consent', ready: /同意/ },
  { name: 'volunteer', hash: '/packages/volunteer/pages/index/index', root: 'volunteer', ready: '分可用' },
  { name: 'tasks', hash: '/packages/volunteer/pages/tasks/index', root: 'tasks', ready: '可以报名的' },
  { name: 'hours', hash: '/packages/volunteer/pages/hours/index', root: 'tasks', ready: /年最多补录/ },
  { name: 'ledger', hash: '/packages/volunteer/pages/ledger/index', root: 'ledger', ready: /^余额 \d+ 分$/ },
  { name: 'board', hash: '/packages/volunteer/pages/leaderboard/index', root: 'board', ready: /您排第|您还没有上榜/ },
  { name: 'record', hash: '/packages/volunteer/pages/record/index', root: 'record', ready: /志愿服务情况如下/ },
]

async function open(page: Page, hash: string, root: string, ready: string | RegExp) {
  await page.goto(`${e2e.server.url}#${hash}`)
  await page.locator(`.page.${root}`).getByText(ready).first().waitFor()
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
}

test('大字模式 in 我的 scales every page by 1.3 with nothing cut off, and stays on after a restart', async () => {
  const page = await (await phoneContext(e2e.browser)).newPage()
  await page.goto(e2e.server.url)
  await page.getByText(/^周小勇 · 外卖配送员/).click()
  await page.getByText('周小勇，您好').waitFor()

  const normal = new Map<string, Map<string, TextBox>>()
  for (const p of PAGES) {
    await open(page, p.hash, p.root, p.ready)
    normal.set(p.name, new Map((await measure(page, p.root)).boxes.map((b) => [b.key, b])))
  }

  await open(page, '/pages/me/index', 'me', '大字模式')
  const toggle = page.locator('[role="switch"]', { hasText: '大字模式' })
  expect(await toggle.getAttribute('aria-checked')).toBe('false')
  await toggle.getByText('已关闭').waitFor()
  await toggle.click()
  // The state is said in words as well as by the knob.
  await toggle.getByText('已开启').waitFor()
  expect(await toggle.getAttribute('aria-checked')).toBe('true')

  // A restart keeps it (a device preference in local storage).
  await page.reload()
  await page.getByText('已开启').waitFor()

  for (const p of PAGES) {
    await open(page, p.hash, p.root, p.ready)
    await e2e.shot(page, `large-text-${p.name}`)
    const { sideways, boxes } = await measure(page, p.root)
    expect({ page: p.name, sideways: Math.max(0, sideways) }).toEqual({ page: p.name, sideways: 0 })
    expect(boxes.length).toBeGreaterThan(2)
    const cut = boxes.filter((b) => b.cut).map((b) => `${b.text}: ${b.cut}`)
    expect({ page: p.name, cut }).toEqual({ page: p.name, cut: [] })
    const tight = boxes.filter((b) => b.lineHeight < b.fontSize * 1.3 - 0.5).map((b) => `${b.text}: ${b.lineHeight}/${b.fontSize}`)
    expect({ page: p.name, tight }).toEqual({ page: p.name, tight: [] })
    // Every text that was there before is now 1.3 times as large.
    const before = normal.get(p.name)!
    const matched = boxes.filter((b) => before.has(b.key))
    expect(matched.length).toBeGreaterThan(2)
    const unscaled = matched.filter((b) => Math.abs(b.fontSize / before.get(b.key)!.fontSize - 1.3) > 0.02).map((b) => `${b.text}: ${before.get(b.key)!.fontSize} → ${b.fontSize}`)
    expect({ page: p.name, unscaled }).toEqual({ page: p.name, unscaled: [] })
  }

  // And off again: back to the normal size.
  await open(page, '/pages/me/index', 'me', '大字模式')
  await page.locator('[role="switch"]', { hasText: '大字模式' }).click()
  await page.getByText('已关闭').waitFor()
  const me = (await measure(page, 'me')).boxes.find((b) => b.text === '大字模式')!
  expect(me.fontSize).toBeCloseTo(normal.get('me')!.get(me.key)!.fontSize, 1)
}, 120_000)
