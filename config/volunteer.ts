/**
 * 志愿服务积分: every figure a district can change, with the defaults found in the sources
 * (../shared/reference/DOMAIN.md §4). A district may set its own (volunteer.setRules, audited); what it does not
 * set falls back to these. Points are whole numbers, time is whole minutes.
 */
export interface VolunteerRules {
  /**
   * Points for a handled report, by how staff graded it. Lianyungang 「连新码」 10 per valid report; Wuhan 50 for a
   * hazard, 100 for a public-security lead.
   * @default { valid: 10, hazard: 50, securityLead: 100 }
   */
  reportPoints: { valid: number; hazard: number; securityLead: number }
  /** Points per confirmed hour of service (credited per half hour). Kunshan: 1 h = 10. @default 10 */
  pointsPerHour: number
  /** Days a redeemed reward waits at its pickup place before points and stock come back. @default 14 */
  redemptionExpiryDays: number
  /** Make-up hours (补录) a worker may claim in a calendar year, in minutes; 志愿汇 caps what an admin adds. @default 1200 */
  makeUpMinutesPerYear: number
  /** How far from a task's place a phone check-in may be, in metres; beyond it the organiser's code is needed. @default 500 */
  checkInRadiusM: number
}

export const VOLUNTEER_DEFAULTS: VolunteerRules = {
  reportPoints: { valid: 10, hazard: 50, securityLead: 100 },
  pointsPerHour: 10,
  redemptionExpiryDays: 14,
  makeUpMinutesPerYear: 1200,
  checkInRadiusM: 500,
}

/**
 * Star levels of a volunteer by confirmed hours (志愿服务记录与证明出具办法): 1–5 stars at these hours. Stars 1–2 are
 * granted by the county association, 3–4 by the city, 5 by the province — the app shows the level the hours reach.
 */
export const STAR_HOURS = [100, 300, 600, 1000, 1500] as const

/** Reports of one category closer than this and within DUPLICATE_HOURS are shown to the reviewer as possible duplicates. */
export const DUPLICATE_RADIUS_M = 100
export const DUPLICATE_HOURS = 24
