import type { ApplicationView, ReviewView } from '~types/application.schema'
import { WAGES_REQUEST } from '../support/requests'
import { callAs } from './call'
import { loadPage } from './load-page'

const call = callAs

test('the workbench renders in the weapp build for staff: scope, figures and the queue, through the cloud function', async () => {
  const page = await loadPage('packages/workbench/pages/index/index', {}, { openid: 'demo-staff-nantong' })
  await page.waitForText('南通市 崇川区')
  await page.waitForText('两个工作日内到期')
  // The filters fold into one line; a tap opens them.
  await page.waitForText('筛选：全部类型 · 全部待处理 · 期限不限')
  // (Status words also appear on the rows of other tests' applications: look for an option only the panel has.)
  expect(page.text()).not.toContain('全部状态（含已决定）')
  await page.tap('.queue__filter-line')
  await page.waitForText('全部状态（含已决定）')
  page.unload()
})

test('an approved application offers 办结 in WeChat, and the trail names the reviewer', async () => {
  const filed = await call<ApplicationView>('demo-rider', 'legalAid', 'submit', WAGES_REQUEST)
  const started = await call<ReviewView>('demo-staff-nantong', 'application', 'startReview', { id: filed.id, version: filed.version })
  await call<ReviewView>('demo-staff-nantong', 'application', 'approve', { id: filed.id, version: started.version, details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } })
  const page = await loadPage('packages/workbench/pages/detail/index', { id: filed.id }, { openid: 'demo-staff-nantong' })
  await page.waitForText('决定：批准')
  expect(page.text()).toContain('办结')
  expect(page.text()).toContain('工作人员 顾敏')
  page.unload()
})

test('a worker opening the workbench in WeChat is told it is for staff', async () => {
  const page = await loadPage('packages/workbench/pages/index/index', {}, { openid: 'demo-courier' })
  await page.waitForText('工作台只对工作人员开放')
  page.unload()
})
