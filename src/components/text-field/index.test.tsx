import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { inputByPlaceholder, typeInto } from '../../../test/support/taro-events'
import { TextField } from './index'

function Harness() {
  const [v, setV] = useState('')
  return <TextField label="手机号" value={v} onChange={setV} placeholder="11 位手机号" hint="用于联系您" error={v === '123' ? '手机号应为 11 位' : undefined} />
}

test('typing reaches onChange; an error replaces the hint and carries an icon, not only colour', () => {
  const { container } = render(<Harness />)
  expect(screen.getByText('用于联系您')).toBeTruthy()
  typeInto(inputByPlaceholder(container, '11 位'), '123')
  expect(screen.getByText('⚠ 手机号应为 11 位')).toBeTruthy()
  expect(screen.queryByText('用于联系您')).toBeNull()
  expect(container.querySelector('.text-field--error')).not.toBeNull()
})

function IdHarness() {
  const [v, setV] = useState('')
  return <TextField label="身份证号" type="idcard" value={v} onChange={(x) => setV(x.toUpperCase())} placeholder="18 位身份证号" maxlength={18} />
}

test('H5 ID field: the number pad (inputmode numeric), and an X key for the last character', () => {
  const { container } = render(<IdHarness />)
  const input = inputByPlaceholder(container, '18 位') as Element & { nativeProps?: Record<string, unknown> }
  expect(input.nativeProps).toMatchObject({ inputMode: 'numeric' })
  typeInto(input, '32061319930214055')
  fireEvent.click(screen.getByRole('button', { name: '输入 X' }))
  expect(input.getAttribute('value')).toBe('32061319930214055X')
  // Full: the key does nothing more.
  fireEvent.click(screen.getByRole('button', { name: '输入 X' }))
  expect(input.getAttribute('value')).toBe('32061319930214055X')
})

function NameHarness() {
  const [v, setV] = useState('')
  return <TextField label="姓名" value={v} onChange={setV} placeholder="与身份证上一致" maxlength={5} />
}

test('a text field counts characters as the server does and says when it cut the end', async () => {
  const { container } = render(<NameHarness />)
  const input = inputByPlaceholder(container, '与身份证上一致')
  expect(input.getAttribute('maxlength')).toBe('-1')
  typeInto(input, '😀😀😀😀😀')
  expect(screen.queryByText(/已截断/)).toBeNull()
  typeInto(input, '😀😀😀😀😀😀')
  await act(() => new Promise((r) => setTimeout(r, 10)))
  expect(input.getAttribute('value')).toBe('😀😀😀😀😀')
  expect(screen.getByText(/已截断到 5 字/)).toBeTruthy()
})
