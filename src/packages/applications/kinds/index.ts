import type { FC } from 'react'
import type { ApplicationKind, ApplicationView } from '~types/application.schema'
import { enrolmentApplicant, skillSubsidyApplicant, tuitionSubsidyApplicant } from './academy'
import { injuryClaimApplicant, insuranceEnrolmentApplicant } from './insurance'
import { volunteerHoursApplicant, volunteerReportApplicant } from './volunteer'
import { legalAidApplicant } from './legal-aid'

/** How 我的申请 reads one kind back to its applicant. */
export interface ApplicantKind {
  /** What was filed, as label–value rows (attachments are listed by the page). */
  RequestRows: FC<{ view: ApplicationView }>
  /** An approval's details: who takes it, when and where to go. */
  ApprovedRows: FC<{ details: Record<string, unknown> }>
  /** The next step once approved, in a few words (the deadline card's title). */
  approvedNext: string
  /** Where to turn after a rejection. */
  appeal: string
  /** What being flagged urgent means for this kind while it is undecided (legal aid: help before the decision). @default nothing said */
  urgentNote?: string
}

/** The app's registry for 我的申请: the compiler asks for every kind. */
export const APPLICANT_KINDS: Record<ApplicationKind, ApplicantKind> = {
  legalAid: legalAidApplicant,
  academyEnrolment: enrolmentApplicant,
  tuitionSubsidy: tuitionSubsidyApplicant,
  skillSubsidy: skillSubsidyApplicant,
  insuranceEnrolment: insuranceEnrolmentApplicant,
  injuryClaim: injuryClaimApplicant,
  volunteerReport: volunteerReportApplicant,
  volunteerHours: volunteerHoursApplicant,
}
