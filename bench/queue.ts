/**
 * The review queue at two sizes: the first page of one district's queue with 1,000 and with 100,000 applications
 * spread over Jiangsu's districts, in the embedded engine. Goal (issue #3): p95 ≤ 20 ms, and the two sizes within
 * 2× of each other — the cost must follow the page, not the collection.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JIANGSU_REGIONS } from '../types/regions.generated'
import type { ApplicationDoc } from '../cloudfunctions/shared/workflow/application.doc'
import { APPLICATIONS } from '../cloudfunctions/shared/workflow/application.doc'
import { queue } from '../cloudfunctions/shared/workflow/queue.service'
import type { UserDoc } from '../cloudfunctions/shared/user/user.doc'
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

const staff = {
  _id: 'bench-staff', openid: 'bench-staff', createdAt: new Date(), updatedAt: new Date(), consents: [],
  roles: { admin: false, staff: [{ districtCode: '320613', services: ['legalAid'], grantedAt: new Date(), grantedBy: 'bench' }] },
} as UserDoc

async function measure(size: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'))
  const { runtime, close } = openLocalRuntime({ dataDir, log: () => undefined })
  try {
    const start = Date.now()
    const t0 = performance.now()
    for (let i = 0; i < size; i += 1000) {
      await runtime.db.collection(APPLICATIONS).add(Array.from({ length: Math.min(1000, size - i) }, (_, k) => fakeApplication(i + k, start)))
    }
    const loadMs = performance.now() - t0
    const times: number[] = []
    let rows = 0
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now()
      const page = await queue(runtime, staff, {})
      times.push(performance.now() - t)
      rows = page.rows.length
    }
    times.sort((a, b) => a - b)
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
    return { size, loadMs, rows, p50: p(0.5), p95: p(0.95) }
  } finally {
    close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

void (async () => {
  const small = await measure(1_000)
  const large = await measure(100_000)
  for (const r of [small, large]) {
    console.log(`queue page 1 of district 320613, ${r.size.toLocaleString('en')} applications (loaded in ${(r.loadMs / 1000).toFixed(1)} s): ${r.rows} rows, p50 ${r.p50.toFixed(2)} ms · p95 ${r.p95.toFixed(2)} ms ${r.p95 <= 20 ? '✓' : '✗'} ≤ 20 ms`)
  }
  const ratio = large.p95 / small.p95
  console.log(`100k / 1k p95 ratio: ${ratio.toFixed(2)} ${ratio <= 2 ? '✓' : '✗'} ≤ 2`)
})()
