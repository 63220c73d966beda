import { act, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { pageAlreadyShown, resetTaroStub, returnToPage } from '../../test/support/taro-stub'
import { useRemote } from './use-remote'

/**
 * useRemote with the page's show as Taro sends it: a part of a page that appears after the page was shown (a desk's
 * section once the caller's districts are known) reads at once — it never gets that first show — and a page shown
 * again later reads again; the show that comes with mounting does not read twice.
 */
let calls = 0
const fetcher = async () => `第 ${++calls} 次`

function Section() {
  const r = useRemote(fetcher, true)
  return <div>{r.data ?? '正在读取'}</div>
}

function Page() {
  const [ready, setReady] = useState(false)
  return (
    <div>
      <button onClick={() => setReady(true)}>ready</button>
      {ready && <Section />}
    </div>
  )
}

beforeEach(() => {
  resetTaroStub()
  calls = 0
})

test('a section that appears after the page was shown reads at once, and once', async () => {
  render(<Page />)
  expect(calls).toBe(0)
  pageAlreadyShown()
  act(() => screen.getByText('ready').click())
  await screen.findByText('第 1 次')
  // A show right after that read (Taro's show of a page just opened): nothing read twice.
  returnToPage()
  await new Promise((r) => setTimeout(r, 20))
  expect(calls).toBe(1)
})

test('a page shown again later (another was opened over it meanwhile) reads again', async () => {
  render(<Section />)
  await screen.findByText('第 1 次')
  const now = Date.now()
  jest.spyOn(Date, 'now').mockReturnValue(now + 5_000)
  returnToPage()
  await waitFor(() => expect(screen.getByText('第 2 次')).toBeTruthy())
  expect(calls).toBe(2)
  jest.restoreAllMocks()
})
