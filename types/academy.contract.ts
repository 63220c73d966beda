import type { AcademyRules } from '../config/academy'
import {
  AddCertificateInput,
  AttendanceInput,
  CatalogueInput,
  CompleteInput,
  CreditsInput,
  EnrolInput,
  IssueInput,
  NoShowInput,
  OfferId,
  OfferInput,
  RosterInput,
  RulesInput,
  SetOfferStatusInput,
  SetRulesInput,
  SkillSubsidyInput,
  StaffOffersInput,
  TranscriptInput,
  TuitionSubsidyInput,
  VerifyInput,
  type AcademyFigures,
  type CertificateView,
  type LearningView,
  type OfferCard,
  type OfferDetail,
  type OfferStatus,
  type RosterView,
  type SubsidyQuote,
  type TranscriptView,
  type VerifyView,
} from './academy.schema'
import type { ApplicationView } from './application.schema'
import { action } from './contract'
import * as z from 'zod/mini'
import { Empty } from './user.schema'

export interface CataloguePage {
  rows: OfferCard[]
  /** Whether a next page exists. */
  more: boolean
  page: number
  pageSize: number
  /** The city listed (the worker's own unless another was picked). */
  city: string
}
export interface StaffOffersPage {
  rows: (OfferCard & { status: OfferStatus })[]
  total: number
  page: number
  pageSize: number
}

const TuitionQuoteInput = z.strictObject({
  enrolmentId: TuitionSubsidyInput.shape.enrolmentId,
  yearNo: TuitionSubsidyInput.shape.yearNo,
  paidFen: TuitionSubsidyInput.shape.paidFen,
  tier: TuitionSubsidyInput.shape.tier,
})

/**
 * The `academy` function (江海新才学院): the catalogue, enrolment with seats and a waitlist, 我的学习, certificates
 * and the two subsidies for workers; offers, class lists, attendance, credits and certificates for its staff.
 * Enrolments and subsidy claims are applications: their review is the `application` function's.
 */
export const academyContract = {
  catalogue: action<CataloguePage>()({ input: CatalogueInput, roles: ['worker'], writes: false, summary: 'Published offers of a city, soonest first, filtered by kind, occupation and schedule.' }),
  offer: action<OfferDetail>()({ input: z.strictObject({ id: OfferId }), roles: ['worker'], writes: false, summary: "One offer with its sessions and the caller's enrolment." }),
  enrol: action<ApplicationView>()({ input: EnrolInput, roles: ['worker'], writes: true, replay: 'stored', summary: 'Enrol: a seat or a waitlist place, and an academyEnrolment application.' }),
  learning: action<LearningView>()({ input: Empty, roles: ['worker'], writes: false, summary: "我的学习: the caller's enrolments, next sessions, credits and certificates." }),
  transcript: action<TranscriptView>()({ input: TranscriptInput, roles: ['worker'], writes: false, summary: "The caller's credits by module and programme year." }),
  addCertificate: action<CertificateView>()({ input: AddCertificateInput, roles: ['worker'], writes: true, replay: 'stored', summary: 'Register a skill certificate from elsewhere (number unique system-wide).' }),
  quoteSkillSubsidy: action<SubsidyQuote>()({ input: SkillSubsidyInput, roles: ['worker'], writes: false, summary: 'The skill-upgrade subsidy a certificate would get, or every reason why not.' }),
  claimSkillSubsidy: action<ApplicationView>()({ input: SkillSubsidyInput, roles: ['worker'], writes: true, replay: 'stored', summary: 'File a skillSubsidy application (rules re-checked in its transaction).' }),
  quoteTuitionSubsidy: action<SubsidyQuote>()({ input: TuitionQuoteInput, roles: ['worker'], writes: false, summary: "A programme year's tuition subsidy by rule, with its reasoning." }),
  claimTuitionSubsidy: action<ApplicationView>()({ input: TuitionSubsidyInput, roles: ['worker'], writes: true, replay: 'stored', summary: 'File a tuitionSubsidy application for one programme year.' }),
  rules: action<AcademyRules>()({ input: RulesInput, roles: ['worker'], writes: false, summary: "A district's subsidy rates, caps and windows (the caller's own by default)." }),
  verify: action<VerifyView>()({ input: VerifyInput, roles: ['public'], writes: false, summary: 'Public check of a certificate number: holder masked, occupation, level, date, issuer.' }),

  saveOffer: action<OfferDetail>()({ input: OfferInput, roles: ['staff'], service: 'academy', writes: true, replay: 'stored', summary: 'Create or edit an offer in one of the caller’s districts (audited).' }),
  setOfferStatus: action<OfferDetail>()({ input: SetOfferStatusInput, roles: ['staff'], service: 'academy', writes: true, replay: 'stored', summary: 'Publish or close an offer (audited).' }),
  staffOffers: action<StaffOffersPage>()({ input: StaffOffersInput, roles: ['staff'], service: 'academy', writes: false, summary: "Offers of the caller's districts, newest first." }),
  roster: action<RosterView>()({ input: RosterInput, roles: ['staff'], service: 'academy', writes: false, summary: 'A class list: seats, waitlist, attendance, credits, certificates.' }),
  recordAttendance: action<{ marked: number; skipped: number }>()({ input: AttendanceInput, roles: ['staff'], service: 'academy', writes: true, replay: 'stored', summary: 'Attendance of one session for the whole class (audited).' }),
  recordCredits: action<{ recorded: number; skipped: string[] }>()({ input: CreditsInput, roles: ['staff'], service: 'academy', writes: true, replay: 'stored', summary: "A module's credits for a class; the same module again corrects it (audited)." }),
  markNoShow: action<RosterView>()({ input: NoShowInput, roles: ['staff'], service: 'academy', writes: true, replay: 'stored', summary: 'A trainee did not come: the seat goes to the first in line (audited).' }),
  completeCourse: action<{ completed: string[]; notYet: { enrolmentId: string; attended: number }[]; sessionsNeeded: number }>()({ input: CompleteInput, roles: ['staff'], service: 'academy', writes: true, replay: 'stored', summary: 'Complete those who attended enough sessions (audited).' }),
  issueCertificates: action<{ issued: { enrolmentId: string; number: string }[]; skipped: { enrolmentId: string; reason: string }[] }>()({ input: IssueInput, roles: ['staff'], service: 'academy', writes: true, replay: 'stored', summary: 'Issue numbered certificates to completed trainees or contest winners (audited).' }),
  figures: action<AcademyFigures>()({ input: Empty, roles: ['staff'], service: 'academy', writes: false, summary: 'Enrolled, waitlisted, completion rate, subsidies approved this month.' }),
  setRules: action<AcademyRules>()({ input: SetRulesInput, roles: ['staff'], service: 'academy', writes: true, replay: 'stored', summary: "Set a district's subsidy rates, caps and windows (audited)." }),
}
