/**
 * 江海新才学院 (issue #8): the catalogue's first page with 1,000 and 10,000 published offers across the 13 cities, in
 * the embedded engine — goal p95 ≤ 20 ms and the two within 2× (the cost follows the page: status+city+sortKey
 * index); with a schedule filter too. Then the seat race: 200 workers enrolling at once in 30 seats.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JIANGSU_REGIONS } from '../types/regions.generated'
import type { ScheduleTag } from '../types/academy.schema'
import { catalogue } from '../cloudfunctions/shared/academy/offer.service'
import { OFFERS, type OfferDoc } from '../cloudfunctions/shared/academy/offer.doc'
import { enrol } from '../cloudfunctions/shared/academy/enrolment.submit'
import type { UserDoc } from '../cloudfunctions/shared/user/user.doc'
import { openLocalRuntime } from '../server/local-runtime'

const RUNS = 300
const CITY_DISTRICTS = JIANGSU_REGIONS.cities.map((c) => JIANGSU_REGIONS.districts.find((d) => d.cityCode === c.code && (c.code !== '320600' || d.code === '320613'))!)
const TAGS: ScheduleTag[][] = [['online'], ['evening'], ['weekend'], ['online', 'evening'], []]

function fakeOffer(i: number, now: Date): Omit<OfferDoc, '_id'> {
  const d = CITY_DISTRICTS[i % CITY_DISTRICTS.length]
  const first = new Date(now.getTime() + ((i * 7919) % 120) * 86_400_000)
  const date = first.toISOString().slice(0, 10)
  return {
    service: 'academy', type: i % 10 === 0 ? 'diploma' : i % 7 === 0 ? 'contest' : 'skill', title: `课程 ${i}`, provider: '培训中心', district: d.code, city: d.cityCode,
    cityWide: i % 3 === 0, description: '', occupation: '快递员', skillLevel: 5, leadsTo: '证书', enrolUntil: date, seats: 30, taken: i % 31, waiting: 0, waitlistSeq: 0,
    sessions: [{ id: 's1', date, start: '19:00', end: '21:00', online: true, place: null }], diploma: null, tags: TAGS[i % TAGS.length], tagKey: [...TAGS[i % TAGS.length]].sort().join('+'), firstDate: date, lastDate: date,
    startsAt: first, sortKey: date, status: i % 9 === 0 ? 'closed' : 'published', version: 1, createdBy: 'bench', createdAt: now, updatedAt: now,
  }
}

const worker = (i: number, district = '320613') =>
  ({ _id: `bench-w${i}`, openid: `bench-w${i}`, createdAt: new Date(), updatedAt: new Date(), consents: [], roles: { admin: false, staff: [] }, profile: { realName: '测试', districtCode: district } }) as unknown as UserDoc

async function measure(size: number, tags?: ScheduleTag[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'))
  const { runtime, close } = openLocalRuntime({ dataDir, log: () => undefined })
  try {
    const now = new Date()
    for (let i = 0; i < size; i += 1000) await runtime.db.collection(OFFERS).add(Array.from({ length: Math.min(1000, size - i) }, (_, k) => fakeOffer(i + k, now)))
    const me = worker(0)
    const times: number[] = []
    let rows = 0
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now()
      rows = (await catalogue(runtime, me, tags ? { tags } : {})).rows.length
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
    return { size, rows, p50: p(0.5), p95: p(0.95) }
  } finally {
    close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function seatRace() {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'))
  const { runtime, close } = openLocalRuntime({ dataDir, log: () => undefined })
  try {
    const now = new Date()
    const { id } = (await runtime.db.collection(OFFERS).add({ ...fakeOffer(1, now), district: '320613', city: '320600', status: 'published', taken: 0, startsAt: new Date(now.getTime() + 864e5 * 10), enrolUntil: '2999-01-01' })) as { id: string }
    const t = performance.now()
    const res = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => enrol(runtime, worker(i + 1), { offerId: id, attachments: [] })))
    const ms = performance.now() - t
    const ok = res.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ payload: { seated?: boolean } }>[]
    return { ms, ok: ok.length, seated: ok.filter((r) => r.value.payload.seated).length }
  } finally {
    close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

void (async () => {
  const results = []
  for (const tags of [undefined, ['evening', 'online'] as ScheduleTag[]]) {
    const small = await measure(1_000, tags)
    const large = await measure(10_000, tags)
    for (const r of [small, large]) {
      console.log(`academy catalogue${tags ? ` (${tags.join('+')})` : ''}, ${r.size.toLocaleString('en')} offers in 13 cities: ${r.rows} rows, p50 ${r.p50.toFixed(2)} ms · p95 ${r.p95.toFixed(2)} ms ${r.p95 <= 20 ? '✓' : '✗'} ≤ 20 ms`)
    }
    const ratio = large.p95 / small.p95
    console.log(`  10k / 1k p95 ratio: ${ratio.toFixed(2)} ${ratio <= 2 ? '✓' : '✗'} ≤ 2`)
    results.push(ratio)
  }
  const race = await seatRace()
  console.log(`academy seat race: 200 simultaneous enrolments into 30 seats in ${race.ms.toFixed(0)} ms — ${race.ok} answered, ${race.seated} seated`)
})()
