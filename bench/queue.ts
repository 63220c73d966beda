/**
 * The review queue at two sizes: the first page of one district's queue with 1,000 and with 100,000 applications
 * spread over Jiangsu's districts, in the embedded engine. Goal (issue #3): p95 ≤ 20 ms, and the two sizes within
 * 2× of each other — the cost must follow the page, not the collection.
 *
 * Then the workbench's weekly figures (`application.weekly`, issue #7 §2) at the same two sizes, the applications
 * filed over a year (so 12 weeks hold about 23 % of them) and the final ones decided two days after filing. Its cost
 * follows the applications of the caller's districts received or decided in those 12 weeks, read through the
 * district+service+createdAt and district+service+decision.at indexes, not the collection.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JIANGSU_REGIONS } from '../types/regions.generated'
import type { ApplicationDoc } from '../cloudfunctions/shared/workflow/application.doc'
import { APPLICATIONS } from '../cloudfunctions/shared/workflow/application.doc'
import { queue } from '../cloudfunctions/shared/workflow/queue.service'
import { weekly } from '../cloudfunctions/shared/workflow/weekly.service'
import type { UserDoc } from '../cloudfunctions/shared/user/user.doc'
import type { Runtime } from '../cloudfunctions/shared/core/context'
import { openLocalRuntime } from '../server/local-runtime'

const STATUSES = ['submitted', 'inReview', 'needsMore', 'resubmitted', 'approved', 'rejected', 'withdrawn'] as const
const RUNS = 300
/** One district per city (Nantong's is 崇川, the bench staff's): "across the 13 cities", and a full first page at both sizes. */
const CITY_DISTRICTS = JIANGSU_REGIONS.cities.map((c) => JIANGSU_REGIONS.districts.find((d) => d.cityCode === c.code && (c.code !== '320600' || d.code === '320613'))!)

function fakeApplication(i: number, start: number): Omit<ApplicationDoc, '_id'> {
  const d = CITY_DISTRICTS[i % CITY_DISTRICTS.length]
  const created = new Date(start - (i % 5000) * 60_000)
  const status = STATUSES[i % STATUSES.length]
  const due = status === 'approved' || status === 'rejected' || status === 'withdrawn' ? null : new Date(created.getTime() + ((i * 7919) % 20) * 86_400_000)
  return {
    caseNo: `FY-BENCH-${String(i).padStart(7, '0')}`, kind: 'legalAid', service: 'legalAid', district: d.code, status, version: 1,
    applicantId: `u${i % 20000}`, applicantOpenid: `o${i % 20000}`, applicantName: `骑手${i % 20000}`, createdAt: created, updatedAt: created,
    open: due !== null, dueAt: due, decisionDueAt: due, pausedWorkingDays: null, extended: false, provisional: false, urgent: i % 17 === 0,
    summary: '被拖欠工资 · 某配送站', supplement: null, decision: null, payload: { caseType: 'wages' }, attachments: [],
  }
}

const YEAR_MINUTES = 365 * 24 * 60

/**
 * The queue's application, filed in one of `districts` at a minute of the past year (evenly: 7919 is prime to the
 * year's minutes); a final one decided two days later.
 */
const filedOverAYear = (districts: { code: string }[]) => (i: number, start: number): Omit<ApplicationDoc, '_id'> => {
  const app = fakeApplication(i, start)
  const created = new Date(start - ((i * 7919) % YEAR_MINUTES) * 60_000)
  const decided = app.status === 'approved' || app.status === 'rejected' ? { result: app.status, at: new Date(Math.min(start, created.getTime() + 2 * 86_400_000)) } : null
  const due = app.dueAt ? new Date(created.getTime() + (app.dueAt.getTime() - app.createdAt.getTime())) : null
  return { ...app, district: districts[i % districts.length].code, createdAt: created, updatedAt: decided?.at ?? created, dueAt: due, decisionDueAt: due, decision: decided }
}

const staff = {
  _id: 'bench-staff', openid: 'bench-staff', createdAt: new Date(), updatedAt: new Date(), consents: [],
  roles: { admin: false, staff: [{ districtCode: '320613', services: ['legalAid'], grantedAt: new Date(), grantedBy: 'bench' }] },
} as UserDoc

/** Loads `size` applications made by `make`, then times `run` RUNS times; `rows` is what the last run counted. */
async function measure(size: number, make: typeof fakeApplication = fakeApplication, run: (rt: Runtime) => Promise<number> = async (rt) => (await queue(rt, staff, {})).rows.length) {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'))
  const { runtime, close } = openLocalRuntime({ dataDir, log: () => undefined })
  try {
    const start = Date.now()
    const t0 = performance.now()
    for (let i = 0; i < size; i += 1000) {
      await runtime.db.collection(APPLICATIONS).add(Array.from({ length: Math.min(1000, size - i) }, (_, k) => make(i + k, start)))
    }
    const loadMs = performance.now() - t0
    const times: number[] = []
    let rows = 0
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now()
      rows = await run(runtime)
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
    return { size, loadMs, rows, p50: p(0.5), p95: p(0.95) }
  } finally {
    close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** `application.weekly` of the bench staff; counts what the 12 weeks hold for them (received + decided). */
async function weeklyOf(rt: Runtime): Promise<number> {
  const { kinds } = await weekly(rt, staff)
  return kinds.reduce((n, k) => n + k.received.reduce((a, b) => a + b, 0) + k.decided.reduce((a, b) => a + b, 0), 0)
}

void (async () => {
  const small = await measure(1_000)
  const large = await measure(100_000)
  for (const r of [small, large]) {
    console.log(`queue page 1 of district 320613, ${r.size.toLocaleString('en')} applications (loaded in ${(r.loadMs / 1000).toFixed(1)} s): ${r.rows} rows, p50 ${r.p50.toFixed(2)} ms · p95 ${r.p95.toFixed(2)} ms ${r.p95 <= 20 ? '✓' : '✗'} ≤ 20 ms`)
  }
  const ratio = large.p95 / small.p95
  console.log(`100k / 1k p95 ratio: ${ratio.toFixed(2)} ${ratio <= 2 ? '✓' : '✗'} ≤ 2`)

  // Every district of Jiangsu (as the applications would be), then the queue's 13 — a district 7× as busy.
  for (const [where, districts] of [[`all ${JIANGSU_REGIONS.districts.length} districts`, JIANGSU_REGIONS.districts], ['13 districts', CITY_DISTRICTS]] as const) {
    for (const size of [1_000, 100_000]) {
      const r = await measure(size, filedOverAYear(districts), weeklyOf)
      console.log(`weekly figures of district 320613, ${r.size.toLocaleString('en')} applications over a year in ${where} (loaded in ${(r.loadMs / 1000).toFixed(1)} s): ${r.rows} received + decided in its 12 weeks, p50 ${r.p50.toFixed(2)} ms · p95 ${r.p95.toFixed(2)} ms ${r.p95 <= 20 ? '✓' : '✗'} ≤ 20 ms`)
    }
  }
})()
