import { fireEvent, render, screen } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, resetTaroStub, setRouterParams, toasts } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import OfferPage from './index'

beforeEach(() => resetTaroStub())

async function offerId(title: string): Promise<string> {
  const page = await api.academy.catalogue({})
  return page.rows.find((o) => o.title === title)!.id
}

test('a diploma asks for the education it needs: the server’s answer lands under the field, and the draft survives a restart', async () => {
  const user = await signInDemo('demo-rider')
  const id = await offerId('连锁经营与管理（专升本）')
  setRouterParams({ id })
  const first = render(<OfferPage />)
  await screen.findByText('上课安排', { exact: false }).catch(() => undefined)
  await screen.findByText('最高学历')
  fireEvent.click(screen.getByText('中专、技校或职高'))
  typeInto(inputByPlaceholder(first.container, '如 只能晚上'), '只能晚上 8 点后上课')
  fireEvent.click(screen.getByText('确认报名'))
  // 专升本 needs 大专: refused on the education field, nothing filed.
  expect(await screen.findByText(/报读本科需要大专或以上学历/)).toBeTruthy()
  expect(getStorageSync(`nx.draft.academy.enrol.${user.id}.${id}`)).toMatchObject({ value: { education: 'vocational', note: '只能晚上 8 点后上课' } })

  first.unmount()
  const second = render(<OfferPage />)
  await screen.findByText('最高学历')
  expect(inputByPlaceholder(second.container, '如 只能晚上').getAttribute('value')).toBe('只能晚上 8 点后上课')
  fireEvent.click(screen.getByText('大专'))
  fireEvent.click(screen.getByText('确认报名'))
  // Without the proof: the attachments field says so.
  expect(await screen.findByText(/请上传最高学历证明/)).toBeTruthy()
  expect(toasts).toEqual([])
})

test('a course with seats left enrols at once and then says where the worker stands', async () => {
  await signInDemo('demo-streamer')
  const page = await api.academy.catalogue({ city: '320600' })
  // 孙悦 lives in 宿迁: a 南通 city-wide course is not hers to take — the page says why.
  setRouterParams({ id: page.rows.find((o) => o.title === '网络主播第一课（岗前培训）')!.id })
  render(<OfferPage />)
  fireEvent.click(await screen.findByText('确认报名'))
  expect(await screen.findByText(/只面向在南通市工作生活的新就业群体/)).toBeTruthy()
})
