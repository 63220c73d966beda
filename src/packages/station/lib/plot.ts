import type { LngLat } from '../../../lib/position'

/**
 * The arithmetic of the browser's station plot: an equirectangular projection around a centre (east–west metres
 * shrink by cos(latitude)), good to a few metres across a city — the stations of one search lie within 50 km.
 */
const EARTH_M = 6_371_008.8
const RAD = Math.PI / 180

export interface Frame {
  width: number
  height: number
  centre: LngLat
  /** Ground metres per plot unit. */
  metresPerUnit: number
  toXY(p: LngLat): { x: number; y: number }
  toLngLat(x: number, y: number): LngLat
}

/** The frame that shows every point around `centre` inside width × height, `pad` units from the edge, at least `minSpanM` across. */
export function frameFor(centre: LngLat, points: readonly LngLat[], width: number, height: number, pad: number, minSpanM = 400): Frame {
  const cos = Math.cos(centre.latitude * RAD)
  const east = (p: LngLat) => (p.longitude - centre.longitude) * RAD * EARTH_M * cos
  const north = (p: LngLat) => (p.latitude - centre.latitude) * RAD * EARTH_M
  const reachX = Math.max(minSpanM / 2, ...points.map((p) => Math.abs(east(p))))
  const reachY = Math.max(minSpanM / 2, ...points.map((p) => Math.abs(north(p))))
  const metresPerUnit = Math.max(reachX / (width / 2 - pad), reachY / (height / 2 - pad))
  return {
    width,
    height,
    centre,
    metresPerUnit,
    toXY: (p) => ({ x: width / 2 + east(p) / metresPerUnit, y: height / 2 - north(p) / metresPerUnit }),
    toLngLat: (x, y) => ({
      longitude: centre.longitude + ((x - width / 2) * metresPerUnit) / (EARTH_M * cos * RAD),
      latitude: centre.latitude - ((y - height / 2) * metresPerUnit) / (EARTH_M * RAD),
    }),
  }
}

/** The middle of a set of points (a district's stations, when there is no position to centre on). */
export function middleOf(points: readonly LngLat[]): LngLat {
  const lng = points.map((p) => p.longitude)
  const lat = points.map((p) => p.latitude)
  return { longitude: (Math.min(...lng) + Math.max(...lng)) / 2, latitude: (Math.min(...lat) + Math.max(...lat)) / 2 }
}

const NICE_M = [10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000]

/** The longest round length (“500 米”, “2 公里”) that fits in `maxUnits` of the plot. */
export function scaleBar(metresPerUnit: number, maxUnits: number): { metres: number; units: number; label: string } {
  const metres = [...NICE_M].reverse().find((m) => m / metresPerUnit <= maxUnits) ?? NICE_M[0]
  return { metres, units: metres / metresPerUnit, label: metres >= 1000 ? `${metres / 1000} 公里` : `${metres} 米` }
}

export interface Tile {
  href: string
  x: number
  y: number
  width: number
  height: number
}

const tileLng = (x: number, z: number) => (x / 2 ** z) * 360 - 180
const tileLat = (y: number, z: number) => Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) / RAD
const lngTile = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z)
const latTile = (lat: number, z: number) => Math.floor(((1 - Math.log(Math.tan(lat * RAD) + 1 / Math.cos(lat * RAD)) / Math.PI) / 2) * 2 ** z)

/**
 * Slippy-map tiles (`https://…/{z}/{x}/{y}.png`, in the same GCJ-02 as the stations — AMap's and Tencent's are) under
 * the plot, at the zoom whose pixels are closest to the plot's units. Each tile's corners go through the plot's own
 * projection, so markers and streets agree to a few metres at city scale. At most `maxTiles`.
 */
export function tilesFor(frame: Frame, template: string, maxTiles = 36): Tile[] {
  if (!template) return []
  const cos = Math.cos(frame.centre.latitude * RAD)
  // A 256-pixel tile at zoom z spans 2πR·cos φ / 2^z metres: pick z so one tile pixel ≈ one plot unit.
  const z = Math.min(18, Math.max(3, Math.round(Math.log2((2 * Math.PI * EARTH_M * cos) / 256 / frame.metresPerUnit))))
  const nw = frame.toLngLat(0, 0)
  const se = frame.toLngLat(frame.width, frame.height)
  const tiles: Tile[] = []
  for (let tx = lngTile(nw.longitude, z); tx <= lngTile(se.longitude, z); tx++) {
    for (let ty = latTile(nw.latitude, z); ty <= latTile(se.latitude, z); ty++) {
      const a = frame.toXY({ longitude: tileLng(tx, z), latitude: tileLat(ty, z) })
      const b = frame.toXY({ longitude: tileLng(tx + 1, z), latitude: tileLat(ty + 1, z) })
      tiles.push({ href: template.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty)), x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y })
      if (tiles.length >= maxTiles) return tiles
    }
  }
  return tiles
}
