import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, navigations, resetTaroStub, scrolls, setRouterParams, toasts } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import { formatFen, yuanToFen } from '~types/money'
import { typeIntoTextarea } from '../../../applications/lib/testing'
import DetailPage from '../../../applications/pages/detail/index'
import ApplyPage from './index'

const EXEMPT = '拖欠工资、工伤赔偿不需要经济困难证明（法律援助法第四十二条）'
const HARDSHIP_PLACEHOLDER = '如 每月收入'

beforeEach(() => resetTaroStub())

test('yuan as typed becomes integer fen by string arithmetic; more than two decimals or letters are refused', () => {
  expect(yuanToFen('3860.5')).toEqual({ ok: true, fen: 386050 })
  expect(yuanToFen('3860')).toEqual({ ok: true, fen: 386000 })
  expect(yuanToFen('0.1')).toEqual({ ok: true, fen: 10 })
  expect(yuanToFen('1.15')).toEqual({ ok: true, fen: 115 }) // 1.15 * 100 = 114.99999999999999 as a float
  expect(yuanToFen(' 3,860.50元 ')).toEqual({ ok: true, fen: 386050 })
  expect(yuanToFen('３８６０。５')).toEqual({ ok: true, fen: 386050 })
  expect(yuanToFen('')).toEqual({ ok: true, fen: 0 })
  expect(yuanToFen('.5')).toEqual({ ok: true, fen: 50 })
  expect(yuanToFen('12.345')).toMatchObject({ ok: false, error: expect.stringContaining('小数点后两位') })
  expect(yuanToFen('三千')).toMatchObject({ ok: false })
  expect(yuanToFen('.')).toMatchObject({ ok: false })
  expect(yuanToFen('-5')).toMatchObject({ ok: false })
  expect(yuanToFen('1000000000')).toMatchObject({ ok: false, error: '金额太大了，请核对' })
  expect(formatFen(386050)).toBe('3,860.50 元')
  expect(formatFen(386000)).toBe('3,860 元')
  expect(formatFen(5)).toBe('0.05 元')
})

test('wages and work injury say no hardship proof is needed; other case types ask for the declaration', async () => {
  await signInDemo('demo-rider')
  const { container } = render(<ApplyPage />)
  expect(await screen.findByText('周小勇')).toBeTruthy()
  expect(screen.getByText('南通市 崇川区 · 外卖配送员')).toBeTruthy()
  expect(screen.getByText(/先在上面选好遇到的问题/)).toBeTruthy()

  fireEvent.click(screen.getByText('被拖欠工资'))
  expect(screen.getByText(EXEMPT)).toBeTruthy()
  expect(container.querySelector('taro-textarea-core[placeholder^="如 每月收入"]')).toBeNull()

  fireEvent.click(screen.getByText('交通事故赔偿'))
  expect(screen.queryByText(EXEMPT)).toBeNull()
  typeIntoTextarea(container, HARDSHIP_PLACEHOLDER, '')

  fireEvent.click(screen.getByText('工伤赔偿'))
  expect(screen.getByText(EXEMPT)).toBeTruthy()

  // Submitting a non-exempt case without the declaration points at the field, before anything is sent.
  fireEvent.click(screen.getByText('社会保险待遇'))
  fireEvent.click(screen.getByText('提交申请'))
  expect(await screen.findByText(/⚠ 这类问题需要简单说明经济困难情况/)).toBeTruthy()
  expect(navigations).toEqual([])
})

test('a bad amount is a field error; the platform from the profile is offered as the other party', async () => {
  await signInDemo('demo-rider')
  const { container } = render(<ApplyPage />)
  await screen.findByText('周小勇')
  fireEvent.click(screen.getByText('被拖欠工资'))
  fireEvent.click(screen.getByText('平台'))
  expect(inputByPlaceholder(container, '如 某某外卖配送站').getAttribute('value')).toBe('美团外卖')
  typeInto(inputByPlaceholder(container, '如 3860'), '3860.505')
  typeIntoTextarea(container, '什么时候', '八月份跑了二十六天单，站点一直不结工资。')
  fireEvent.click(screen.getByText('提交申请'))
  expect(await screen.findByText('⚠ 金额最多填到“分”（小数点后两位）')).toBeTruthy()
  // Named above the button, and the page turns to it.
  expect(screen.getByText('请修改：要讨回多少钱')).toBeTruthy()
  await waitFor(() => expect(scrolls).toEqual(['.field-error']))
  expect(navigations).toEqual([])
  // Typing in the field clears its error.
  typeInto(inputByPlaceholder(container, '如 3860'), '3860.5')
  expect(screen.queryByText(/金额最多填到/)).toBeNull()
})

test('a failed submit keeps the draft through a restart; the retry files once and opens the detail with its deadline', async () => {
  const user = await signInDemo('demo-rider')
  const before = (await api.application.listMine({})).length
  const first = render(<ApplyPage />)
  await screen.findByText('周小勇')
  fireEvent.click(screen.getByText('被拖欠工资'))
  fireEvent.click(screen.getByText('用人单位'))
  typeInto(inputByPlaceholder(first.container, '如 某某外卖配送站'), '南通某某配送有限公司')
  typeInto(inputByPlaceholder(first.container, '电话或地址'), '0513-87654321')
  typeInto(inputByPlaceholder(first.container, '如 3860'), '3860.5')
  typeIntoTextarea(first.container, '什么时候', '八月份在配送站跑了二十六天单，站点一直不结工资，负责人电话也不接。')
  fireEvent.click(screen.getByText('需要马上申请财产保全，防止对方转移财产'))
  expect(screen.getByText(/\d+ \/ 2000/)).toBeTruthy()

  // The network drops: nothing is lost, and the rider is told so.
  const realFetch = globalThis.fetch
  globalThis.fetch = () => Promise.reject(new TypeError('offline'))
  fireEvent.click(screen.getByText('提交申请'))
  expect(await screen.findByText(/网络不太好，没有提交成功。内容已保存/)).toBeTruthy()
  globalThis.fetch = realFetch
  const key = `nx.draft.legal-aid.${user.id}`
  expect(getStorageSync(key)).toMatchObject({ value: { caseType: 'wages', partyName: '南通某某配送有限公司', amount: '3860.5', preservationNeeded: true } })

  // "Restart": the page goes away and comes back with everything filled in.
  first.unmount()
  const second = render(<ApplyPage />)
  await screen.findByText('周小勇')
  expect(inputByPlaceholder(second.container, '如 某某外卖配送站').getAttribute('value')).toBe('南通某某配送有限公司')
  expect(inputByPlaceholder(second.container, '如 3860').getAttribute('value')).toBe('3860.5')
  expect(screen.getByText(EXEMPT)).toBeTruthy()

  fireEvent.click(screen.getByText('提交申请'))
  await waitFor(() => expect(navigations).toHaveLength(1))
  const nav = navigations[0]
  expect(nav).toMatchObject({ kind: 'redirectTo', url: expect.stringMatching(/^\/packages\/applications\/pages\/detail\/index\?id=/) })
  expect(toasts).toContain('已提交')
  expect(getStorageSync(key)).toBe('')
  const mine = await api.application.listMine({})
  expect(mine).toHaveLength(before + 1)
  expect(mine[0].payload).toMatchObject({ amountFen: 386050, otherParty: { kind: 'employer', contact: '0513-87654321' }, hardshipExempt: true })

  second.unmount()
  setRouterParams({ id: decodeURIComponent(nav.url!.split('id=')[1]) })
  render(<DetailPage />)
  expect(await screen.findByText('○ 已提交')).toBeTruthy()
  expect(screen.getByText(mine[0].caseNo, { exact: false })).toBeTruthy()
  expect(screen.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 前给您答复$/)).toBeTruthy()
  expect(screen.getByText('3,860.50 元')).toBeTruthy()
  expect(screen.getByText('用人单位：南通某某配送有限公司')).toBeTruthy()
  expect(screen.getByText('您提交了申请')).toBeTruthy()
})
