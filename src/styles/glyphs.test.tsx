import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Symbols that show as an empty box in the CJK font the app is tested with (Noto Sans SC) and in many Android
 * system fonts: status marks must use ones that render (○ ◎ ● ✓ × ← ⚠ ⋯ ★) — a tofu box is no cue at all.
 */
const MISSING = ['✉', '✕', '↩', '✗', '☐', '☑', '⏳', '↻', '✔', '✖', '❌', '⭕']

test('no page or component uses a symbol the font cannot draw', () => {
  const src = join(__dirname, '..')
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(tsx?|scss)$/.test(f) && !f.endsWith('glyphs.test.tsx'))
  const found = files.flatMap((f) => {
    const text = readFileSync(join(src, f), 'utf8')
    return MISSING.filter((c) => text.includes(c)).map((c) => `${f}: ${c}`)
  })
  expect(found).toEqual([])
})
