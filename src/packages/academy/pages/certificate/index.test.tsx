import { fireEvent, render, screen } from '@testing-library/react'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import { signInDemo } from '../../../../store/session'
import CertificatePage from './index'

beforeEach(() => resetTaroStub())

test('a certificate number that contradicts its level or year is named on that field; a date as printed is understood; the draft survives', async () => {
  const user = await signInDemo('demo-courier')
  const first = render(<CertificatePage />)
  await screen.findByText('添加职业技能等级证书')
  typeInto(inputByPlaceholder(first.container, '如 Y000032'), 'y0000 3200 0001 2630 00099')
  fireEvent.click(screen.getByText('四级/中级工'))
  typeInto(inputByPlaceholder(first.container, '如 快递员'), '快递员')
  typeInto(inputByPlaceholder(first.container, '如 2026-05-20'), '2026年6月1日')
  fireEvent.click(screen.getByText('添加证书'))
  // The 16th character of the number is its level (3): the schema says so under 等级, before anything is sent.
  expect(await screen.findByText(/证书编号里的等级和选择的等级不一致/)).toBeTruthy()
  expect(screen.getByText(/^请修改这 2 项：等级、证书照片$/)).toBeTruthy()
  expect(navigations).toEqual([])
  expect(getStorageSync(`nx.draft.academy.certificate.${user.id}`)).toMatchObject({ value: { occupation: '快递员', issuedOn: '2026年6月1日', level: '4' } })

  first.unmount()
  const second = render(<CertificatePage />)
  await screen.findByText('添加职业技能等级证书')
  expect(inputByPlaceholder(second.container, '如 快递员').getAttribute('value')).toBe('快递员')
  fireEvent.click(screen.getByText('三级/高级工'))
  typeInto(inputByPlaceholder(second.container, '如 2026-05-20'), '2026-02-30')
  fireEvent.click(screen.getByText('添加证书'))
  expect(await screen.findByText(/日期请写成/)).toBeTruthy()
})
