import { loadPage } from './load-page'

test('the hub tab renders its title and introduction from the weapp build', async () => {
  const page = await loadPage('pages/hub/index')
  expect(page.text()).toContain('首页')
  expect(page.text()).toContain('暖新为快递员、骑手、网约车司机提供')
  page.unload()
})
