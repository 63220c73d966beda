/**
 * 江海新才学院: every figure a government can change, with the defaults found in the sources
 * (../shared/reference/DOMAIN.md §1). A district may set its own (academy.setRules, audited); what is not set
 * falls back to these. Money in integer fen, rates in whole percent.
 */
export interface AcademyRules {
  /**
   * Tuition subsidy rate by the student's honour tier, in percent of the year's tuition paid (never above what
   * was paid). Hubei 新兴学院: 60 by default, 80/90/100 for county/city/province-level honours. Nantong's
   * "up to 80%" is a district setting on top of this.
   * @default { none: 60, county: 80, city: 90, province: 100 }
   */
  tuitionRatePct: Record<HonourTier, number>
  /**
   * Skill-upgrade subsidy (技能提升补贴) cap by certificate level, in fen; a level without a cap gets none.
   * @default 五级 100000, 四级 150000, 三级 200000
   */
  skillCapFen: Partial<Record<SkillLevelNo, number>>
  /** Shortage occupations (紧缺职业) and their uplift in percent of the cap. @default {} (none listed) */
  shortageUpliftPct: Record<string, number>
  /** Months after the certificate date within which the subsidy can be claimed. @default 12 */
  skillWindowMonths: number
  /** Skill-upgrade claims per calendar year (pending and approved count). @default 3 */
  skillClaimsPerYear: number
  /** Share of a course's sessions a trainee must attend to complete it. @default 80 */
  completionAttendancePct: number
}

export const HONOUR_TIERS = ['none', 'county', 'city', 'province'] as const
export type HonourTier = (typeof HONOUR_TIERS)[number]
/** 5 = 五级/初级工 … 1 = 一级/高级技师. */
export type SkillLevelNo = 1 | 2 | 3 | 4 | 5

export const ACADEMY_DEFAULTS: AcademyRules = {
  tuitionRatePct: { none: 60, county: 80, city: 90, province: 100 },
  skillCapFen: { 5: 100_000, 4: 150_000, 3: 200_000 },
  shortageUpliftPct: {},
  skillWindowMonths: 12,
  skillClaimsPerYear: 3,
  completionAttendancePct: 80,
}

/** Certificates the academy issues: 'S' (a social training/evaluation organisation) + this body's 4 digits. */
export const ACADEMY_CERT_BODY = '0326'
