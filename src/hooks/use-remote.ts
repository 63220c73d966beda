import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, toApiError } from '../api/api-error'

export interface Remote<T> {
  data: T | null
  error: ApiError | null
  loading: boolean
  reload: () => Promise<void>
  /** Patch the loaded data after a write answered with the new state (no second round trip). */
  setData: (update: (prev: T | null) => T | null) => void
}

/**
 * Data a page reads from a cloud function: fetched once mounted and `enabled` (e.g. once the session knows the
 * caller may read it), and again each time the page is shown after being hidden (a tab page stays mounted, so coming
 * back must refresh it). Not on the page's first show: a part of a page that appears after it — a desk's section
 * once the caller's districts are known — never receives that event, and waiting for it left such parts reading
 * forever (驿站管理 opened directly, a correction's station).
 */
export function useRemote<T>(fetcher: () => Promise<T>, enabled: boolean): Remote<T> {
  const [data, setDataState] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(false)
  const [shows, setShows] = useState(0)
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher
  // Only the latest request may write: a slow answer must not overwrite a newer one.
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++latest.current
    setLoading(true)
    setError(null)
    try {
      const result = await fetcherRef.current()
      if (mine === latest.current) setDataState(result)
    } catch (e) {
      if (mine === latest.current) setError(toApiError(e))
    } finally {
      if (mine === latest.current) setLoading(false)
    }
  }, [])

  // A show counts only after a hide: the show that goes with mounting is the mount's own fetch.
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    setShows((n) => n + 1)
  })
  useEffect(() => {
    if (enabled) void reload()
  }, [enabled, shows, reload])

  const setData = useCallback((update: (prev: T | null) => T | null) => setDataState(update), [])
  return { data, error, loading, reload, setData }
}
