/**
 * Positions for the station search. Stations are stored as WeChat's getLocation and every map in China give them:
 * GCJ-02. A browser reports GPS (WGS-84), up to ~500 m off in Jiangsu, so its point is converted before the search
 * — or “350 米” would be a guess. The published transform (the constants every Chinese map SDK ships); the volunteer
 * package has the same one, and a subpackage cannot import another's code in WeChat.
 */
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

export interface LngLat {
  longitude: number
  latitude: number
}

export function wgs84ToGcj02(longitude: number, latitude: number): LngLat {
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
