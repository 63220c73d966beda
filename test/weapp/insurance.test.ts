import { loadPage } from './load-page'

test('我的保障 in the weapp: 陆建华’s policy in force — number, insurer, period, cover left — and 一键报案 at the top', async () => {
  const page = await loadPage('packages/insurance/pages/index/index', {}, { openid: 'demo-changshu' })
  await page.waitForText('我的保单')
  const text = page.text()
  expect(text).toMatch(/保单号\s*ZS-\d{4}-\d{6}/)
  expect(text).toContain('常熟市灵活就业人员职业伤害保险')
  expect(text).toContain('保险公司常熟市人社局公布的承保保险公司')
  expect(text).toMatch(/保障期间\s*\d{4}年\d+月\d+日 至 \d{4}年\d+月\d+日/)
  expect(text).toContain('保费360 元/年')
  expect(text).toContain('最高赔付每年 400,000 元，还剩 400,000 元')
  // The state in words, not colour alone; a policy ten months from its end has no renewal button yet.
  expect(text).toContain('保障中')
  expect(text).toMatch(/还有 \d+ 天到期/)
  expect(text).not.toContain('续保')
  expect(text).toContain('✓ 已参保')
  expect(text).toMatch(/您已参保（保单 ZS-\d{4}-\d{6}），保障中/)
  // He drives for 曹操出行 too: the pilot covers him through the platform.
  expect(text).toContain('您在曹操出行接单时受伤有保障')
  await page.tap('.ins-report__button')
  expect(page.navigations[0]).toMatchObject({ api: 'navigateTo', url: '/packages/insurance/pages/report/index' })
  page.unload()
})
