import { configure, fireEvent, render, screen, within } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, resetTaroStub, toasts } from '../../../../../test/support/taro-stub'
import { signInDemo } from '../../../../store/session'
import MallManagePage from './index'

configure({ asyncUtilTimeout: 3000 })

beforeEach(() => resetTaroStub())

test('a new reward: errors under each field and named above the button, a draft that survives a restart, then listed with its counts', async () => {
  const staff = await signInDemo('demo-staff-nantong')
  const first = render(<MallManagePage />)
  fireEvent.click(await screen.findByText('上架礼品'))
  await screen.findByText('保存并上架')
  typeInto(inputByPlaceholder(first.container, '如 雨衣'), '手机防水袋')
  typeInto(inputByPlaceholder(first.container, '如 800'), '0')
  fireEvent.click(screen.getByText('保存并上架'))
  expect(await screen.findByText(/所需积分至少 1 分/)).toBeTruthy()
  expect(screen.getByText(/请填写数量（整数）/)).toBeTruthy()
  expect(screen.getByText(/请写明领取地点/)).toBeTruthy()
  expect(screen.getByText(/请选择日期/)).toBeTruthy()
  expect(screen.getByText('请修改这 4 项：所需积分、数量、领取地点、兑换截止日期')).toBeTruthy()
  expect(getStorageSync(`nx.draft.volunteer.reward.${staff.id}.new`)).toMatchObject({ value: { name: '手机防水袋', cost: '0' } })

  // The app closed and opened again: the half-typed reward is still there.
  first.unmount()
  const second = render(<MallManagePage />)
  fireEvent.click(await screen.findByText('上架礼品'))
  expect(await screen.findByText('这是您上次没保存的草稿。')).toBeTruthy()
  expect(inputByPlaceholder(second.container, '如 雨衣').getAttribute('value')).toBe('手机防水袋')
  typeInto(inputByPlaceholder(second.container, '如 800'), '600')
  typeInto(inputByPlaceholder(second.container, '如 20'), '12')
  typeInto(inputByPlaceholder(second.container, '如 崇川区'), '崇川区和平桥暖心驿站（工农路 18 号）')
  typeInto(inputByPlaceholder(second.container, '如 2027'), '2027.6.30')
  fireEvent.click(screen.getByText('保存并上架'))
  const row = await screen.findByRole('listitem', { name: '手机防水袋' })
  expect(toasts).toContain('已上架')
  expect(within(row).getByText('600 分 · 每人限兑 1 件 · 截止 2027-06-30')).toBeTruthy()
  expect(within(row).getByText('共 12 件')).toBeTruthy()
  expect(within(row).getByText('还剩 12 件')).toBeTruthy()
  expect(within(row).getByText('待领取 0 件')).toBeTruthy()
  expect(getStorageSync(`nx.draft.volunteer.reward.${staff.id}.new`)).toBe('')
}, 30_000)
