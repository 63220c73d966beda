import type { StationService, StationStatus, StationType } from '~types/station.schema'
import type { WeekSchedule, WeekSpan } from '~types/station-hours'

export const STATIONS = 'stations'

/** A station as stored. The hours are kept as typed (for staff and the CSV) and parsed (for open-now). */
export interface StationDoc {
  _id: string
  name: string
  type: StationType
  district: string
  address: string
  /** A `db.Geo.Point`, on the 2dsphere index (read it with lngLatOf). */
  location: GeoPointLike
  phone: string | null
  hours: string[]
  holidayHours: string | null
  holidayNote: string | null
  schedule: WeekSchedule
  /** The weekly hours as spans of the week (weekSpans), for open-now in the query; absent on stations saved before. */
  openSpans?: WeekSpan[]
  /** Open around the clock every day (holidays included): the 24 h filter runs in the query. */
  allDay: boolean
  services: StationService[]
  photos: string[]
  status: StationStatus
  pausedUntil: Date | null
  pauseReason: string | null
  /** When staff last confirmed it as it is (a save, an accepted correction, an import). */
  lastCheckedAt: Date
  createdAt: Date
  updatedAt: Date
  updatedBy: string
}

/** The SDK hands a stored point back as its Geo.Point (longitude, latitude); GeoJSON has `coordinates`. */
export type GeoPointLike = { longitude: number; latitude: number } | { type: 'Point'; coordinates: [number, number] }

export function lngLatOf(p: GeoPointLike): [number, number] {
  return 'coordinates' in p ? p.coordinates : [p.longitude, p.latitude]
}
