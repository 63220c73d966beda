/**
 * 暖心驿站 (issue #11), in-process on the embedded engine: the nearby search with filters — the service itself
 * (one geoNear within 50 km with a $limit of the page, the filterable part and open-now by week spans in the query, openState in code) — over Jiangsu's 7,300 stations
 * and over 100,000 (national scale: the same 7,300 in Jiangsu and the rest across China). Goal: p95 ≤ 20 ms, and the
 * two within 2× of each other. From random points in Jiangsu's cities; filters rotated: none, open now, open now +
 * 热饭 + 充电, 24 h, type. BENCH_STATION_RUNS (default 300).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NearbyInput, StationService } from '../types/station.schema'
import { parseSchedule, isAllDay, weekSpans } from '../types/station-hours'
import { nearby } from '../cloudfunctions/shared/station/search.service'
import { STATIONS, type StationDoc } from '../cloudfunctions/shared/station/station.doc'
import { openLocalRuntime } from '../server/local-runtime'
import { pct } from './lib/percentile'

const RUNS = Number(process.env.BENCH_STATION_RUNS ?? 300)
const JIANGSU = 7_300
const NATIONAL = 100_000
const BATCH = 1000


// A seeded generator: both databases get the same Jiangsu stations, every run the same points.
function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

// Jiangsu's 13 city centres: stations cluster around them as they do in life.
const CITIES: [number, number][] = [
  [118.7969, 32.0603], [120.3119, 31.4912], [117.2841, 34.2058], [119.9741, 31.8112], [120.5853, 31.2989], [120.8943, 31.9802], [119.2216, 34.5967],
  [119.0153, 33.6104], [120.1633, 33.3477], [119.4129, 32.3942], [119.4528, 32.2044], [119.9231, 32.4555], [118.2752, 33.9630],
]
const HOURS = ['08:00-20:00', '24小时', '07:00-22:00', '09:00-18:00', '18:00-02:00']
const SERVICES: StationService[] = ['rest', 'water', 'meal', 'charge', 'toilet', 'medicine', 'legal', 'wifi']

function station(i: number, lng: number, lat: number, r: () => number): Omit<StationDoc, '_id'> {
  const hours = Array(7).fill(HOURS[Math.floor(r() * HOURS.length)]) as string[]
  const parsed = parseSchedule(hours)
  if (!parsed.ok) throw new Error('hours')
  const now = new Date()
  return {
    name: `驿站${i}`, type: (['heart', 'bee', 'driver', 'party', 'union'] as const)[i % 5], district: '320613', address: `测试路 ${i} 号`,
    location: { type: 'Point', coordinates: [lng, lat] }, phone: null, hours, holidayHours: null, holidayNote: null,
    schedule: parsed.schedule, openSpans: weekSpans(parsed.schedule), allDay: isAllDay(parsed.schedule), services: SERVICES.filter(() => r() < 0.5).concat('rest'), photos: [],
    status: r() < 0.03 ? 'paused' : 'open', pausedUntil: null, pauseReason: null, lastCheckedAt: now, createdAt: now, updatedAt: now, updatedBy: 'bench',
  }
}

async function build(total: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-station-'))
  const local = openLocalRuntime({ dataDir, log: () => undefined })
  const r = rng(7)
  const docs: (Omit<StationDoc, '_id'> & { _id: string })[] = []
  const flush = async () => {
    if (docs.length) await local.runtime.db.collection(STATIONS).add(docs.splice(0))
  }
  for (let i = 0; i < total; i++) {
    let lng: number, lat: number
    if (i < JIANGSU) {
      const [cx, cy] = CITIES[i % CITIES.length]
      lng = cx + (r() - 0.5) * 0.6
      lat = cy + (r() - 0.5) * 0.5
    } else {
      lng = 73 + r() * 62
      lat = 18 + r() * 35
    }
    // The SDK stores db.Geo.Point as this GeoJSON; bulk set-up writes it directly.
    docs.push({ _id: `s${i}`, ...station(i, lng, lat, r) })
    if (docs.length === BATCH) await flush()
  }
  await flush()
  return { ...local, dataDir }
}

const FILTERS: Omit<NearbyInput, 'longitude' | 'latitude'>[] = [{}, { openNow: true }, { openNow: true, services: ['meal', 'charge'] }, { allDay: true }, { types: ['driver'] }]

async function measure(total: number) {
  const local = await build(total)
  const r = rng(42)
  const times: number[] = []
  const byFilter: number[][] = FILTERS.map(() => [])
  let found = 0
  let cpu = 0
  try {
    for (let i = 0; i < RUNS + 20; i++) {
      const [cx, cy] = CITIES[i % CITIES.length]
      const input = { longitude: cx + (r() - 0.5) * 0.3, latitude: cy + (r() - 0.5) * 0.3, ...FILTERS[i % FILTERS.length] } as NearbyInput
      const c = process.cpuUsage()
      const t = process.hrtime.bigint()
      const view = await nearby(local.runtime, input)
      const ms = Number(process.hrtime.bigint() - t) / 1e6
      if (i >= 20) {
        times.push(ms)
        byFilter[i % FILTERS.length].push(ms)
        const used = process.cpuUsage(c)
        cpu += (used.user + used.system) / 1000
        found += view.stations.length
      }
    }
  } finally {
    local.close()
    rmSync(local.dataDir, { recursive: true, force: true })
  }
  return { p50: pct(times, 0.5), p95: pct(times, 0.95), avgFound: found / RUNS, cpu: cpu / RUNS, byFilter: byFilter.map((xs) => pct(xs, 0.95)) }
}

const FILTER_WORDS = ['none', 'open now', 'open now + 热饭 + 充电', '24 h', 'type 司机之家']

async function main() {
  const small = await measure(JIANGSU)
  const large = await measure(NATIONAL)
  const ratio = large.p95 / small.p95
  console.log(`\n暖心驿站 nearby search (service, filters rotated), ${RUNS} runs each, load ${loadavg()[0].toFixed(1)}`)
  // Open-now depends on the hour it runs (at night a fifth of the bench's stations are open): say when.
  console.log(`Jiangsu time ${new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 16)}`)
  console.log('| stations | p50 | p95 | CPU per call | stations answered (avg) |')
  console.log('|---|---|---|---|---|')
  for (const [n, m] of [[JIANGSU, small], [NATIONAL, large]] as const) console.log(`| ${n.toLocaleString('en')} | ${m.p50.toFixed(2)} ms | ${m.p95.toFixed(2)} ms | ${m.cpu.toFixed(2)} ms | ${m.avgFound.toFixed(1)} |`)
  console.log(`p95 by filter (7,300 / 100,000): ${FILTER_WORDS.map((w, k) => `${w} ${small.byFilter[k].toFixed(1)} / ${large.byFilter[k].toFixed(1)} ms`).join('; ')}`)
  console.log(`goal p95 ≤ 20 ms: ${small.p95 <= 20 && large.p95 <= 20 ? 'met' : 'NOT met'}; 100k vs 7,300 p95 ratio ${ratio.toFixed(2)} (goal ≤ 2): ${ratio <= 2 ? 'met' : 'NOT met'}`)
}

void main()
