import * as z from 'zod/mini'
import { WORKFLOW_RULES, type KindRules } from '../config/workflow'
import { EnrolmentDecision, SubsidyDecision } from './academy.schema'
import { ClaimDecision, InsuranceEnrolmentDecision } from './insurance.schema'
import { LegalAidDecision } from './legal-aid.schema'
import { VolunteerHoursDecision, VolunteerReportDecision } from './volunteer.schema'
import type { Service } from './roles'

/**
 * Every kind of application that goes through the one workflow. Adding a kind: its name here, then the compiler
 * asks for it in each `Record<ApplicationKind, …>` — this table (both sides), the server's registry
 * (cloudfunctions/shared/kinds.ts), the workbench's (src/packages/workbench/kinds) and 我的申请's
 * (src/packages/applications/kinds), and its rules in config/workflow.ts.
 */
export const APPLICATION_KINDS = ['legalAid', 'academyEnrolment', 'tuitionSubsidy', 'skillSubsidy', 'insuranceEnrolment', 'injuryClaim', 'volunteerReport', 'volunteerHours'] as const
export const ApplicationKind = z.enum(APPLICATION_KINDS)
export type ApplicationKind = z.infer<typeof ApplicationKind>

export interface KindInfo {
  /** How a person names it: “法律援助申请”. */
  label: string
  /** Whose staff review it. */
  service: Service
  /** First letters of its case numbers (`FY-20261129-0007`); unique across kinds (tested). */
  casePrefix: string
  /** What staff fill in to approve it (`details` of approve), checked on both sides. */
  decision: z.ZodMiniType<Record<string, unknown>>
  /** Deadlines, from config/workflow.ts. */
  rules: KindRules
}

export const KINDS: Record<ApplicationKind, KindInfo> = {
  legalAid: { label: '法律援助', service: 'legalAid', casePrefix: 'FY', decision: LegalAidDecision, rules: WORKFLOW_RULES.legalAid },
  academyEnrolment: { label: '学院报名', service: 'academy', casePrefix: 'XY', decision: EnrolmentDecision, rules: WORKFLOW_RULES.academyEnrolment },
  tuitionSubsidy: { label: '学费补贴', service: 'academy', casePrefix: 'XF', decision: SubsidyDecision, rules: WORKFLOW_RULES.tuitionSubsidy },
  skillSubsidy: { label: '技能提升补贴', service: 'academy', casePrefix: 'JN', decision: SubsidyDecision, rules: WORKFLOW_RULES.skillSubsidy },
  insuranceEnrolment: { label: '职业伤害保险参保', service: 'insurance', casePrefix: 'CB', decision: InsuranceEnrolmentDecision, rules: WORKFLOW_RULES.insuranceEnrolment },
  injuryClaim: { label: '职业伤害理赔', service: 'insurance', casePrefix: 'LP', decision: ClaimDecision, rules: WORKFLOW_RULES.injuryClaim },
  volunteerReport: { label: '随手拍', service: 'volunteer', casePrefix: 'SP', decision: VolunteerReportDecision, rules: WORKFLOW_RULES.volunteerReport },
  volunteerHours: { label: '志愿时长补录', service: 'volunteer', casePrefix: 'BL', decision: VolunteerHoursDecision, rules: WORKFLOW_RULES.volunteerHours },
}
