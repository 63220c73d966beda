import { useDidShow } from '@tarojs/taro'
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
 * Data a page reads from a cloud function: fetched whenever the page is shown (a tab page stays mounted, so
 * coming back must refresh it) and `enabled` — e.g. once the session knows the caller may read it.
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

  useDidShow(() => setShows((n) => n + 1))
  useEffect(() => {
    if (enabled && shows > 0) void reload()
  }, [enabled, shows, reload])

  const setData = useCallback((update: (prev: T | null) => T | null) => setDataState(update), [])
  return { data, error, loading, reload, setData }
}
