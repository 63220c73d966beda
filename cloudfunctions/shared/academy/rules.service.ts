import { ACADEMY_DEFAULTS, type AcademyRules } from '../../../config/academy'
import { districtRules } from '../core/district-rules'

export const ACADEMY_RULES = 'academy_rules'

/** A district's academy figures: what it set (academy.setRules, audited), config/academy.ts for the rest. */
export const { rulesFor, setRules } = districtRules<AcademyRules>({
  service: 'academy',
  collection: ACADEMY_RULES,
  defaults: ACADEMY_DEFAULTS,
  merge: (set, d) => ({
    tuitionRatePct: { ...d.tuitionRatePct, ...set.tuitionRatePct },
    skillCapFen: set.skillCapFen ?? d.skillCapFen,
    shortageUpliftPct: set.shortageUpliftPct ?? d.shortageUpliftPct,
    skillWindowMonths: set.skillWindowMonths ?? d.skillWindowMonths,
    skillClaimsPerYear: set.skillClaimsPerYear ?? d.skillClaimsPerYear,
    completionAttendancePct: set.completionAttendancePct ?? d.completionAttendancePct,
  }),
  clean: (rules) => ({ ...rules, skillCapFen: Object.fromEntries(Object.entries(rules.skillCapFen).filter(([, v]) => v !== undefined)) }),
  notYours: '您不负责这个区县的学院工作',
})
