import { fireEvent, render, screen, within } from '@testing-library/react'
import type { WeeklyFigures } from '~types/application.contract'
import { APPLICATION_KINDS, KINDS } from '~types/kinds'
import type { Remote } from '../../../../hooks/use-remote'
import { Weekly } from './weekly'

/**
 * 近 12 周 from given answers of `application.weekly` (the browser and weapp tests draw it from the server's): the
 * words, the table, the kind picker and the empty states. jsdom has no canvas: the chart folds away, the table stays.
 */
const WEEKS = ['2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']
const zeros = () => WEEKS.map(() => 0)
const remote = (data: WeeklyFigures): Remote<WeeklyFigures> => ({ data, error: null, loading: false, reload: async () => undefined, setData: () => undefined })

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1)
const cells = (row: HTMLElement) => [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')].map((c) => c.textContent)

test('one kind: a sentence, the chart and a table of twelve weeks, the current one still running', () => {
  const received = [0, 2, 3, 1, 4, 2, 5, 3, 6, 2, 4, 1]
  const decided = [0, 1, 2, 1, 3, 2, 3, 3, 4, 2, 2, 0]
  render(<Weekly weekly={remote({ weeks: WEEKS, today: '2026-12-02', kinds: [{ kind: 'legalAid', received, decided }] })} />)
  expect(screen.getByText('法律援助：近 12 周共收到 33 件、已决定 23 件。本周（11月30日–12月2日）收到 1 件、已决定 0 件，还在累计。')).toBeTruthy()
  expect(screen.queryByRole('radiogroup')).toBeNull()
  expect(screen.getByRole('img', { name: /^折线图：法律援助每周收到和已决定的申请数。/ })).toBeTruthy()
  expect(document.querySelector('taro-canvas-core.weekly-chart')).toBeTruthy()
  expect(rows()).toHaveLength(12)
  expect(cells(rows()[0])).toEqual(['9月14日–9月20日', '0', '0'])
  expect(cells(rows()[10])).toEqual(['11月23日–11月29日', '4', '2'])
  expect(cells(rows()[11])).toEqual(['11月30日–12月2日（本周）', '1', '0'])
})

test('several kinds: all of them added up, then one picked', () => {
  // Two kinds of the registry: the picker and the sums take however many there are.
  const kinds = APPLICATION_KINDS.slice(0, 2)
  const a = zeros().map((_, i) => i)
  const b = zeros().map((_, i) => (i === 11 ? 5 : 0))
  const figures: WeeklyFigures = { weeks: WEEKS, today: '2026-11-30', kinds: [{ kind: kinds[0], received: a, decided: b }, { kind: kinds[1], received: b, decided: a }] }
  render(<Weekly weekly={remote(figures)} />)
  expect(screen.getByText('全部类型：近 12 周共收到 71 件、已决定 71 件。本周（11月30日）收到 16 件、已决定 16 件，还在累计。')).toBeTruthy()
  expect(cells(rows()[11])).toEqual(['11月30日（本周）', '16', '16'])
  const picker = screen.getByRole('radiogroup')
  expect(within(picker).getAllByRole('radio').map((r) => r.textContent)).toEqual(['✓ 全部类型', KINDS[kinds[0]].label, KINDS[kinds[1]].label])
  fireEvent.click(within(picker).getAllByRole('radio')[1])
  expect(cells(rows()[11])).toEqual(['11月30日（本周）', '11', '5'])
  expect(cells(rows()[3])).toEqual(['10月5日–10月11日', '3', '0'])
})

test('nothing received or decided in twelve weeks, or no kind to review: it says so instead of an empty chart', () => {
  const { unmount } = render(<Weekly weekly={remote({ weeks: WEEKS, today: '2026-12-02', kinds: [{ kind: 'legalAid', received: zeros(), decided: zeros() }] })} />)
  expect(screen.getByText('近 12 周没有收到或决定的申请')).toBeTruthy()
  expect(document.querySelector('.weekly-chart')).toBeNull()
  expect(screen.queryByRole('table')).toBeNull()
  unmount()
  render(<Weekly weekly={remote({ weeks: WEEKS, today: '2026-12-02', kinds: [] })} />)
  expect(screen.getByText('您负责的服务还没有要审核的申请类型')).toBeTruthy()
})
