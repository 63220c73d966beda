import Taro from '@tarojs/taro'
import type { NearbyView, StationCard } from '~types/station.schema'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'
import type { LngLat } from '../../../lib/position'

/**
 * The last nearby answer, kept on the phone for a dead zone (a basement car park, a county road): the rider still
 * sees the nearest stations, their phone numbers and how to get there, with how old the answer is. It says where
 * the rider was, so it lives under the draft prefix (cleared at sign-out) and is dropped after a week.
 */
const KEY = `${DRAFT_PREFIX}station.lastNearby`
const MAX_AGE_MS = 7 * 24 * 3600 * 1000

/** Where a search was made from: the rider's position, or a district picked without one. */
export type SearchFrom = { kind: 'position'; at: LngLat } | { kind: 'district'; district: string }

export interface SavedNearby {
  view: NearbyView
  from: SearchFrom
  /** When the phone got it (ms), for “N 分钟前”. */
  savedAt: number
}

export function saveNearby(view: NearbyView, from: SearchFrom): void {
  Taro.setStorageSync(KEY, { view, from, savedAt: Date.now() } satisfies SavedNearby)
}

export function readNearby(): SavedNearby | null {
  const v = Taro.getStorageSync(KEY) as SavedNearby | ''
  if (!v || typeof v !== 'object' || !Array.isArray(v.view?.stations)) return null
  if (Date.now() - v.savedAt > MAX_AGE_MS) {
    Taro.removeStorageSync(KEY)
    return null
  }
  return v
}

/** A station of the last answer, for its page in a dead zone (name, address, phone and the way there still work). */
export function savedCard(id: string): { card: StationCard; saved: SavedNearby } | null {
  const saved = readNearby()
  const card = saved?.view.stations.find((s) => s.id === id)
  return saved && card ? { card, saved } : null
}

/** How many of the last answer a dead zone shows: the nearest few are what a rider can reach anyway. */
export const OFFLINE_COUNT = 3
