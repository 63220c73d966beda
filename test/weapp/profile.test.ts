import { loadPage } from './load-page'

test('the profile form renders in the weapp build, deep nodes included (beyond baseLevel, via comp)', async () => {
  const page = await loadPage('packages/account/pages/profile/index', {}, { openid: `weapp-profile-${Date.now()}` })
  await page.waitForText('完善个人信息')
  // Chips sit five levels deep: they render through Taro's recursive comp template.
  for (const text of ['外卖配送员', '南京市', '宿迁市', '我已阅读并同意']) expect(page.text()).toContain(text)
  page.unload()
})
