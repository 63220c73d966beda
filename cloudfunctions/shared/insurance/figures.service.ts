import type { InjuryClaimPayload, InsuranceFigures } from '~types/insurance.schema'
import { inZone } from '~types/time'
import type { Runtime } from '../core/context'
import { scopeCondition } from '../core/scope'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS, type ApplicationDoc } from '../workflow/application.doc'
import { POLICIES } from './policy.doc'

const median = (xs: number[]) => {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * The insurance staff's figures for their districts: policies in force, claims open and overdue, paid this month
 * (sum in fen) and the median days from report to first payout (claims approved in the last 90 days).
 */
export async function insuranceFigures(rt: Runtime, staff: UserDoc): Promise<InsuranceFigures> {
  const _ = rt.db.command
  const now = rt.now()
  const scope = scopeCondition(rt.db, staff, 'insurance')
  const claims = { ...scope, service: 'insurance', kind: 'injuryClaim' }
  const since = new Date(now.getTime() - 90 * 86_400_000)
  const [inForce, open, overdue, paid] = await Promise.all([
    rt.db.collection(POLICIES).where({ ...scope, startsAt: _.lte(now), endsAt: _.gt(now) }).count(),
    rt.db.collection(APPLICATIONS).where({ ...claims, open: true }).count(),
    rt.db.collection(APPLICATIONS).where({ ...claims, open: true, dueAt: _.lt(now) }).count(),
    rt.db.collection(APPLICATIONS).where({ ...claims, status: _.in(['approved', 'done']), 'decision.at': _.gte(since) }).limit(1000).get(),
  ])
  const monthStart = inZone(now).startOf('month').toDate()
  let paidThisMonthFen = 0
  let paidThisMonth = 0
  const days: number[] = []
  for (const app of paid.data as ApplicationDoc[]) {
    const payouts = (app.payload as unknown as InjuryClaimPayload).payouts ?? []
    for (const p of payouts) {
      if (new Date(p.at) >= monthStart) {
        paidThisMonthFen += p.amountFen
        paidThisMonth++
      }
    }
    if (payouts[0]) days.push(Math.round((new Date(payouts[0].at).getTime() - app.createdAt.getTime()) / 86_400_000 * 10) / 10)
  }
  return { policiesInForce: inForce.total, claimsOpen: open.total, claimsOverdue: overdue.total, paidThisMonthFen, paidThisMonth, medianDaysReportToPayment: median(days) }
}
