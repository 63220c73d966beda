import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { typeInto } from '../../../../../test/support/taro-events'
import { resetTaroStub, toasts } from '../../../../../test/support/taro-stub'
import { api } from '../../../../api/client'
import { signInDemo } from '../../../../store/session'
import CorrectionsPage from './index'

configure({ asyncUtilTimeout: 5000 })
beforeEach(() => resetTaroStub())

const NAME = `反馈测试驿站-${Date.now().toString(36)}`

test('the queue: dismissing needs a note; accepting with new hours fixes the station and leaves the queue', async () => {
  await signInDemo('demo-staff-wuxi')
  const st = await api.station.save({ name: NAME, type: 'bee', district: '320213', address: '梁溪区中山路 9 号', longitude: 120.301, latitude: 31.571, hours: Array(7).fill('08:00-20:00') as never, services: ['rest'] })
  await signInDemo('demo-rider')
  await api.station.correct({ stationId: st.id, kind: 'hours', note: '周末只开到下午五点' })
  await signInDemo('demo-courier')
  await api.station.correct({ stationId: st.id, kind: 'other', note: '门口的牌子掉了' })

  await signInDemo('demo-staff-wuxi')
  render(<CorrectionsPage />)
  const hours = await screen.findByRole('listitem', { name: `${NAME}：开放时间不对` })
  const other = screen.getByRole('listitem', { name: `${NAME}：其他` })
  expect(within(hours).getByText('○ 待核实')).toBeTruthy()

  fireEvent.click(within(other).getByText('不采纳'))
  fireEvent.click(within(other).getAllByText('不采纳').at(-1)!)
  expect(await within(other).findByText('⚠ 不采纳时请写一句原因，反馈的人会看到')).toBeTruthy()

  fireEvent.click(within(hours).getByText('采纳'))
  // The station's hours, prefilled; Saturday and Sunday changed.
  await within(hours).findByText('现在：✓ 开放')
  const boxes = [...hours.querySelectorAll('taro-input-core')].filter((e) => e.getAttribute('placeholder') === '如 08:00-20:00')
  expect(boxes.map((b) => b.getAttribute('value'))).toEqual(Array(7).fill('08:00-20:00'))
  typeInto(boxes[5], '09:00-17:00')
  typeInto(boxes[6], '09:00-17:00')
  fireEvent.click(within(hours).getByText('采纳并改开放时间'))
  await waitFor(() => expect(toasts).toContain('已采纳'))
  await waitFor(() => expect(screen.queryByRole('listitem', { name: `${NAME}：开放时间不对` })).toBeNull())
  expect((await api.station.manage({ id: st.id })).hours).toEqual([...Array(5).fill('08:00-20:00'), '09:00-17:00', '09:00-17:00'])

  fireEvent.click(screen.getByText('已采纳'))
  const done = await screen.findByRole('listitem', { name: `${NAME}：开放时间不对` })
  expect(within(done).getByText(/开放时间改为 周一至周五 08:00-20:00；周六、周日 09:00-17:00/)).toBeTruthy()
})
