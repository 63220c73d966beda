import { loadPage } from './load-page'

test('the hub greets the signed-in worker from the weapp build, through the cloud function', async () => {
  const page = await loadPage('pages/hub/index', {}, { openid: 'demo-rider' })
  await page.waitForText('周小勇，您好')
  expect(page.text()).toContain('外卖配送员 · 南通市 崇川区')
  // Every service on the hub, 附近暖心驿站 the last to open.
  expect(page.text()).toContain('附近暖心驿站')
  // A plain worker sees no staff entry.
  expect(page.text()).not.toContain('工作台')
  page.unload()
})

test('staff see the 工作台 entry on the hub', async () => {
  const page = await loadPage('pages/hub/index', {}, { openid: 'demo-staff-nantong' })
  await page.waitForText('顾敏，您好')
  expect(page.text()).toContain('工作台')
  page.unload()
})
