import type { DiplomaInput, OfferStatus, OfferType, ScheduleTag, SessionView } from '~types/academy.schema'
import type { SkillLevelNo } from '../../../config/academy'

export const OFFERS = 'academy_offers'

/**
 * A diploma programme, skill course or contest. Its seat count is the one counter enrolments race on: `taken` (seats
 * held by seated and enrolled trainees), `waiting` (on the waitlist now) and `waitlistSeq` (the last waitlist number
 * given) live on this document and change only inside the transaction that changes an enrolment (seats.ts).
 */
export interface OfferDoc {
  _id: string
  service: 'academy'
  type: OfferType
  title: string
  provider: string
  /** Whose academy staff run it (the scope rule's district). */
  district: string
  /** Its city: the catalogue's filter, and who may enrol. */
  city: string
  cityWide: boolean
  description: string
  occupation: string | null
  skillLevel: SkillLevelNo | null
  leadsTo: string
  enrolUntil: string
  seats: number | null
  taken: number
  waiting: number
  waitlistSeq: number
  sessions: SessionView[]
  diploma: DiplomaInput | null
  /** Derived from the sessions on every save (online, evenings from 18:00, weekends). */
  tags: ScheduleTag[]
  /**
   * The same tags as one sorted key (`evening+online`, '' for none): a schedule filter is then an `in` over the few
   * keys that contain the wanted tags — a plain indexed comparison where an array match would scan the city.
   */
  tagKey: string
  firstDate: string | null
  lastDate: string | null
  /** The first class's start: an offer that has started takes nobody new. */
  startsAt: Date | null
  /** The catalogue's order: the first class day, or the enrolment deadline of a programme without sessions. */
  sortKey: string
  status: OfferStatus
  version: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}
