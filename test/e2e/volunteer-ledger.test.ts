import { desktopContext, e2eSession, phoneContext } from './browser'

/**
 * 志愿服务积分's own pages in a real browser: 周小勇 on a phone opens his points, the ledger (核对积分), the month's
 * board and his 志愿服务记录证明, downloads its PDF; at a desk the certificate reads as a page; anyone checks its
 * number without signing in. Screenshots in test-results/e2e/.
 */
const e2e = e2eSession()

test('a rider reads his points, checks the ledger, sees the board, and downloads his certificate; anyone verifies it', async () => {
  const phone = await (await phoneContext(e2e.browser)).newPage()
  await phone.goto(e2e.server.url)
  await phone.getByText(/^周小勇 · 外卖配送员/).click()
  await phone.locator('.page.hub').waitFor()
  await phone.goto(`${e2e.server.url}#/packages/volunteer/pages/index/index`)
  await phone.getByText('分可用').waitFor()
  await e2e.shot(phone, 'volunteer-01-home')

  await phone.getByRole('link', { name: '积分明细' }).click()
  await phone.locator('.page.ledger').getByText(/^余额 \d+ 分$/).first().waitFor()
  await e2e.shot(phone, 'volunteer-02-ledger')
  await phone.getByRole('button', { name: '核对积分' }).click()
  await phone.getByText('✓ 核对无误').waitFor()
  await phone.getByText(/^全部 \d+ 笔明细加起来是 \d+ 分，和现有积分 \d+ 分一致。$/).waitFor()
  await e2e.shot(phone, 'volunteer-03-checked')

  await phone.goto(`${e2e.server.url}#/packages/volunteer/pages/leaderboard/index`)
  await phone.locator('.page.board .board-me').waitFor()
  await e2e.shot(phone, 'volunteer-04-board')

  await phone.goto(`${e2e.server.url}#/packages/volunteer/pages/record/index`)
  const paper = phone.locator('.page.record .record-paper')
  await paper.getByText('周小勇', { exact: true }).waitFor()
  const number = ((await paper.locator('.record-paper__number').textContent()) ?? '').replace('编号：', '')
  expect(number).toMatch(/^ZYZM-\d{4}-\d{6}$/)
  await e2e.shot(phone, 'volunteer-05-record')
  // 下载 PDF opens the signed link in a new tab: a PDF, served as one.
  const [tab] = await Promise.all([phone.context().waitForEvent('page'), phone.getByRole('button', { name: '下载 PDF' }).click()])
  const response = await tab.waitForEvent('response', { predicate: (r) => r.url().includes('/api/files/') })
  expect(response.headers()['content-type']).toBe('application/pdf')
  // The browser's viewer takes the response over: fetch the same signed link again for its bytes.
  expect((await (await tab.context().request.get(response.url())).body()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4')
  await tab.close()

  // At a desk the certificate is a page to print.
  const desk = await (await desktopContext(e2e.browser)).newPage()
  await desk.goto(e2e.server.url)
  await desk.getByText(/^周小勇 · 外卖配送员/).click()
  await desk.locator('.page.hub').waitFor()
  await desk.goto(`${e2e.server.url}#/packages/volunteer/pages/record/index`)
  await desk.locator('.page.record .record-paper').getByText('周小勇', { exact: true }).waitFor()
  await desk.getByRole('button', { name: '打印' }).waitFor()
  await e2e.shot(desk, 'volunteer-06-record-desk')
  await desk.emulateMedia({ media: 'print' })
  await desk.evaluate(() => {
    // What 打印 adds before calling print(): only the paper is visible to the printer.
    window.print = () => undefined
  })
  await desk.getByRole('button', { name: '打印' }).click()
  expect(await desk.locator('.page.record .page__title').first().evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden')
  expect(await desk.locator('.record-paper__title').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible')
  // The whole paper is on the sheet: nothing past its right edge.
  const { right, width } = await desk.locator('.record-paper').evaluate((el) => ({ right: el.getBoundingClientRect().right, width: document.documentElement.clientWidth }))
  expect(right).toBeLessThanOrEqual(width + 1)
  await e2e.shot(desk, 'volunteer-07-record-print')

  // Anyone, not signed in, checks the number.
  const stranger = await (await phoneContext(e2e.browser)).newPage()
  await stranger.goto(`${e2e.server.url}#/packages/volunteer/pages/record-verify/index?number=${number}`)
  await stranger.getByText('✓ 查到这份证明').waitFor()
  await stranger.getByText('周**').waitFor()
  await e2e.shot(stranger, 'volunteer-08-verify')
}, 120_000)
