/**
 * Distance on the sphere MongoDB (and CloudBase's database) measures GeoJSON distances on. One formula for every
 * distance a person reads — a check-in's "离服务地点 N 米", a duplicate report's "相距 N 米", a station's "离您 N 米" —
 * and for the embedded engine's `$geoNear`, so a distance measured in code and one a search answered always agree.
 */

/** The sphere `$geoNear` uses, in metres. */
export const EARTH_RADIUS_M = 6378100

export type LngLat = [longitude: number, latitude: number]

/** Great-circle distance in metres (haversine): ample at the scale of a city, and exactly what `$geoNear` reports. */
export function distanceM([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLng = (lng2 - lng1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
