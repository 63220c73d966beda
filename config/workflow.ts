import type { ApplicationKind } from '../types/application.schema'

/**
 * Deadline rules per application kind. Governments change these: they live here, not in code.
 * Legal aid: decide within 7 working days, extendable once by 3 with a reason; time spent supplementing does
 * not count; an unanswered request for materials makes the application withdrawn (法律援助法 and its rules).
 */
export interface KindRules {
  /** Working days from submission to decision. @default 7 for legal aid */
  decideWithinWorkingDays: number
  /** Working days one extension adds (once). @default 3 for legal aid */
  extensionWorkingDays: number
  /** Working days the applicant gets to supplement, unless staff set another. @default 10 */
  supplementWorkingDays: number
  /** "Due soon" on the workbench: due within this many working days. @default 2 */
  dueSoonWorkingDays: number
}

export const WORKFLOW_RULES: Record<ApplicationKind, KindRules> = {
  legalAid: { decideWithinWorkingDays: 7, extensionWorkingDays: 3, supplementWorkingDays: 10, dueSoonWorkingDays: 2 },
  // The academy's own service promises (no statute sets them): an answer on an enrolment within a working week,
  // subsidies within 15 working days (payment follows around the 25th of the month).
  academyEnrolment: { decideWithinWorkingDays: 5, extensionWorkingDays: 3, supplementWorkingDays: 5, dueSoonWorkingDays: 2 },
  tuitionSubsidy: { decideWithinWorkingDays: 15, extensionWorkingDays: 5, supplementWorkingDays: 10, dueSoonWorkingDays: 2 },
  skillSubsidy: { decideWithinWorkingDays: 15, extensionWorkingDays: 5, supplementWorkingDays: 10, dueSoonWorkingDays: 2 },
  // Cover should not wait: an enrolment is answered within 3 working days.
  insuranceEnrolment: { decideWithinWorkingDays: 3, extensionWorkingDays: 2, supplementWorkingDays: 5, dueSoonWorkingDays: 2 },
  // 工伤保险条例's acceptance review is 15 days: the placeholder until the province's own rule is entered.
  injuryClaim: { decideWithinWorkingDays: 15, extensionWorkingDays: 10, supplementWorkingDays: 15, dueSoonWorkingDays: 2 },
  // A report is news only while it is fresh (Lianyungang promises a response in 30 minutes): handled within 3
  // working days; the response time (report → accepted) is a staff figure of its own.
  volunteerReport: { decideWithinWorkingDays: 3, extensionWorkingDays: 5, supplementWorkingDays: 2, dueSoonWorkingDays: 2 },
  // Make-up hours need the organiser asked: two working weeks.
  volunteerHours: { decideWithinWorkingDays: 10, extensionWorkingDays: 5, supplementWorkingDays: 10, dueSoonWorkingDays: 2 },
}
