import { loadPage } from './load-page'

test('我的 in the weapp shows the masked ID number, no demo sign-out, and opens 我的申请 (its first entry) on tap', async () => {
  const page = await loadPage('pages/me/index', {}, { openid: 'demo-courier' })
  await page.waitForText('李娟')
  expect(page.text()).toMatch(/320\*{11}\d{3}[\dX]/)
  // The demo sign-in/out exists only in the H5 build: it must not ship to WeChat.
  expect(page.text()).not.toContain('退出登录')
  await page.tap('.entry')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/packages/applications/pages/mine/index' }])
  page.unload()
})

test('a new WeChat user is sent to the profile form first', async () => {
  const page = await loadPage('pages/me/index', {}, { openid: `weapp-newcomer-${Date.now()}` })
  for (const start = Date.now(); !page.navigations.length && Date.now() - start < 3000; ) await new Promise((r) => setTimeout(r, 20))
  expect(page.navigations).toEqual([{ api: 'reLaunch', url: '/packages/account/pages/profile/index' }])
  page.unload()
})

test('大字模式 in the weapp: the switch puts .text-large on the page root, and the WXSS scales every font size by it', async () => {
  const { readFileSync, readdirSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { WEAPP_ROOT } = await import('./load-page')
  const page = await loadPage('pages/me/index', {}, { openid: 'demo-courier' })
  await page.waitForText('大字模式')
  const root = () => [...page.dom.querySelectorAll('*')].find((el) => [...el.classList].some((c) => c === 'page' || c.endsWith('--page')))!
  expect([...root().classList].some((c) => c.endsWith('text-large'))).toBe(false)
  expect(page.text()).toContain('已关闭')
  await page.tap('.me__switch')
  await page.waitForText('已开启')
  expect([...root().classList].some((c) => c.endsWith('text-large'))).toBe(true)
  page.unload()

  // What WeChat applies: the scale on .text-large, font sizes in rpx multiplied by it — none left fixed.
  const files = readdirSync(WEAPP_ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.wxss'))
  const wxss = new Map(files.map((f) => [f, readFileSync(join(WEAPP_ROOT, f), 'utf8')]))
  expect([...wxss.values()].join('\n')).toMatch(/\.text-large\{--text-scale:1\.3\}/)
  expect(wxss.get('pages/me/index.wxss')).toMatch(/font-size:calc\(\d+rpx\*var\(--text-scale, ?1\)\)/)
  const fixed = [...wxss]
    .flatMap(([f, css]) => [...css.matchAll(/font-size:\s*([^;}]+)/g)].map((m) => `${f}: ${m[1]}`))
    .filter((d) => !/var\(--text-scale|inherit/.test(d))
  expect(fixed).toEqual([])
})
