import type { CreditEntry, EnrolmentState, OfferType, ReleaseReason } from '~types/academy.schema'

export const ENROLMENTS = 'academy_enrolments'

/**
 * One worker in one offer. Its `_id` is `<offerId>_<userId>`: the database itself refuses a second enrolment in the
 * same offer (a released one is reused when the worker enrols again). The application (kind `academyEnrolment`)
 * carries the review; this record carries the seat, attendance and credits.
 */
export interface EnrolmentDoc {
  _id: string
  service: 'academy'
  /** The offer's district: its staff run the class. */
  district: string
  offerId: string
  offerType: OfferType
  offerTitle: string
  /** The offer's last class day (figures: a course that has ended and was not completed). */
  offerLastDate: string | null
  userId: string
  openid: string
  name: string
  applicationId: string
  caseNo: string
  state: EnrolmentState
  releaseReason: ReleaseReason | null
  /** Order on the waitlist (1, 2, …, never reused within an offer); null once seated. */
  waitlistNo: number | null
  seatedAt: Date | null
  attendance: Record<string, 'present' | 'absent'>
  /** Keyed by module and year, so recording a module again corrects it instead of adding it twice. */
  credits: Record<string, CreditEntry>
  completedAt: Date | null
  certificateId: string | null
  createdAt: Date
  updatedAt: Date
}

export const enrolmentIdOf = (offerId: string, userId: string) => `${offerId}_${userId}`

export function creditsEarned(e: Pick<EnrolmentDoc, 'credits'>): number {
  return Object.values(e.credits ?? {}).reduce((sum, c) => sum + c.credits, 0)
}

export function creditsInYear(e: Pick<EnrolmentDoc, 'credits'>, yearNo: number): number {
  return Object.values(e.credits ?? {}).filter((c) => c.yearNo === yearNo).reduce((sum, c) => sum + c.credits, 0)
}
