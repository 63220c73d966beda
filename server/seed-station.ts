import type { Runtime } from '../cloudfunctions/shared/core/context'
import { fieldsOf } from '../cloudfunctions/shared/station/manage.service'
import { STATIONS, type StationDoc } from '../cloudfunctions/shared/station/station.doc'
import type { StationInput, StationService, StationType } from '../types/station.schema'

/**
 * 暖心驿站's demo: about three hundred stations across Nantong and Wuxi — invented names on real streets, positions
 * scattered at a real city's scale around each district's centre, a mix of day, evening, night and 24 h hours and some
 * paused (so "open now" and "24 小时" have something to filter). Built with the same field builder as the staff form
 * (hours parsed, services, the point on the geo index) and written in bulk, as a data migration would be: per-station
 * audit lines would only bury the demo's real ones.
 *
 * Every seeded server has them, the test servers too: a test that needs to know every station near a point places its
 * own where the demo leaves empty — more than 60 km from every centre below (the nearby search reaches 50 km, the
 * demo's points lie within about 5 km of their centre) — as test/integration/station.test.ts does in 东台.
 */
const DISTRICTS: { code: string; centre: [number, number]; streets: string[] }[] = [
  { code: '320613', centre: [120.8645, 32.0106], streets: ['人民中路', '南大街', '青年中路', '工农路', '桃园路', '跃龙路', '濠河北路', '虹桥路', '钟秀路', '通京大道'] },
  { code: '320612', centre: [121.0731, 32.0656], streets: ['新世纪大道', '金沙镇中路', '人民路', '建设路', '银河路', '碧华路'] },
  { code: '320614', centre: [121.1817, 31.8714], streets: ['北京路', '长江路', '解放路', '人民路', '秀山路', '浦江路'] },
  { code: '320213', centre: [120.2966, 31.5756], streets: ['中山路', '解放北路', '人民中路', '学前街', '梁溪路', '通扬路', '清扬路', '五爱路', '兴昌路', '县前街'] },
  { code: '320205', centre: [120.3573, 31.5896], streets: ['锡沪路', '东亭路', '团结中路', '二泉东路', '安镇大道'] },
  { code: '320206', centre: [120.2983, 31.6814], streets: ['惠山大道', '政和大道', '堰新路', '西环线', '钱藕路'] },
  { code: '320211', centre: [120.2834, 31.527], streets: ['太湖大道', '梁清路', '蠡湖大道', '隐秀路', '湖滨路'] },
  { code: '320214', centre: [120.3623, 31.4905], streets: ['长江路', '新华路', '行创四路', '菱湖大道', '和风路', '汉江路'] },
]
const PER_DISTRICT = 38
const PLACES = ['社区党群服务中心', '加油站', '银行网点', '商场', '邮政支局', '快递站', '公园', '供电营业厅']
const TYPE_BY_PLACE: StationType[] = ['party', 'heart', 'bee', 'heart', 'union', 'bee', 'heart', 'union']
const HOURS: { week: string[]; weight: number }[] = [
  { week: Array(7).fill('24小时'), weight: 3 },
  { week: Array(7).fill('08:00-20:00'), weight: 4 },
  { week: Array(7).fill('07:00-22:00'), weight: 2 },
  { week: Array(7).fill('18:00-02:00'), weight: 1 },
  { week: [...Array(5).fill('08:30-17:30'), '', ''], weight: 1 },
]
const EXTRA: StationService[] = ['water', 'meal', 'charge', 'toilet', 'medicine', 'legal', 'wifi']

/** A seeded generator: the same demo every time. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

export async function seedStations(rt: Runtime): Promise<void> {
  const r = rng(20261201)
  const now = rt.now()
  const docs: StationDoc[] = []
  const pick = () => {
    let x = r() * HOURS.reduce((n, h) => n + h.weight, 0)
    for (const h of HOURS) if ((x -= h.weight) < 0) return h.week
    return HOURS[0].week
  }
  for (const d of DISTRICTS) {
    for (let i = 0; i < PER_DISTRICT; i++) {
      const street = d.streets[i % d.streets.length]
      // Each street gets each kind of place at most once (38 stations, at least 5 streets, 8 places), so a district's
      // names are unique, as the import requires (a CSV row finds its station by name): a staff member's export of
      // the demo imports back unchanged.
      const place = (Math.floor(i / d.streets.length) + (i % d.streets.length) * 3) % PLACES.length
      const driver = i % 19 === 7
      const type: StationType = driver ? 'driver' : i % 5 === 0 ? 'bee' : TYPE_BY_PLACE[place]
      const services: StationService[] = ['rest', ...EXTRA.filter(() => r() < 0.55), ...(driver ? (['truckParking', 'shower', 'laundry'] as StationService[]) : [])]
      const input: StationInput = {
        name: driver ? `${street}司机之家` : `${street}${PLACES[place]}${type === 'bee' ? '小蜜蜂驿站' : '暖心驿站'}`,
        type,
        district: d.code,
        address: `${street}${10 + Math.floor(r() * 480)}号${PLACES[place]}`,
        // About ±4 km around the centre: a city district's reach.
        longitude: Number((d.centre[0] + (r() - 0.5) * 0.085).toFixed(6)),
        latitude: Number((d.centre[1] + (r() - 0.5) * 0.07).toFixed(6)),
        phone: `0${d.code.startsWith('3206') ? '513' : '510'}-8${String(1_000_000 + Math.floor(r() * 8_999_999)).slice(0, 7)}`,
        hours: pick() as StationInput['hours'],
        ...(i % 7 === 3 ? { holidayHours: '休息', holidayNote: '法定节假日休息，附近 24 小时驿站照常开放' } : {}),
        services: [...new Set(services)],
      }
      const paused = i % 23 === 11
      docs.push({
        _id: `demo-station-${d.code}-${String(i).padStart(2, '0')}`,
        ...fieldsOf(input, rt, 'seed', now),
        status: paused ? 'paused' : 'open',
        pausedUntil: paused ? new Date(now.getTime() + 10 * 86_400_000) : null,
        pauseReason: paused ? '内部装修，暂停开放' : null,
        createdAt: now,
      })
    }
  }
  // Some confirmed a while ago: "last checked" is a date a rider should see.
  for (const [i, doc] of docs.entries()) doc.lastCheckedAt = new Date(now.getTime() - (i % 9) * 17 * 86_400_000)
  for (let i = 0; i < docs.length; i += 100) await rt.db.collection(STATIONS).add(docs.slice(i, i + 100))
}
