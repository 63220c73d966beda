import { HONOUR_TIER_LABELS, SKILL_LEVEL_LABELS, formatCredits, type Refusal, type SubsidyQuote } from '~types/academy.schema'
import { formatFen, percentOfFen } from '~types/money'
import { dayjs, inZone, ZONE } from '~types/time'
import type { AcademyRules, HonourTier } from '../../../config/academy'
import type { CertificateDoc, ClaimsDoc } from './certificate.doc'

/** The last day a certificate's skill-upgrade subsidy can be claimed, and the days left from `now` (negative: closed). */
export function subsidyWindow(issuedOn: string, rules: Pick<AcademyRules, 'skillWindowMonths'>, now: Date) {
  const until = dayjs.tz(issuedOn, ZONE).add(rules.skillWindowMonths, 'month').subtract(1, 'day')
  const today = dayjs.tz(inZone(now).format('YYYY-MM-DD'), ZONE)
  return { until: until.format('YYYY-MM-DD'), daysLeft: until.diff(today, 'day') }
}

const same = (a: string, b: string) => a.trim() === b.trim()

/**
 * 技能提升补贴 for one certificate, by the district's rules: the cap of its level (plus a shortage-occupation uplift),
 * within the window after the certificate date, N claims a calendar year, each occupation and level once, and never
 * a lower level of an occupation already claimed higher. Every reason that applies is given, not only the first.
 */
export function quoteSkillSubsidy(cert: Pick<CertificateDoc, '_id' | 'occupation' | 'level' | 'issuedOn'>, claims: Pick<ClaimsDoc, 'skill'>, rules: AcademyRules, now: Date): SubsidyQuote {
  const refusals: Refusal[] = []
  const label = SKILL_LEVEL_LABELS[cert.level]
  const { until, daysLeft } = subsidyWindow(cert.issuedOn, rules, now)
  const today = inZone(now).format('YYYY-MM-DD')
  if (cert.issuedOn > today) refusals.push({ code: 'future', message: `发证日期 ${cert.issuedOn} 还没到，请核对证书` })
  else if (daysLeft < 0) refusals.push({ code: 'window', message: `补贴要在发证后 ${rules.skillWindowMonths} 个月内申请，这张证书已在 ${until} 截止` })
  const cap = rules.skillCapFen[cert.level]
  if (cap === undefined) refusals.push({ code: 'level', message: `${label}证书本地暂无技能提升补贴标准` })
  const standing = claims.skill
  const again = standing.find((c) => same(c.occupation, cert.occupation) && c.level === cert.level)
  if (again) refusals.push({ code: 'again', message: `${cert.occupation}${label}已经申请过（${again.caseNo}），同一职业同一等级只能申请一次` })
  const higher = standing.find((c) => same(c.occupation, cert.occupation) && c.level < cert.level)
  if (higher) refusals.push({ code: 'lower', message: `您已申请过${cert.occupation}${SKILL_LEVEL_LABELS[higher.level]}的补贴，不能再申请更低等级的` })
  const year = inZone(now).year()
  const thisYear = standing.filter((c) => c.year === year).length
  if (thisYear >= rules.skillClaimsPerYear) refusals.push({ code: 'yearLimit', message: `今年已经申请了 ${thisYear} 次，每年最多 ${rules.skillClaimsPerYear} 次，${year + 1} 年 1 月 1 日起可以再申请` })
  const reasoning: string[] = []
  let amountFen = 0
  if (cap !== undefined) {
    const uplift = Object.entries(rules.shortageUpliftPct).find(([occupation]) => same(occupation, cert.occupation))?.[1] ?? 0
    amountFen = percentOfFen(cap, 100 + uplift)
    reasoning.push(`${label}证书的补贴标准是 ${formatFen(cap)}`)
    if (uplift) reasoning.push(`${cert.occupation}是紧缺职业，上浮 ${uplift}%：${formatFen(cap)} × ${100 + uplift}% = ${formatFen(amountFen)}`)
  }
  if (daysLeft >= 0) reasoning.push(`要在 ${until} 前申请，还有 ${daysLeft} 天`)
  reasoning.push(`每年最多申请 ${rules.skillClaimsPerYear} 次，今年已申请 ${thisYear} 次`)
  return { eligible: refusals.length === 0, refusals, amountFen: refusals.length ? 0 : amountFen, reasoning }
}

export interface TuitionQuoteInput {
  yearNo: number
  paidFen: number
  tier: HonourTier
}

export interface ProgrammeFacts {
  enrolled: boolean
  years: number
  creditsPerYear: number
  creditsInYear: number
  tuitionFenPerYear: number
}

/**
 * Tuition subsidy for one programme year: paid tuition (capped at the programme's fee) × the rate of the honour
 * tier, only once that year's credits are complete, once per programme year, never above what was paid.
 */
export function quoteTuitionSubsidy(enrolmentId: string, facts: ProgrammeFacts, claims: Pick<ClaimsDoc, 'tuition'>, rules: AcademyRules, input: TuitionQuoteInput): SubsidyQuote {
  const refusals: Refusal[] = []
  if (!facts.enrolled) refusals.push({ code: 'notEnrolled', message: '录取后才能申请学费补贴' })
  if (input.yearNo > facts.years) refusals.push({ code: 'year', message: `这个专业共 ${facts.years} 个学年，没有第 ${input.yearNo} 学年` })
  else if (facts.creditsInYear < facts.creditsPerYear) {
    refusals.push({ code: 'credits', message: `第 ${input.yearNo} 学年要修满 ${formatCredits(facts.creditsPerYear)} 学分，现在是 ${formatCredits(facts.creditsInYear)} 学分，修满后再申请` })
  }
  const again = claims.tuition.find((c) => c.enrolmentId === enrolmentId && c.yearNo === input.yearNo)
  if (again) refusals.push({ code: 'again', message: `第 ${input.yearNo} 学年的学费补贴已经申请过（${again.caseNo}），每学年只能申请一次` })
  const rate = rules.tuitionRatePct[input.tier]
  const base = Math.min(input.paidFen, facts.tuitionFenPerYear)
  const amountFen = Math.min(input.paidFen, percentOfFen(base, rate))
  const reasoning = [
    base < input.paidFen ? `按学费标准 ${formatFen(base)} 计算（实际缴纳 ${formatFen(input.paidFen)}，高于标准的部分不补）` : `实际缴纳学费 ${formatFen(base)}`,
    `补贴比例 ${rate}%（荣誉：${HONOUR_TIER_LABELS[input.tier]}）`,
    `${formatFen(base)} × ${rate}% = ${formatFen(amountFen)}`,
  ]
  return { eligible: refusals.length === 0, refusals, amountFen: refusals.length ? 0 : amountFen, reasoning }
}
