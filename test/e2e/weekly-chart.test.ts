import type { Page } from 'playwright-core'
import type { WeeklyFigures } from '~types/application.contract'
import type { ApplicationView } from '~types/application.schema'
import { APPLICATIONS } from '../../cloudfunctions/shared/workflow/application.doc'
import { WAGES_REQUEST } from '../support/requests'
import { desktopContext, e2eSession, phoneContext } from './browser'

/**
 * 近 12 周 on the workbench in a real browser: the chart is drawn by uCharts on Taro's 2d canvas from the
 * `application.weekly` answer, and the table beside it shows the same numbers. Screenshots in test-results/e2e/.
 */
const e2e = e2eSession()

const DAY = 86_400_000
/** Received per week back (0 = this week) and how many of them were decided two days later. */
const HISTORY: [weeksBack: number, received: number, decided: number][] = [
  [10, 2, 1], [9, 3, 2], [8, 1, 1], [7, 4, 3], [6, 2, 2], [5, 5, 3], [4, 3, 3], [3, 6, 4], [2, 2, 2], [1, 4, 2],
]

beforeAll(async () => {
  // One request filed as a rider files it, this week; earlier weeks as copies of it, filed and decided back then.
  const rider = await e2e.server.login('demo-rider')
  const filed = await e2e.server.call<ApplicationView>('legalAid', 'submit', WAGES_REQUEST, { token: rider })
  if (!filed.body.ok) throw new Error(JSON.stringify(filed.body.error))
  const apps = e2e.server.runtime.db.collection(APPLICATIONS)
  const { _id, ...doc } = (await apps.doc(filed.body.data.id).get()).data[0] as { _id: string; caseNo: string }
  const now = Date.now()
  let n = 0
  for (const [back, received, decided] of HISTORY) {
    for (let i = 0; i < received; i++) {
      const createdAt = new Date(now - back * 7 * DAY - i * 3600_000)
      const decision = i < decided ? { result: i % 3 ? 'approved' : 'rejected', reason: '示例', at: new Date(createdAt.getTime() + 2 * DAY) } : null
      await apps.add({ ...doc, caseNo: `${doc.caseNo}-H${++n}`, createdAt, updatedAt: createdAt, status: decision ? decision.result : 'withdrawn', open: false, dueAt: null, decision })
    }
  }
}, 60_000)

/** The table's rows as numbers: [received, decided] per week, oldest first. */
async function tableNumbers(page: Page): Promise<[number, number][]> {
  return page.locator('.weekly__table [role="row"]').evaluateAll((rows) =>
    rows.slice(1).map((r) => [...r.querySelectorAll('[role="cell"]')].map((c) => Number(c.textContent)) as [number, number]),
  )
}

/** Pixels of the chart's canvas near each series colour: both lines were drawn if both are found. */
async function drawnPixels(page: Page) {
  return page.locator('.weekly-chart canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    const near = (i: number, [r, g, b]: number[]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40
    let received = 0
    let decided = 0
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, [0xb8, 0x4a, 0x1c])) received++
      if (near(i, [0x1d, 0x5a, 0x9e])) decided++
    }
    return { received, decided, width: canvas.width, cssWidth: canvas.clientWidth, ratio: window.devicePixelRatio }
  })
}

test('a reviewer at a desk sees 12 weeks of received and decided requests, charted and in a table of the same numbers', async () => {
  const staff = await e2e.server.login('demo-staff-nantong')
  const answer = await e2e.server.call<WeeklyFigures>('application', 'weekly', {}, { token: staff })
  if (!answer.body.ok) throw new Error(JSON.stringify(answer.body.error))
  const f = answer.body.data
  const legalAid = f.kinds.find((k) => k.kind === 'legalAid')!
  // With several kinds the chart starts with all of them added up.
  const shown = f.weeks.map((_, i) => [f.kinds.reduce((n, k) => n + k.received[i], 0), f.kinds.reduce((n, k) => n + k.decided[i], 0)])
  expect(legalAid.received.slice(1, 11)).toEqual(HISTORY.map(([, r]) => r))

  const desk = await (await desktopContext(e2e.browser)).newPage()
  await desk.goto(e2e.server.url)
  await desk.getByText(/^顾敏 · 工作人员/).click()
  await desk.getByText('工作台', { exact: true }).click()
  const section = desk.getByRole('region', { name: '近 12 周收到和已决定的申请' })
  await section.scrollIntoViewIfNeeded()
  await desk.locator('.weekly__table').waitFor()
  expect(await tableNumbers(desk)).toEqual(shown)
  await section.getByText(/近 12 周共收到 \d+ 件、已决定 \d+ 件。本周（\d+月\d+日(–\d+月\d+日)?）收到 \d+ 件、已决定 \d+ 件，还在累计。/).waitFor()
  expect(await section.getByText(/（本周）$/).count()).toBe(1)

  // uCharts drew both series on the 2d canvas, at the screen's pixel ratio.
  await desk.waitForFunction(() => {
    const c = document.querySelector('.weekly-chart canvas') as HTMLCanvasElement | null
    return !!c && c.width > 0 && c.width === Math.round(c.clientWidth * window.devicePixelRatio)
  })
  const px = await drawnPixels(desk)
  expect(px.received).toBeGreaterThan(200)
  expect(px.decided).toBeGreaterThan(100)
  // The chart is described for a screen reader; the legend names each line by its pattern, not only its colour.
  expect(await desk.getByRole('img', { name: /^折线图：/ }).count()).toBe(1)
  await desk.locator('.weekly__legend').getByText('━●━ 收到').waitFor()
  await desk.locator('.weekly__legend').getByText('┅▲┅ 已决定').waitFor()
  await section.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await e2e.shot(desk, '13-workbench-weekly-desk')

  // Several kinds: a picker; picking legal aid shows its own numbers.
  if (f.kinds.length > 1) {
    await section.getByRole('radio', { name: '法律援助' }).click()
    const own = legalAid.received.map((r, i) => [r, legalAid.decided[i]])
    for (const start = Date.now(); JSON.stringify(await tableNumbers(desk)) !== JSON.stringify(own) && Date.now() - start < 3000; ) await desk.waitForTimeout(50)
    expect(await tableNumbers(desk)).toEqual(own)
  }

  const phone = await (await phoneContext(e2e.browser)).newPage()
  await phone.goto(e2e.server.url)
  await phone.getByText(/^顾敏 · 工作人员/).click()
  await phone.getByText('工作台', { exact: true }).click()
  const onPhone = phone.getByRole('region', { name: '近 12 周收到和已决定的申请' })
  await phone.locator('.weekly__table').waitFor()
  await phone.waitForFunction(() => ((document.querySelector('.weekly-chart canvas') as HTMLCanvasElement | null)?.width ?? 0) > 0)
  await onPhone.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await e2e.shot(phone, '13b-workbench-weekly-phone')
}, 90_000)
