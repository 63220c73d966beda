import { loadPage } from './load-page'

test('the workbench renders in the weapp build for staff: scope, figures and the queue, through the cloud function', async () => {
  const page = await loadPage('packages/workbench/pages/index/index', {}, { openid: 'demo-staff-nantong' })
  await page.waitForText('南通市 崇川区')
  await page.waitForText('两个工作日内到期')
  await page.waitForText('全部未办结')
  page.unload()
})

test('a worker opening the workbench in WeChat is told it is for staff', async () => {
  const page = await loadPage('packages/workbench/pages/index/index', {}, { openid: 'demo-courier' })
  await page.waitForText('工作台只对工作人员开放')
  page.unload()
})
