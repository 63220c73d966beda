import type { ClaimRules, CoverageItem, CoverageState, PolicyView } from '~types/insurance.schema'
import { POLICY_STATE_LABELS } from '~types/insurance.schema'

/** Jiangsu time is UTC+8 all year: dates as a person reads them, without a timezone library in the package. */
const OFFSET_MS = 8 * 3600 * 1000
const pad = (n: number) => String(n).padStart(2, '0')
const shanghai = (d: Date | string | number) => new Date(new Date(d).getTime() + OFFSET_MS)

/** “2026年3月1日”. */
export function dayWords(date: Date | string | number): string {
  const d = shanghai(date)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** `2026-03-01`, Jiangsu time: today's date for the report form. */
export function isoDay(date: Date | string | number): string {
  const d = shanghai(date)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** `14:05`, Jiangsu time. */
export function clockTime(date: Date | string | number): string {
  const d = shanghai(date)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** The claim rules of a scheme in words a rider reads at the roadside. */
export function ruleWords(r: ClaimRules): string[] {
  return [
    `平台（或单位）要在受伤后 ${r.platformFilesWithinWorkingDays} 个工作日内报案`,
    `平台没有报的，您本人或家属可以在受伤后 ${r.selfFilesWithinDays} 天内自己申请`,
    r.lateNeedsExplanation ? '超过期限再申请，要另写一份逾期说明（为什么晚了）' : '超过期限也可以申请，不用另写说明',
  ]
}

/** The state of a scheme for me, as a short badge (the headline says the rest). */
export const COVERAGE_STATE_WORDS: Record<CoverageState, string> = {
  coveredByPlatform: '✓ 您有保障',
  canEnrol: '可以参加',
  platformNotListed: '平台不在名单里',
  notForOccupation: '不适用您的职业',
  notInRegion: '不在您所在的地区',
}

/** A scheme that covers the worker's claims: the pilot through the platform, or a commercial one with a policy in force. */
export function coversNow(item: CoverageItem, policies: PolicyView[]): boolean {
  if (item.kind === 'pilot') return item.state === 'coveredByPlatform'
  return policies.some((p) => p.state === 'active' && p.schemeName === item.name)
}

/** The last day a policy covers (it ends at that day's midnight): “2027年1月1日”. */
export const lastDayWords = (p: PolicyView): string => dayWords(new Date(new Date(p.endsAt).getTime() - 1))

/** From the day it starts to the last day it covers: “2026年1月2日 至 2027年1月1日”. */
export function periodWords(p: PolicyView): string {
  return `${dayWords(p.startsAt)} 至 ${lastDayWords(p)}`
}

/** The state of a policy in words: “保障中”, “明天零点起生效” (or from which day), “已过期”. */
export function policyStateWords(p: PolicyView, now = new Date()): string {
  if (p.state !== 'upcoming') return POLICY_STATE_LABELS[p.state]
  const tomorrow = isoDay(now.getTime() + 86_400_000)
  return isoDay(p.startsAt) === tomorrow ? POLICY_STATE_LABELS.upcoming : `${dayWords(p.startsAt)}零点起生效`
}

/** Renewal opens this many days before a policy ends (the server's RENEWAL_DAYS). */
export const RENEWAL_DAYS = 30

export const canRenew = (p: PolicyView) => p.state === 'active' && p.daysLeft !== null && p.daysLeft <= RENEWAL_DAYS
