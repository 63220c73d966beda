import { act, render } from '@testing-library/react'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setLargeText } from '../../store/text-size'
import { PageRoot } from './index'

afterEach(() => act(() => setLargeText(false)))

test('the page root carries .text-large while 大字模式 is on, on pages already open too', () => {
  const { container } = render(<PageRoot className="me">我的</PageRoot>)
  const root = () => container.firstElementChild!
  expect(root().className).toBe('page me')
  act(() => setLargeText(true))
  expect(root().className).toBe('page me text-large')
  act(() => setLargeText(false))
  expect(root().className).toBe('page me')
})

test('no page builds its own root: every `.page` comes from PageRoot, so none can miss the large-text scale', () => {
  const src = join(__dirname, '..', '..')
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
  const ownRoots = files.filter((f) => f !== join('components', 'page-root', 'index.tsx') && /className=["'`{]+page[\s"'`]/.test(readFileSync(join(src, f), 'utf8')))
  expect(ownRoots).toEqual([])
  // And every page file renders one (directly or through DeskPage / PageStatus / NoAccess, which use it).
  const pages = files.filter((f) => /(^|\/)pages\/[^/]+\/index\.tsx$/.test(f))
  expect(pages.length).toBeGreaterThan(10)
  const bare = pages.filter((f) => !/<(PageRoot|DeskPage)\b/.test(readFileSync(join(src, f), 'utf8')))
  expect(bare).toEqual([])
})
