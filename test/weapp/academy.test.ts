import { loadPage } from './load-page'

test('江海新才学院 in the weapp: the catalogue of the worker’s city from the cloud sandbox, an offer opens on tap', async () => {
  const page = await loadPage('packages/academy/pages/index/index', {}, { openid: 'demo-rider' })
  await page.waitForText('快递员四级（中级工）晚班')
  expect(page.text()).toContain('城市：南通市')
  // Seats in words, not colour alone.
  expect(page.text()).toMatch(/还剩 1 个名额（共 2 个）/)
  await page.tap('.offer')
  expect(page.navigations[0]).toMatchObject({ api: 'navigateTo', url: expect.stringMatching(/^\/packages\/academy\/pages\/offer\/index\?id=/) })
  page.unload()
})

test('我的学习 in the weapp: enrolments with credits, and the certificate’s subsidy window counted down', async () => {
  const page = await loadPage('packages/academy/pages/learning/index', {}, { openid: 'demo-rider' })
  await page.waitForText('物流管理（专科）')
  expect(page.text()).toContain('已修 27 学分，还差 53 学分毕业')
  expect(page.text()).toMatch(/还有 \d+ 天可申请技能提升补贴/)
  page.unload()
})
