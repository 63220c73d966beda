import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, toApiError } from '../api/api-error'

/** A read this recent is fresh: a show does not repeat it. */
const FRESH_MS = 1000

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
 * caller may read it), and again each time the page is shown later (a tab page stays mounted, so coming back must
 * refresh it) — not for the show that comes with mounting, within a second of it. Not waiting for a show: a part of a
 * page that appears after the page's show never receives it, and waiting left such parts reading forever (驿站管理
 * opened directly, a correction's station).
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
  const mountedAt = useRef(Date.now())
  const startedAt = useRef(0)

  const reload = useCallback(async () => {
    startedAt.current = Date.now()
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

  // A show within a moment of mounting or of a read (the show that goes with mounting) reads nothing more.
  useDidShow(() => {
    if (Date.now() - Math.max(mountedAt.current, startedAt.current) < FRESH_MS) return
    setShows((n) => n + 1)
  })
  useEffect(() => {
    if (enabled) void reload()
  }, [enabled, shows, reload])

  const setData = useCallback((update: (prev: T | null) => T | null) => setDataState(update), [])
  return { data, error, loading, reload, setData }
}
