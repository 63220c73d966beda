import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ACADEMY_DEFAULTS } from '../../../../../config/academy'
import { inputByPlaceholder, typeInto } from '../../../../../test/support/taro-events'
import { getStorageSync, resetTaroStub, toasts } from '../../../../../test/support/taro-stub'
import { api, newRequestId } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import RulesPage from './index'

configure({ asyncUtilTimeout: 4000 })
beforeEach(() => resetTaroStub())

const group = (name: string) => screen.getByRole('group', { name })

test('补贴标准: the district’s figures in yuan and percent; a typo stays under its field; saved in fen', async () => {
  const user = await signInDemo('demo-staff-wuxi-academy')
  try {
    const { container } = render(<RulesPage />)
    expect(await screen.findByText('无锡市 梁溪区')).toBeTruthy()
    const caps = await screen.findByRole('group', { name: '技能提升补贴上限' })
    await waitFor(() => expect(inputByPlaceholder(caps, '如 1500').getAttribute('value')).toBe('1000'))
    expect(within(caps).getByText('现在：1,500 元')).toBeTruthy()
    expect(within(caps).getAllByText('现在：没有补贴')).toHaveLength(2)

    // 二级 gets a cap; a cap of "3千" is refused under its own field before anything is sent.
    const second = [...caps.querySelectorAll('taro-input-core')][3]
    typeInto(second, '3千')
    fireEvent.click(screen.getByText('保存补贴标准'))
    expect(await within(group('技能提升补贴上限')).findByText(/⚠ 金额请只填数字/)).toBeTruthy()
    typeInto(second, '3000.5')
    fireEvent.click(screen.getByText('加一个紧缺职业'))
    typeInto(inputByPlaceholder(group('紧缺职业'), '如 快递员'), '网约配送员')
    typeInto(inputByPlaceholder(group('紧缺职业'), '如 20'), '20')
    // A percentage over 100 comes back from the schema under its field.
    typeInto(inputByPlaceholder(container, '如 80'), '120')
    fireEvent.click(screen.getByText('保存补贴标准'))
    expect(await within(group('期限和次数')).findByText('⚠ 不能大于 100')).toBeTruthy()
    expect(getStorageSync(`nx.draft.academy.staff.rules.${user.id}.320213`)).toMatchObject({ value: { completionPct: '120', cap: { 2: '3000.5' } } })

    typeInto(inputByPlaceholder(container, '如 80'), '80')
    fireEvent.click(screen.getByText('保存补贴标准'))
    await waitFor(() => expect(toasts).toEqual(['补贴标准已保存']))
    expect(await api.academy.rules({ district: '320213' })).toEqual({ ...ACADEMY_DEFAULTS, skillCapFen: { ...ACADEMY_DEFAULTS.skillCapFen, 2: 300050 }, shortageUpliftPct: { 网约配送员: 20 } })
    expect(within(group('技能提升补贴上限')).getByText('现在：3,000.50 元')).toBeTruthy()
    expect(getStorageSync(`nx.draft.academy.staff.rules.${user.id}.320213`)).toBe('')
  } finally {
    // Other tests of the shared server read 梁溪's figures: put them back.
    const { shortageUpliftPct, skillCapFen, ...rest } = ACADEMY_DEFAULTS
    await api.academy.setRules({ district: '320213', ...rest, skillCapFen, shortageUpliftPct }, { requestId: newRequestId() })
  }
})
