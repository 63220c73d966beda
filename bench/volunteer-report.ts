/**
 * 随手拍 (issue #10), in-process on the embedded engine with the demo seed:
 * - volunteer.report (the submission: photo attached, the point written in the same transaction), RUNS in a row;
 * - volunteer.duplicates with a district's month of points around it (BENCH_REPORT_POINTS, default 20,000, spread
 *   over ~10 km and the month, five categories): p50/p95 — the $geoNear stage with category, district and time as
 *   its query (goal p95 ≤ 50 ms);
 * - volunteer.reportFigures over a month of BENCH_REPORT_MONTH reports (default 3,000) in the district.
 * Bulk set-up writes documents shaped as the services write them.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPORT_CATEGORIES } from '../types/volunteer.schema'
import { registerFile } from '../cloudfunctions/shared/storage/files'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { reportFigures } from '../cloudfunctions/shared/volunteer/report.figures'
import { REPORT_POINTS, placeKeyOf } from '../cloudfunctions/shared/volunteer/report.points'
import { duplicatesOf } from '../cloudfunctions/shared/volunteer/report.service'
import { submitReport } from '../cloudfunctions/shared/volunteer/report.submit'
import { APPLICATIONS } from '../cloudfunctions/shared/workflow/application.doc'
import { openLocalRuntime } from '../server/local-runtime'
import { seedDemoData } from '../server/seed'
import { tinyPng } from '../server/demo-files'
import { inZone } from '../types/time'
import { pct } from './lib/percentile'

const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 200)
const POINTS = Number(process.env.BENCH_REPORT_POINTS ?? 20_000)
const MONTH = Number(process.env.BENCH_REPORT_MONTH ?? 3_000)
const BATCH = 1000
const CENTRE = { longitude: 120.89, latitude: 31.98 }

const ms = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(2)} ms · p95 ${pct(xs, 0.95).toFixed(2)} ms`

void (async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'))
  const { runtime: rt, close } = openLocalRuntime({ dataDir, log: () => undefined })
  try {
    await seedDemoData(rt)
    const rider = (await findUserByOpenid(rt.db, 'demo-rider'))!
    const staff = (await findUserByOpenid(rt.db, 'demo-staff-nantong'))!
    const now = rt.now()
    const monthStart = inZone(now).startOf('month').toDate().getTime()

    // A month of points around 崇川 (≈ ±5 km), none of them this run's own reports.
    for (let i = 0; i < POINTS; i += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, POINTS - i) }, (_, j) => {
        const n = i + j
        return {
          _id: `bench-p-${n}`, caseNo: `SP-BENCH-${n}`, category: REPORT_CATEGORIES[n % REPORT_CATEGORIES.length], district: '320613',
          location: new rt.db.Geo.Point(CENTRE.longitude + (Math.random() - 0.5) * 0.1, CENTRE.latitude + (Math.random() - 0.5) * 0.1),
          placeKey: placeKeyOf(`路口${n}`), placeText: `路口${n}`, at: new Date(monthStart + Math.random() * Math.max(1, now.getTime() - monthStart)),
        }
      })
      await rt.db.collection(REPORT_POINTS).add(docs)
    }

    const submits: number[] = []
    const filed: string[] = []
    for (let i = 0; i < RUNS; i++) {
      const photo = await registerFile(rt, rider.openid, { bytes: tinyPng(), name: '随手拍.png' })
      const place = { text: '工农路口', longitude: CENTRE.longitude + (Math.random() - 0.5) * 0.01, latitude: CENTRE.latitude + (Math.random() - 0.5) * 0.01 }
      const t = performance.now()
      const view = await submitReport(rt, rider, { category: 'hazard', photos: [photo.fileId], place })
      submits.push(performance.now() - t)
      filed.push(view.id)
    }
    console.log(`volunteer.report (one photo, its point), ${RUNS} in a row: ${ms(submits)}`)

    const dup: number[] = []
    let found = 0
    for (const id of filed) {
      const t = performance.now()
      found += (await duplicatesOf(rt, staff, id)).items.length
      dup.push(performance.now() - t)
    }
    console.log(`volunteer.duplicates with ${POINTS.toLocaleString('en')} points in the month: ${ms(dup)} (${(found / filed.length).toFixed(1)} candidates each on average)`)

    // A month of reports in the district, decided and not, for the desk's figures.
    for (let i = 0; i < MONTH; i += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, MONTH - i) }, (_, j) => {
        const createdAt = new Date(monthStart + Math.random() * Math.max(1, now.getTime() - monthStart - 3600_000))
        const accepted = new Date(createdAt.getTime() + Math.random() * 120 * 60_000)
        const decided = (i + j) % 3 === 0 ? null : new Date(accepted.getTime() + Math.random() * 3 * 3600_000)
        return {
          caseNo: `SP-BENCH-A${i + j}`, kind: 'volunteerReport', service: 'volunteer', district: '320613', status: decided ? 'approved' : 'inReview', open: !decided,
          createdAt, updatedAt: decided ?? accepted, applicantId: rider._id, summary: 'bench', payload: { category: 'hazard', points: decided ? 50 : null },
          decision: decided ? { result: 'approved', at: decided, details: { grade: 'hazard', reply: '已处理' } } : null,
          timeline: [{ step: 'submit', at: createdAt }, { step: 'startReview', at: accepted }, ...(decided ? [{ step: 'approve', at: decided }] : [])],
        }
      })
      await rt.db.collection(APPLICATIONS).add(docs)
    }
    const figs: number[] = []
    for (let i = 0; i < 20; i++) {
      const t = performance.now()
      await reportFigures(rt, staff)
      figs.push(performance.now() - t)
    }
    console.log(`volunteer.reportFigures over ${MONTH.toLocaleString('en')}+ reports this month, 20 runs: ${ms(figs)}`)
  } finally {
    close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})()
