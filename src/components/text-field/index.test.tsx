import { render, screen } from '@testing-library/react'
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
