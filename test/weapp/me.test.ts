import { loadPage } from './load-page'

test('我的 in the weapp has no demo sign-in and opens the profile form on tap', async () => {
  const page = await loadPage('pages/me/index')
  // The demo sign-in exists only in the H5 build: it must not ship to WeChat.
  expect(page.text()).not.toContain('演示登录')
  await page.tap('.entry')
  expect(page.navigations).toEqual([{ api: 'navigateTo', url: '/packages/account/pages/profile/index' }])
  page.unload()
})
