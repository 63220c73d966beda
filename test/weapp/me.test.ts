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
