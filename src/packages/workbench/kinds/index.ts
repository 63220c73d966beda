import type { FC } from 'react'
import type { ApplicationKind, ReviewView } from '~types/application.schema'
import { enrolmentReview, skillSubsidyReview, tuitionSubsidyReview } from './academy'
import { injuryClaimReview, insuranceEnrolmentReview } from './insurance'
import { volunteerHoursReview, volunteerReportReview } from './volunteer'
import { legalAidReview } from './legal-aid'

/** A field of an approval form: its value and error, and an onChange that clears the error (spread onto TextField). */
export type BindField = (field: string, value: string, set: (v: string) => void) => { value: string; error?: string; onChange: (v: string) => void }

/** How the workbench shows and decides one kind. */
export interface ReviewKind {
  /** What the applicant filed, as the reviewer reads it. */
  RequestFields: FC<{ view: ReviewView }>
  /** An approval's details, read back. */
  DecisionFields: FC<{ details: Record<string, unknown> }>
  /** The kind's fields of the approval form; names are `details.<field>` as the server's errors name them. */
  ApproveFields: FC<{ values: Record<string, string>; set: (patch: Record<string, string>) => void; bind: BindField; payload?: Record<string, unknown> }>
  /** An approval form to start from (a subsidy's: the amount the rule computed, from the application's payload). */
  emptyApproval: (payload?: Record<string, unknown>) => Record<string, string>
  /** The kind's own staff steps beside the workflow's (a claim: the advance, the payout); `onDone` reloads. */
  ExtraActions?: FC<{ view: ReviewView; onDone: (toast: string) => void }>
  /** What a request for materials starts from (a claim: its checklist items not yet received). @default empty */
  suggestMissing?: (payload: Record<string, unknown>) => string
  /** The form's text values as the kind's decision details (a typed amount in yuan → fen). @default as typed */
  toDetails?: (values: Record<string, string>) => Record<string, unknown>
}

/** The workbench's registry: the compiler asks for every kind. */
export const REVIEW_KINDS: Record<ApplicationKind, ReviewKind> = {
  legalAid: legalAidReview,
  academyEnrolment: enrolmentReview,
  tuitionSubsidy: tuitionSubsidyReview,
  skillSubsidy: skillSubsidyReview,
  insuranceEnrolment: insuranceEnrolmentReview,
  injuryClaim: injuryClaimReview,
  volunteerReport: volunteerReportReview,
  volunteerHours: volunteerHoursReview,
}
