import type { Page } from 'playwright-core'
import { demoIdNumber } from '../../server/demo-id'
import { e2eSession, phoneContext } from './browser'

/**
 * The one login flow in a real browser: the H5 build served by the local server, driven like a rider's phone.
 * Screenshots land in test-results/e2e/ for a person to look at.
 */
const e2e = e2eSession()

const input = (page: Page, placeholder: string) => page.locator(`input[placeholder^="${placeholder}"]`)

test('a new worker signs in, fixes a bad ID number, and sees the masked number and the hub', async () => {
  const page = await (await phoneContext(e2e.browser)).newPage()
  await page.goto(e2e.server.url)
  await page.getByText('以新用户身份体验').waitFor()
  await e2e.shot(page, '01-signin')

  await input(page, '输入一个名字').fill('e2e-rider')
  await page.getByText('以新用户身份进入').click()
  await page.getByText('完善个人信息').waitFor()

  const good = demoIdNumber('320613', '1996-08-08', 77)
  const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1')
  await input(page, '与身份证上一致').fill('张小北')
  await input(page, '18 位身份证号').fill(bad)
  await input(page, '11 位手机号').fill('13712345678')
  await page.getByText('外卖配送员', { exact: true }).click()
  await input(page, '如 美团外卖').fill('美团外卖')
  await page.getByText('南通市', { exact: true }).click()
  await page.getByText('崇川区', { exact: true }).click()
  await page.getByText(/^我已阅读并同意/).click()
  await page.getByText(/^我单独同意/).click()
  await page.getByText('保存并开始使用').click()

  await page.getByText(/身份证号不正确/).first().waitFor()
  await e2e.shot(page, '02-profile-id-error')

  // The half-filled form survives an app restart.
  await page.reload()
  await page.getByText('完善个人信息').waitFor()
  expect(await input(page, '与身份证上一致').inputValue()).toBe('张小北')
  expect(await input(page, '18 位身份证号').inputValue()).toBe(bad)

  await input(page, '18 位身份证号').fill(good)
  await page.getByText('保存并开始使用').click()
  await page.getByText('张小北，您好').waitFor()
  await e2e.shot(page, '03-hub')

  await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
  await page.getByText(`${good.slice(0, 3)}***********${good.slice(-4)}`).waitFor()
  await e2e.shot(page, '04-me')
  expect(await page.content()).not.toContain(good)
}, 60_000)

test('staff see the 工作台 entry', async () => {
  const page = await (await phoneContext(e2e.browser)).newPage()
  await page.goto(e2e.server.url)
  await page.getByText(/^顾敏 · 工作人员/).click()
  await page.getByText('顾敏，您好').waitFor()
  await page.getByText('工作台', { exact: true }).waitFor()
  await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
  await page.locator('.entry', { hasText: '工作台' }).waitFor()
  await e2e.shot(page, '05-staff-me')
}, 60_000)
