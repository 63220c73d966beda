import type { WeeklyFigures } from '~types/application.contract'
import { WAGES_REQUEST } from '../support/requests'
import { callAs } from './call'
import { loadPage } from './load-page'

const call = callAs

/** The exparser element behind a rendered DOM node (miniprogram-simulate keeps it there): WeChat's own component tree. */
interface WxElement {
  __id: string
  parentNode: WxElement | null
  ownerShadowRoot: { __wxHost: { data: unknown } }
  querySelector(selector: string): WxElement | null
}
const wxOf = (el: Element) => (el as Element & { __wxElement?: WxElement }).__wxElement

test('近 12 周 in the weapp build: a 2d canvas the chart finds, and the same numbers in words and in a table', async () => {
  await call('demo-rider', 'legalAid', 'submit', WAGES_REQUEST)
  const figures = await call<WeeklyFigures>('demo-staff-nantong', 'application', 'weekly', {})
  // With one kind the chart shows it; with several, all of them added up until one is picked.
  const sum = (key: 'received' | 'decided', week?: number) => figures.kinds.reduce((n, k) => n + (week === undefined ? k[key].reduce((a, b) => a + b, 0) : k[key][week]), 0)
  expect(sum('received', 11)).toBeGreaterThanOrEqual(1)

  const page = await loadPage('packages/workbench/pages/index/index', {}, { openid: 'demo-staff-nantong' })
  await page.waitForText('近 12 周')
  await page.waitForText(`近 12 周共收到 ${sum('received')} 件、已决定 ${sum('decided')} 件。`)
  expect(page.text()).toContain(`收到 ${sum('received', 11)} 件、已决定 ${sum('decided', 11)} 件，还在累计。`)
  // The table: a header, then the weeks; the last is this week, still running.
  expect(page.text()).toContain('周收到已决定')
  expect(page.text()).toContain('（本周）')

  // One canvas, WeChat's own component (simulate has no real canvas, so nothing is drawn on it here).
  const canvases = [...page.dom.querySelectorAll('wx-canvas')]
  expect(canvases).toHaveLength(1)
  const canvas = wxOf(canvases[0])!
  expect(canvas.__id).toMatch(/^weekly-chart-/)
  // Its node in Taro's data asks for a canvas of type 2d.
  const data = JSON.stringify(canvas.ownerShadowRoot.__wxHost.data)
  expect(data).toMatch(new RegExp(`"sid":"${canvases[0].getAttribute('data-sid')}"[^}]*"2d"|"2d"[^}]*"sid":"${canvases[0].getAttribute('data-sid')}"`))
  // It sits inside Taro's `comp` component (deeper than the template levels): a page-wide `#id` misses it, and the
  // chart's query reaches it from its section with `>>>`, as WeChat's selector query does (exparser is WeChat's).
  const section = [...page.dom.querySelectorAll('*')].find((el) => [...el.classList].some((c) => c === 'weekly' || c.endsWith('--weekly')))!
  let top = wxOf(section)!
  while (top.parentNode) top = top.parentNode
  expect(top.querySelector(`#${canvas.__id}`)).toBeNull()
  expect(top.querySelector(`.weekly >>> #${canvas.__id}`)).toBe(canvas)
  page.unload()
})
