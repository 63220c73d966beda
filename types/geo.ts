/**
 * Distance on the sphere MongoDB (and CloudBase's database) measures GeoJSON distances on. One formula for every
 * distance a person reads — a check-in's "离服务地点 N 米", a duplicate report's "相距 N 米", a station's "离您 N 米" —
 * and for the embedded engine's `$geoNear`, so a distance measured in code and one a search answered always agree.
 * And the one conversion a point may need: a browser's GPS (WGS-84) into the GCJ-02 everything here is kept in.
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

// The published WGS-84 → GCJ-02 transform: the constants every Chinese map SDK ships.
const A = 6378245.0
const EE = 0.00669342162296594323

function dLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function dLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

/** A GPS point as GCJ-02. Outside China the two systems are the same (the box the transform is defined for). */
export function wgs84ToGcj02(longitude: number, latitude: number): { longitude: number; latitude: number } {
  if (longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271) return { longitude, latitude }
  let la = dLat(longitude - 105.0, latitude - 35.0)
  let ln = dLng(longitude - 105.0, latitude - 35.0)
  const rad = (latitude / 180.0) * Math.PI
  const magic = 1 - EE * Math.sin(rad) * Math.sin(rad)
  const sqrtMagic = Math.sqrt(magic)
  la = (la * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  ln = (ln * 180.0) / ((A / sqrtMagic) * Math.cos(rad) * Math.PI)
  return { longitude: longitude + ln, latitude: latitude + la }
}
