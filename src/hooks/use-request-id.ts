import { useCallback, useRef } from 'react'
import { newRequestId } from '../api/client'

/**
 * Idempotency keys for a page's writes: a retry of the same content reuses its key (so a lost answer never
 * writes twice), different content gets a new one — the server refuses one key for two contents. After a
 * success, call `settle()`: the same content sent again later is a new submission.
 */
export function useRequestId() {
  const last = useRef<{ content: string; id: string } | null>(null)
  const idFor = useCallback((content: unknown) => {
    const key = JSON.stringify(content)
    if (last.current?.content !== key) last.current = { content: key, id: newRequestId() }
    return last.current.id
  }, [])
  const settle = useCallback(() => {
    last.current = null
  }, [])
  return { idFor, settle }
}
