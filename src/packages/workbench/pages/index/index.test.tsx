import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { SERVICE_LABELS } from '~types/roles'
import { signInDemo } from '../../../../store/session'
import { api } from '../../../../api/client'
import { navigations, resetTaroStub, scrolls, toasts } from '../../../../../test/support/taro-stub'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { CSV_HEADER } from '../../lib/csv'
import { fileAsNewWorker } from '../../lib/testing'
import WorkbenchPage from './index'

beforeEach(() => resetTaroStub())
configure({ asyncUtilTimeout: 3000 })

/**
 * Waits until no element shows this text. Not `expect(...).toBeNull()` inside waitFor: each failed try would print
 * the found element with its React fibers, which blocks jsdom for seconds.
 */
const gone = (text: string) =>
  waitFor(() => {
    if (screen.queryByText(text)) throw new Error(`"${text}" is still shown`)
  })

const BIRTH = '1989-09-09'

/** Waits until the queue shows exactly this many rows (failing cheaply while it does not). */
const onlyRows = (n: number) =>
  waitFor(() => {
    const shown = document.querySelectorAll('[aria-label="审核队列"] [role="listitem"]').length
    if (shown !== n) throw new Error(`${shown} rows shown, waiting for ${n}`)
  })

/** The queue's rows once it has loaded. */
async function queueRows() {
  const list = await screen.findByRole('list', { name: '审核队列' })
  return within(list).getAllByRole('listitem')
}

async function searchFor(container: HTMLElement, text: string) {
  typeInto(inputByPlaceholder(container, '申请人姓名或案件编号'), text)
  fireEvent.click(screen.getByRole('button', { name: '搜索' }))
  await screen.findByText(`搜索“${text}”的结果`)
}

/** The filter line opens the chips (they stay folded away so the queue starts high on the screen). */
function openFilters() {
  fireEvent.click(screen.getByRole('button', { name: /^筛选：.*点按更改$/ }))
}

test('工作台 shows the Nantong staff member their district and services above the queue', async () => {
  await signInDemo('demo-staff-nantong')
  render(<WorkbenchPage />)
  expect(await screen.findByText('南通市 崇川区')).toBeTruthy()
  const scopes = document.querySelector('.scopes') as HTMLElement
  for (const label of Object.values(SERVICE_LABELS)) expect(within(scopes).getByText(label)).toBeTruthy()
  expect(screen.getByText('顾敏，您负责以下区县的服务。')).toBeTruthy()
  expect(screen.getByText('审核队列')).toBeTruthy()
})

test('a new request shows in the district queue with the figures; a search by case number finds it; the CSV has the header and no ID number', async () => {
  const { filed, idNumber } = await fileAsNewWorker('蒋队列', BIRTH, 1)
  await signInDemo('demo-staff-nantong')
  const { container } = render(<WorkbenchPage />)

  // Figures: open counts at least this one; all five are there.
  const open = await screen.findByLabelText(/^待处理 \d+$/)
  expect(Number(open.getAttribute('aria-label')!.split(' ')[1])).toBeGreaterThanOrEqual(1)
  for (const label of ['两个工作日内到期', '已逾期', '本月已决定', '决定用时中位数']) expect(screen.getByLabelText(new RegExp(`^${label} `))).toBeTruthy()

  const rows = await queueRows()
  const row = rows.find((r) => within(r).queryByText(filed.caseNo))
  expect(row).toBeTruthy()
  expect(within(row!).getByText('蒋队列')).toBeTruthy()
  expect(within(row!).getByText('南通市 崇川区')).toBeTruthy()
  expect(within(row!).getByText('已提交')).toBeTruthy()
  expect(within(row!).getByText('⚠ 紧急')).toBeTruthy() // preservation needed (Art. 44)

  await searchFor(container, filed.caseNo)
  expect(await screen.findByText('共 1 条')).toBeTruthy()
  await onlyRows(1)
  expect(screen.queryByText(/^第 \d+ \/ \d+ 页$/)).toBeNull() // one page: no pager

  // Export: the browser gets a CSV file of the filtered queue.
  const blobs: Blob[] = []
  const downloads: string[] = []
  Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:queue'), revokeObjectURL: () => undefined })
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download)
  })
  fireEvent.click(screen.getByText('导出 CSV'))
  await waitFor(() => expect(toasts).toContain('已导出 1 条'))
  click.mockRestore()
  expect(downloads[0]).toMatch(/^工作台队列-\d{8}-\d{4}\.csv$/)
  const text = await new Promise<string>((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.readAsText(blobs[0])
  })
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(lines[0]).toBe(CSV_HEADER.join(','))
  expect(lines).toHaveLength(2)
  expect(lines[1]).toContain(`${filed.caseNo},法律援助,蒋队列,南通市 崇川区,已提交,`)
  expect(text).not.toContain(idNumber)
  expect(text).not.toMatch(/\d{17}[\dXx]/)

  // Clicking the row opens its detail.
  fireEvent.click(within((await queueRows())[0]).getByText(filed.caseNo))
  expect(navigations).toEqual([{ kind: 'navigateTo', url: `/packages/workbench/pages/detail/index?id=${filed.id}&from=queue` }])
})

test('filters narrow the queue; Enter in the search box searches; no match says so', async () => {
  const { filed } = await fileAsNewWorker('蒋筛选', BIRTH, 2)
  await signInDemo('demo-staff-nantong')
  const { container } = render(<WorkbenchPage />)
  await queueRows()

  const chip = (name: string) => screen.getByRole('radio', { name })
  // Folded by default: one line says what is on.
  expect(screen.queryByRole('radio', { name: '需补充材料' })).toBeNull()
  expect(screen.getByText('筛选：全部类型 · 全部待处理 · 期限不限')).toBeTruthy()
  openFilters()
  fireEvent.click(chip('需补充材料'))
  await gone(filed.caseNo)
  fireEvent.click(chip('已提交'))
  await screen.findByText(filed.caseNo)

  const input = inputByPlaceholder(container, '申请人姓名或案件编号')
  typeInto(input, '蒋筛选')
  act(() => {
    input.dispatchEvent(new CustomEvent('confirm', { detail: { value: '蒋筛选' }, bubbles: true }))
  })
  await screen.findByText('搜索“蒋筛选”的结果')
  await onlyRows(1)

  fireEvent.click(chip('已逾期'))
  expect(await screen.findByText('没有符合条件的申请')).toBeTruthy()
  // …and says that the filters hide the match, with the way to see it.
  expect(await screen.findByText(/另有 1 条“蒋筛选”的申请被筛选条件隐藏了/)).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '显示全部 1 条' }))
  await screen.findByText(filed.caseNo)
  expect(screen.getByText('筛选：全部类型 · 全部状态（含已决定） · 期限不限')).toBeTruthy()
  fireEvent.click(screen.getByText('清除搜索'))
  await gone('搜索“蒋筛选”的结果')
})

test('the filters stay after a reload; the results of a search are brought into view', async () => {
  const { filed } = await fileAsNewWorker('蒋记住', BIRTH, 4)
  await signInDemo('demo-staff-nantong')
  const first = render(<WorkbenchPage />)
  await queueRows()
  openFilters()
  fireEvent.click(screen.getByRole('radio', { name: '已提交' }))
  await searchFor(first.container, '蒋记住')
  await onlyRows(1)
  await waitFor(() => expect(scrolls).toContain('.queue__results'))

  // The tab reloads: the same filters and search, the same answer.
  first.unmount()
  const second = render(<WorkbenchPage />)
  expect(await screen.findByText('筛选：全部类型 · 已提交 · 期限不限')).toBeTruthy()
  expect(await screen.findByText('搜索“蒋记住”的结果')).toBeTruthy()
  expect(inputByPlaceholder(second.container, '申请人姓名或案件编号').getAttribute('value')).toBe('蒋记住')
  await screen.findByText(filed.caseNo)
  fireEvent.click(screen.getByText('清除搜索'))
  second.unmount()
})

test('a case number finds a decided case under the default filter, typed in lowercase or as a bare serial', async () => {
  const { filed } = await fileAsNewWorker('蒋编号', BIRTH, 5)
  await signInDemo('demo-staff-nantong')
  const started = await api.application.startReview({ id: filed.id, version: filed.version })
  await api.application.reject({ id: filed.id, version: started.version, reason: '不属于法律援助的范围' })
  const { container } = render(<WorkbenchPage />)
  await queueRows()
  expect(screen.queryByText(filed.caseNo)).toBeNull() // decided: not in 全部待处理

  await searchFor(container, filed.caseNo.toLowerCase())
  await screen.findByText(filed.caseNo)
  await onlyRows(1)
  expect(within((await queueRows())[0]).getByText('未批准')).toBeTruthy()

  // A filter left on does not hide it, and the page says why it shows anyway.
  openFilters()
  fireEvent.click(screen.getByRole('radio', { name: '需补充材料' }))
  expect(await screen.findByText('按案件编号查找：在全部状态和类型里找，不受筛选条件限制。')).toBeTruthy()
  await onlyRows(1)

  const serial = filed.caseNo.slice(-4)
  await searchFor(container, serial)
  await screen.findByText(filed.caseNo)
  for (const row of await queueRows()) expect(row.textContent).toContain(`-${serial}`)
  fireEvent.click(screen.getByText('清除搜索'))
})

test('staff of another district do not see it, not even by its case number', async () => {
  const { filed } = await fileAsNewWorker('蒋无锡', BIRTH, 3)
  await signInDemo('demo-staff-wuxi')
  const { container } = render(<WorkbenchPage />)
  expect(await screen.findByText('无锡市 梁溪区')).toBeTruthy()
  await screen.findByLabelText(/^待处理 \d+$/)
  await gone('正在加载队列…')
  expect(screen.queryByText(filed.caseNo)).toBeNull()
  await searchFor(container, filed.caseNo)
  expect(await screen.findByText('没有这个案件编号的申请')).toBeTruthy()
  expect(screen.queryByText(filed.caseNo)).toBeNull()
})

test('工作台 refuses a plain worker and offers the way back', async () => {
  await signInDemo('demo-rider')
  render(<WorkbenchPage />)
  expect(await screen.findByText(/工作台只对工作人员开放/)).toBeTruthy()
  expect(screen.queryByText('我的负责范围')).toBeNull()
  fireEvent.click(screen.getByText('回到“我的”'))
  expect(navigations).toEqual([{ kind: 'switchTab', url: '/pages/me/index' }])
})
