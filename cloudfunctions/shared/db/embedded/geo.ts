import { distanceM, EARTH_RADIUS_M, type LngLat } from '../../../../types/geo'
import type { JsObject } from './codec'
import { invalidParam, requestFailed } from './errors'
import type { IndexSpec } from '../index-spec'

// The services' own distance (a check-in's, a duplicate report's) is this one: what they compute and what a
// `$geoNear` here answers cannot drift apart.
export { distanceM, type LngLat }

export interface Near {
  field: string
  point: LngLat
  maxDistance?: number
  minDistance?: number
}

/** A stored GeoJSON Point (what `db.Geo.Point` is stored as), or null for anything else. */
export function pointOf(v: unknown): LngLat | null {
  const p = v as { type?: unknown; coordinates?: unknown } | null
  if (p?.type !== 'Point' || !Array.isArray(p.coordinates)) return null
  const [lng, lat] = p.coordinates as unknown[]
  return typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : null
}

/** `_.geoNear({ geometry, maxDistance, minDistance })` arrives as `{ $nearSphere: { $geometry, $maxDistance, $minDistance } }`. */
export function parseNearSphere(field: string, spec: unknown): Near {
  const s = (spec ?? {}) as { $geometry?: unknown; $maxDistance?: unknown; $minDistance?: unknown }
  const point = pointOf(s.$geometry)
  if (!point) throw invalidParam('geoNear needs a Point geometry')
  return { field, point, maxDistance: optionalNumber(s.$maxDistance), minDistance: optionalNumber(s.$minDistance) }
}

function optionalNumber(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'number') throw invalidParam('geoNear distances must be numbers')
  return v
}

/** Like CloudBase, a near query needs a geo index on the field; failing here locally catches a missing deploy step. */
export function requireGeoIndex(coll: string, field: string, indexes: IndexSpec[]): void {
  if (!indexes.some((spec) => spec.keys.some(([f, d]) => f === field && d === '2dsphere'))) {
    throw requestFailed(`unable to find index for $geoNear query on ${coll}.${field}: declare a 2dsphere index in indexes.json`)
  }
}

/** The documents within range, nearest first (ties in their incoming order), each with its distance. */
export function byDistance<T>(docs: T[], near: Near, valueOf: (doc: T) => unknown): { doc: T; distance: number }[] {
  const out: { doc: T; distance: number }[] = []
  for (const doc of docs) {
    const p = pointOf(valueOf(doc))
    if (!p) continue
    const distance = distanceM(near.point, p)
    if (near.maxDistance !== undefined && distance > near.maxDistance) continue
    if (near.minDistance !== undefined && distance < near.minDistance) continue
    out.push({ doc, distance })
  }
  return out.sort(nearestFirst)
}

/**
 * Nearest first; ties, and NaN (a non-finite coordinate's distance, which no range excludes) among themselves, keep
 * their order (the sort is stable), and NaN comes after every number — one order wherever the engine ranks.
 */
export function nearestFirst(a: { distance: number }, b: { distance: number }): number {
  const rank = (d: number) => (Number.isNaN(d) ? Infinity : d)
  return rank(a.distance) - rank(b.distance) || 0
}

/**
 * Where a near query with a `maxDistance` can find its documents: a latitude band and longitude ranges (null:
 * every longitude) that hold every stored point with both coordinates in range (|lng| ≤ 180, |lat| ≤ 90) whose
 * distance `byDistance` computes as within `maxDistance`. Points outside those ranges are not covered: the caller
 * reads them as well (planner.ts). Null when nothing can be ruled out (no finite maxDistance, an odd centre).
 *
 * Along a meridian, distance is at least R·|Δlat|. A pole within reach (or nearly) takes every longitude;
 * otherwise the circle's widest longitude difference is asin(sin d / cos lat₀) (at latitude asin(sin lat₀ /
 * cos d)), wrapped across the antimeridian. The margins (a millionth, relative, plus about 0.1 m) cover
 * floating-point rounding here and in distanceM, so a point on the edge is never lost: the box only has to
 * be a superset, as the exact filter runs after it.
 */
export interface Box {
  lat: [min: number, max: number]
  lng: [min: number, max: number][] | null
}

const MARGIN = 1e-6

export function boundingBox(near: Near): Box | null {
  const [lng0, lat0] = near.point
  const max = near.maxDistance
  if (max === undefined || !Number.isFinite(max) || !Number.isFinite(lng0) || !Number.isFinite(lat0) || Math.abs(lng0) > 180 || Math.abs(lat0) > 90) return null
  const d = (Math.max(0, max) / EARTH_RADIUS_M) * (1 + MARGIN)
  if (d >= Math.PI / 2) return null
  const deg = 180 / Math.PI
  const dLat = d * deg + MARGIN
  const lat: Box['lat'] = [lat0 - dLat, lat0 + dLat]
  if (lat[0] <= -90 || lat[1] >= 90) return { lat, lng: null }
  const ratio = Math.sin(d) / Math.cos(lat0 / deg)
  if (ratio >= 1 - MARGIN) return { lat, lng: null }
  const dLng = Math.asin(ratio) * deg * (1 + MARGIN) + MARGIN
  const [lo, hi] = [lng0 - dLng, lng0 + dLng]
  if (lo < -180) return { lat, lng: [[-180, hi], [lo + 360, 180]] }
  if (hi > 180) return { lat, lng: [[-180, hi - 360], [lo, 180]] }
  return { lat, lng: [[lo, hi]] }
}

/** Reads a dotted path out of a JS document (no array traversal: geo fields hold one point). */
export function valueAt(doc: JsObject, path: string): unknown {
  let v: unknown = doc
  for (const seg of path.split('.')) v = v !== null && typeof v === 'object' ? (v as JsObject)[seg] : undefined
  return v
}
