import { fireEvent, render, screen, within } from '@testing-library/react'
import { resetTaroStub } from '../../../../../test/support/taro-stub'
import { typeIntoTextarea } from '../../../applications/lib/testing'
import { signInDemo } from '../../../../store/session'
import CalendarPage from './index'

beforeEach(() => resetTaroStub())

test('an admin enters a year with a range, a typo is named before sending, and the year then reads as entered', async () => {
  await signInDemo('demo-admin')
  const { container } = render(<CalendarPage />)
  const list = await screen.findByRole('list', { name: '各年份日历' })
  const year = String(new Date().getFullYear() + 2)
  expect(within(list).getByText(`${year} 年`).parentElement!.textContent).toMatch(/未公布/)

  fireEvent.click(screen.getByRole('radio', { name: year }))
  typeIntoTextarea(container, '每行一个日期', `${year}-01-01\n${year}-02-3O`)
  fireEvent.click(screen.getByText('保存这一年'))
  expect(await screen.findByText(new RegExp(`“${year}-02-3O”不是日期`))).toBeTruthy()

  typeIntoTextarea(container, '每行一个日期', `${year}-01-01\n${year}-02-06~${year}-02-08`)
  fireEvent.click(screen.getByText('保存这一年'))
  expect(await within(list).findByText('放假 4 天，调休上班 0 天')).toBeTruthy()
})
