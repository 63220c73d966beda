import { action } from './contract'
import type { ApplicationView } from './application.schema'
import { AdvanceDecisionInput, EvidenceInput, InsuranceEnrolInput, PayInput, PayoutInput, ReportInput, SandboxPaidInput, SchemeInput, SchemesInput, type CoverageView, type InsuranceFigures, type PaymentView, type PolicyView, type SchemeView } from './insurance.schema'
import { Empty } from './user.schema'

/**
 * The `insurance` function (职业伤害保障): schemes as configuration, "am I covered?", enrolment in a commercial
 * scheme, its premium (WeChat Pay; a labelled sandbox locally) and the policy. Claims follow (issue #9).
 */
export const insuranceContract = {
  coverage: action<CoverageView>()({ input: Empty, roles: ['worker'], writes: false, summary: "Which schemes apply to the caller's profile, in plain words, with what each pays and costs." }),
  enrol: action<ApplicationView>()({ input: InsuranceEnrolInput, roles: ['worker'], writes: true, replay: 'stored', summary: 'Apply to join a commercial scheme (an insuranceEnrolment application).' }),
  pay: action<PaymentView>()({ input: PayInput, roles: ['worker'], writes: false, summary: 'What paying an approved enrolment takes (sandbox locally; refused in production without a merchant).' }),
  sandboxPaid: action<PaymentView>()({ input: SandboxPaidInput, roles: ['worker'], writes: true, replay: 'stored', summary: 'Local sandbox only: the payment succeeds; the policy is issued once.' }),
  report: action<ApplicationView>()({ input: ReportInput, roles: ['worker'], writes: true, replay: 'stored', summary: '一键报案: an injuryClaim at once, with its deadlines and evidence checklist.' }),
  addEvidence: action<ApplicationView>()({ input: EvidenceInput, roles: ['worker'], writes: true, replay: 'stored', summary: 'A checklist item of evidence: files join the claim, the item is marked received.' }),
  decideAdvance: action<{ approved: boolean; amountFen: number; reason: string | null; at: string }>()({ input: AdvanceDecisionInput, roles: ['staff'], service: 'insurance', writes: true, replay: 'stored', summary: 'Decide a hospital-deposit advance first; an approval draws on the cover left (audited).' }),
  recordPayout: action<{ payouts: { amountFen: number; paidOn: string; reference: string; at: string }[]; paidFen: number; approvedFen: number }>()({ input: PayoutInput, roles: ['staff'], service: 'insurance', writes: true, replay: 'stored', summary: 'Record a payout of an approved claim, never above it; the worker is told (audited).' }),
  figures: action<InsuranceFigures>()({ input: Empty, roles: ['staff'], service: 'insurance', writes: false, summary: 'Policies in force, claims open and overdue, paid this month, median days report → payment.' }),
  policies: action<PolicyView[]>()({ input: Empty, roles: ['worker'], writes: false, summary: "The caller's own policies: number, insurer, period, premium, cap and what is left." }),
  schemes: action<SchemeView[]>()({ input: SchemesInput, roles: ['admin'], writes: false, summary: 'Schemes in force (with `all`, past and scheduled versions too).' }),
  saveScheme: action<SchemeView[]>()({ input: SchemeInput, roles: ['admin'], writes: true, replay: 'stored', summary: 'A new version of a scheme from a date, today or later (audited).' }),
}
