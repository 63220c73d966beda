import { useCallback, useEffect, useRef, useState } from 'react'
import type { NearbyInput, NearbyView } from '~types/station.schema'
import { api } from '../../../api/client'
import { toApiError, type ApiError } from '../../../api/api-error'
import { readNearby, saveNearby, type SavedNearby, type SearchFrom } from './offline'
import type { StationFilters } from './prefs'

export interface Nearby {
  data: NearbyView | null
  /** The search the data answers (its distances are from there). */
  from: SearchFrom | null
  error: ApiError | null
  /** No network and an earlier answer on the phone: what a dead zone shows. */
  offline: SavedNearby | null
  loading: boolean
  reload: () => void
}

export function nearbyInput(from: SearchFrom, f: StationFilters): NearbyInput {
  return {
    ...(from.kind === 'position' ? { longitude: from.at.longitude, latitude: from.at.latitude } : { district: from.district }),
    ...(f.openNow ? { openNow: true } : {}),
    ...(f.allDay ? { allDay: true } : {}),
    ...(f.services.length ? { services: f.services } : {}),
    ...(f.types.length ? { types: f.types } : {}),
  }
}

/**
 * The nearby search for where the rider is (or the district picked) with the filters: again whenever either
 * changes. Every answer is kept on the phone; a failed network brings back the kept one instead of an empty page.
 * `from` null = not known yet (locating, the session still loading).
 */
export function useNearby(from: SearchFrom | null, filters: StationFilters): Nearby {
  const [state, setState] = useState<Omit<Nearby, 'reload'>>({ data: null, from: null, error: null, offline: null, loading: false })
  const [tries, setTries] = useState(0)
  // Only the latest search may write: a slow answer for the old filters must not replace the new one.
  const latest = useRef(0)
  const key = from ? JSON.stringify(nearbyInput(from, filters)) : ''

  useEffect(() => {
    if (!from) return
    const mine = ++latest.current
    // From a district to a position (or back): the old rows were measured from somewhere else — show the wait instead.
    setState((s) => ({ ...s, ...(s.from && s.from.kind !== from.kind ? { data: null, from: null } : {}), loading: true, error: null }))
    api.station.nearby(nearbyInput(from, filters)).then(
      (view) => {
        if (mine !== latest.current) return
        saveNearby(view, from)
        setState({ data: view, from, error: null, offline: null, loading: false })
      },
      (e: unknown) => {
        if (mine !== latest.current) return
        const error = toApiError(e)
        setState((s) => ({ ...s, error, offline: error.code === 'NETWORK' ? readNearby() : null, loading: false }))
      },
    )
  }, [key, tries])

  const reload = useCallback(() => setTries((n) => n + 1), [])
  return { ...state, reload }
}
