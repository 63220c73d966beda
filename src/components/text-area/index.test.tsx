import { act, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { FACTS_MAX, LegalAidInput } from '~types/legal-aid.schema'
import { WAGES_REQUEST } from '../../../test/support/requests'
import { typeInto } from '../../../test/support/taro-events'
import { charCount } from '../text-field/limit'
import { TextArea } from './index'

let latest = ''
function Harness({ max = FACTS_MAX }: { max?: number }) {
  const [v, setV] = useState('')
  latest = v
  return <TextArea label="经过" value={v} onChange={setV} placeholder="什么时候、在哪里" maxlength={max} showCount />
}
const box = () => document.querySelector('taro-textarea-core')!
/** The box gets the long text back for a moment, then the cut one. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 10)))

test('a paste longer than the limit is cut to it, and the field says so; typing back under the limit drops the note', async () => {
  render(<Harness />)
  const pasted = '八月跑单没结算工资。'.repeat(252) // 2,520 characters
  expect(pasted.length).toBe(2520)
  typeInto(box(), pasted)
  await settle()
  expect(latest).toBe(pasted.slice(0, 2000))
  expect(box().getAttribute('value')).toBe(pasted.slice(0, 2000))
  expect(screen.getByText('⚠ 已截断到 2000 字：超出的部分没有保留，请检查结尾。')).toBeTruthy()
  expect(screen.getByText('2000 / 2000')).toBeTruthy()
  // Typing on at the limit is cut again, and the box shows the cut text, not what was typed.
  typeInto(box(), `${pasted.slice(0, 2000)}再`)
  await settle()
  expect(latest).toBe(pasted.slice(0, 2000))
  expect(box().getAttribute('value')).toBe(pasted.slice(0, 2000))
  typeInto(box(), pasted.slice(0, 1990))
  await settle()
  expect(screen.queryByText(/已截断/)).toBeNull()
  expect(screen.getByText('1990 / 2000')).toBeTruthy()
})

test('emoji count as one character each, as the server counts them: the counter and the limit agree', async () => {
  render(<Harness />)
  // No native limit (it would count UTF-16 units and stop at 1,937 of these characters).
  expect(box().getAttribute('maxlength')).toBe('-1')
  const text = `${'😀'.repeat(63)}${'跑'.repeat(1937)}` // 2,000 characters, 2,063 UTF-16 units
  expect(text.length).toBe(2063)
  typeInto(box(), text)
  await settle()
  expect(latest).toBe(text)
  expect(screen.getByText('2000 / 2000')).toBeTruthy()
  expect(screen.queryByText(/已截断/)).toBeNull()
  // The server's schema takes exactly this text, and refuses one character more.
  expect(LegalAidInput.safeParse({ ...WAGES_REQUEST, facts: text }).success).toBe(true)
  expect(LegalAidInput.safeParse({ ...WAGES_REQUEST, facts: `${text}😀` }).success).toBe(false)
  // One more emoji is cut as one character, never half of one.
  typeInto(box(), `${text}😀`)
  await settle()
  expect(latest).toBe(text)
  expect(charCount(latest)).toBe(2000)
  expect(screen.getByText(/已截断到 2000 字/)).toBeTruthy()
})
