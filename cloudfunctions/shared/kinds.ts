import type { ApplicationKind } from '~types/kinds'
import { enrolmentKind } from './academy/enrolment.kind'
import { skillSubsidyKind, tuitionSubsidyKind } from './academy/subsidy.kind'
import { injuryClaimKind } from './insurance/claim.kind'
import { insuranceEnrolmentKind } from './insurance/enrolment.kind'
import { legalAidKind } from './legal-aid/legal-aid.kind'
import { volunteerHoursKind } from './volunteer/hours.kind'
import { volunteerReportKind } from './volunteer/report.kind'
import type { KindDefinition } from './workflow/kind'

/**
 * The server's registry of application kinds: a plain map the compiler completes (a new kind in types/kinds.ts is
 * an error here until registered). The workflow reads kinds only through it.
 */
export const KIND_DEFINITIONS: Record<ApplicationKind, KindDefinition> = {
  legalAid: legalAidKind,
  academyEnrolment: enrolmentKind,
  tuitionSubsidy: tuitionSubsidyKind,
  skillSubsidy: skillSubsidyKind,
  insuranceEnrolment: insuranceEnrolmentKind,
  injuryClaim: injuryClaimKind,
  volunteerReport: volunteerReportKind,
  volunteerHours: volunteerHoursKind,
}
