import { VOLUNTEER_DEFAULTS, type VolunteerRules } from '../../../config/volunteer'
import { districtRules } from '../core/district-rules'

export const VOLUNTEER_RULES = 'volunteer_rules'

/** A district's volunteer figures: what it set (volunteer.setRules, audited), config/volunteer.ts for the rest. */
export const { rulesFor, rulesIn, setRules } = districtRules<VolunteerRules>({
  service: 'volunteer',
  collection: VOLUNTEER_RULES,
  defaults: VOLUNTEER_DEFAULTS,
  merge: (set, d) => ({
    reportPoints: { ...d.reportPoints, ...set.reportPoints },
    pointsPerHour: set.pointsPerHour ?? d.pointsPerHour,
    redemptionExpiryDays: set.redemptionExpiryDays ?? d.redemptionExpiryDays,
    makeUpMinutesPerYear: set.makeUpMinutesPerYear ?? d.makeUpMinutesPerYear,
    checkInRadiusM: set.checkInRadiusM ?? d.checkInRadiusM,
  }),
  notYours: '您不负责这个区县的志愿服务工作',
})
