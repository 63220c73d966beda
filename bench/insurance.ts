/**
 * 职业伤害保障 (issue #9): the time of 一键报案 (the report action, in-process, the embedded engine) and of the policy
 * card read, over RUNS calls each; and 50 claims approved at once on one policy (the cap holding). Round trips of
 * every insurance action are in bench/round-trips.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reportInjury } from '../cloudfunctions/shared/insurance/claim.submit'
import { myPolicies } from '../cloudfunctions/shared/insurance/payment.service'
import { POLICIES } from '../cloudfunctions/shared/insurance/policy.doc'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { approve, startReview } from '../cloudfunctions/shared/workflow/review.service'
import { openLocalRuntime } from '../server/local-runtime'
import { seedDemoData } from '../server/seed'
import { pct } from './lib/percentile'

const RUNS = Number(process.env.BENCH_INSURANCE_RUNS ?? 200)


void (async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-bench-'))
  const { runtime: rt, close } = openLocalRuntime({ dataDir, log: () => undefined })
  try {
    await seedDemoData(rt)
    const rider = (await findUserByOpenid(rt.db, 'demo-rider'))!
    const driver = (await findUserByOpenid(rt.db, 'demo-changshu'))!
    const staff = (await findUserByOpenid(rt.db, 'demo-staff-changshu'))!
    const report = { schemeKey: 'jiangsu-pilot', occurredAt: new Date(Date.now() - 3600_000).toISOString(), place: { text: '崇川区工农路与青年路路口' }, what: '送餐时被电动车撞倒', bodyPart: 'leg' as const }
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      await reportInjury(rt, rider, report)
      times.push(performance.now() - t)
    }
    console.log(`insurance report (一键报案, pilot), ${RUNS} in a row: p50 ${pct(times, 0.5).toFixed(2)} ms · p95 ${pct(times, 0.95).toFixed(2)} ms`)
    const reads: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      await myPolicies(rt, driver)
      reads.push(performance.now() - t)
    }
    console.log(`insurance policy card read: p50 ${pct(reads, 0.5).toFixed(2)} ms · p95 ${pct(reads, 0.95).toFixed(2)} ms`)

    // 50 claims on 陆建华's policy, approved at once for more than the cover left.
    const { data } = await rt.db.collection(POLICIES).where({ userId: driver._id }).get()
    const left = (data[0] as { capLeftFen: number }).capLeftFen
    const each = Math.floor(left / 48) + 1
    const ids: string[] = []
    for (let i = 0; i < 50; i++) {
      const c = await reportInjury(rt, driver, { schemeKey: 'changshu-commercial', occurredAt: new Date(Date.now() - 3600_000).toISOString(), place: { text: '常熟市海虞北路' }, what: `第 ${i + 1} 次`, bodyPart: 'hand' })
      await startReview(rt, staff, { id: c.id, version: 1 })
      ids.push(c.id)
    }
    const t0 = performance.now()
    const res = await Promise.allSettled(ids.map((id) => approve(rt, staff, { id, version: 2, details: { benefit: 'medical', amountFen: each } })))
    const ms = performance.now() - t0
    const { data: after } = await rt.db.collection(POLICIES).where({ userId: driver._id }).get()
    const ok = res.filter((r) => r.status === 'fulfilled').length
    console.log(`insurance cap race: 50 approvals at once in ${ms.toFixed(0)} ms — ${ok} approved, ${50 - ok} refused, cover left ${(after[0] as { capLeftFen: number }).capLeftFen} fen (of ${left}; never below 0)`)
  } finally {
    close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})()
