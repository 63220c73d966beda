import type { LedgerPage, VolunteerAccountView } from '~types/volunteer.schema'
import { callAs } from './call'
import { loadPage } from './load-page'

/** 志愿服务积分 in the weapp build: 周小勇's points and hours on the home, and his entries on 积分明细, as WeChat renders them. */
test('the home shows the seeded balance, this month’s points, hours and star progress; its card links to the ledger', async () => {
  const account = await callAs<VolunteerAccountView>('demo-rider', 'volunteer', 'account', {})
  const page = await loadPage('packages/volunteer/pages/index/index', {}, { openid: 'demo-rider' })
  await page.waitForText('分可用')
  const text = page.text()
  // Separate texts run together in the rendered WXML's text: 70分可用.
  expect(text).toContain(`${account.balance}分可用`)
  expect(text).toContain(`本月获得 ${account.monthPoints} 分 · 累计获得 ${account.earnedTotal} 分`)
  expect(text).toMatch(/志愿服务 [\d.]+ 小时/)
  expect(text).toMatch(/再服务 [\d.]+ 小时升到一星（累计满 100 小时）/)
  expect(text).toContain('所在队伍：崇川骑手志愿队')
  await page.tap('vol-link')
  expect(page.navigations[0]).toMatchObject({ api: 'navigateTo', url: '/packages/volunteer/pages/ledger/index' })
  page.unload()
})

test('积分明细 lists the entries newest first with sign, words, reason and balance after', async () => {
  const { entries } = await callAs<LedgerPage>('demo-rider', 'volunteer', 'ledger', {})
  const page = await loadPage('packages/volunteer/pages/ledger/index', {}, { openid: 'demo-rider' })
  await page.waitForText(entries[0].reason)
  const text = page.text()
  for (const e of entries) {
    expect(text).toContain(e.reason)
    expect(text).toContain(`${e.amount > 0 ? '+' : '−'}${Math.abs(e.amount)} 分${e.amount > 0 ? '获得' : '支出'}`)
    expect(text).toContain(`余额 ${e.balanceAfter} 分`)
  }
  // Newest first.
  expect(text.indexOf(entries[0].reason)).toBeLessThan(text.indexOf(entries[entries.length - 1].reason))
  expect(text).toContain('查看这条随手拍')
  page.unload()
})
