import { useEffect, useState } from 'react'

/**
 * Length as the server counts it: zod's `maxLength` counts characters (code points), so an emoji is one, not the
 * two UTF-16 units a native `maxlength` (and `String.length`) would count. Client and server must agree, or the
 * counter says 1937 / 2000 while the box refuses more.
 */
export function charCount(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/**
 * A text box limited to `max` characters, counted as above: the native limit is off (`nativeMax` -1, in both builds
 * meaning none) and a longer text — typed or pasted — is cut here, with `cut` set so the field can say so instead of
 * dropping the end silently. The box briefly gets the long text back before the cut one, so it really shows the cut
 * text even when that equals what it showed before (a controlled value that does not change is not sent again).
 */
export function useCharLimit(value: string, onChange: (value: string) => void, max: number) {
  const [echo, setEcho] = useState<string | null>(null)
  const [cut, setCut] = useState(false)
  useEffect(() => {
    if (echo === null) return
    const t = setTimeout(() => setEcho(null), 0)
    return () => clearTimeout(t)
  }, [echo])
  const onInput = (text: string) => {
    if (text.length <= max || charCount(text) <= max) {
      setCut(false)
      onChange(text)
      return
    }
    setCut(true)
    setEcho(text)
    onChange(Array.from(text).slice(0, max).join(''))
  }
  // Emptied or shortened since (sent, cleared, edited): the note is no longer true.
  return { shown: echo ?? value, onInput, cut: cut && charCount(value) >= max, nativeMax: -1 }
}
