import {
  SCHEDULE_TAGS,
  type CatalogueInput,
  type DiplomaInput,
  type OfferAvailability,
  type OfferCard,
  type OfferDetail,
  type OfferInput,
  type ScheduleTag,
  type SessionView,
} from '~types/academy.schema'
import { findDistrict, regionLabel, findCity } from '~types/regions'
import { inZone, dayjs, ZONE } from '~types/time'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { districtsOf, inScopeOr404, scopeCondition, staffCovers } from '../core/scope'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'
import { ENROLMENTS, type EnrolmentDoc } from './enrolment.doc'
import { OFFERS, type OfferDoc } from './offer.doc'

export const CATALOGUE_PAGE_SIZE = 20

/** When a class is, in the words of the filter: online, in the evening (from 18:00), at the weekend. */
export function tagsOf(type: OfferInput['type'], sessions: readonly SessionView[]): ScheduleTag[] {
  const tags = new Set<ScheduleTag>()
  // A diploma programme with the open university is online-first (recorded lectures, online exams).
  if (type === 'diploma' || sessions.some((s) => s.online)) tags.add('online')
  if (sessions.some((s) => s.start >= '18:00')) tags.add('evening')
  if (sessions.some((s) => [0, 6].includes(dayjs.tz(s.date, ZONE).day()))) tags.add('weekend')
  return [...tags]
}

export const tagKeyOf = (tags: readonly ScheduleTag[]) => [...tags].sort().join('+')

/** Every tag key holding all of `wanted`: the subsets of the other tags, each joined with them. */
export function tagKeysWith(wanted: readonly ScheduleTag[]): string[] {
  const others = SCHEDULE_TAGS.filter((t) => !wanted.includes(t))
  return Array.from({ length: 2 ** others.length }, (_, mask) => tagKeyOf([...wanted, ...others.filter((_t, i) => mask & (1 << i))]))
}

export function startOf(s: Pick<SessionView, 'date' | 'start'>): Date {
  return dayjs.tz(`${s.date} ${s.start}`, 'YYYY-MM-DD HH:mm', ZONE).toDate()
}

/** Years a programme's tuition is paid for, and the credits each year needs (tenths, rounded up). */
export function programmeYears(d: DiplomaInput) {
  const years = Math.ceil(d.lengthMonths / 12)
  return { years, creditsPerYear: Math.ceil(d.creditsRequired / years) }
}

export function availability(o: OfferDoc, now: Date): OfferAvailability {
  const today = inZone(now).format('YYYY-MM-DD')
  if (o.status !== 'published' || today > o.enrolUntil) return 'closed'
  if (o.startsAt && o.startsAt <= now) return 'started'
  if (o.seats !== null && o.taken >= o.seats) return 'waitlist'
  return 'open'
}

function whereOf(o: Pick<OfferDoc, 'district' | 'city' | 'cityWide'>): string {
  return o.cityWide ? `${findCity(o.city)?.name ?? o.city}（全市）` : regionLabel(o.district)
}

export function offerCard(o: OfferDoc, now: Date, mine: EnrolmentDoc | null): OfferCard {
  return {
    id: o._id,
    type: o.type,
    title: o.title,
    provider: o.provider,
    where: whereOf(o),
    occupation: o.occupation,
    skillLevel: o.skillLevel,
    leadsTo: o.leadsTo,
    tags: o.tags,
    firstDate: o.firstDate,
    lastDate: o.lastDate,
    enrolUntil: o.enrolUntil,
    seats: o.seats,
    seatsLeft: o.seats === null ? null : Math.max(0, o.seats - o.taken),
    waiting: o.waiting,
    availability: availability(o, now),
    tuitionFenPerYear: o.diploma?.tuitionFenPerYear ?? 0,
    mine: mine && mine.state !== 'released' ? mine.state : null,
  }
}

export function offerDetail(o: OfferDoc, now: Date, mine: EnrolmentDoc | null): Omit<OfferDetail, 'enrolment'> {
  return {
    ...offerCard(o, now, mine),
    description: o.description,
    sessions: o.sessions,
    diploma: o.diploma ? { ...o.diploma, ...programmeYears(o.diploma) } : null,
    status: o.status,
    district: o.district,
    cityWide: o.cityWide,
  }
}

/**
 * The catalogue: published offers of a city (the worker's own unless another is picked), soonest first, filtered
 * by kind, occupation and when classes are. One query for the page, one for the caller's own enrolments among them —
 * whatever the collection's size (indexes: status, city, sortKey; with a schedule filter status, city, tagKey, sortKey).
 */
export async function catalogue(rt: Runtime, user: UserDoc, f: CatalogueInput): Promise<{ rows: OfferCard[]; more: boolean; page: number; pageSize: number; city: string }> {
  const _ = rt.db.command
  const city = f.city ?? findDistrict(user.profile!.districtCode)?.cityCode ?? '320600'
  const where: Record<string, unknown> = { status: 'published', city }
  if (f.type) where.type = f.type
  if (f.occupation) where.occupation = f.occupation
  if (f.tags?.length) where.tagKey = _.in(tagKeysWith(f.tags))
  const page = f.page ?? 1
  // One more than a page says whether there is a next one, without a count (a round trip) over the city.
  const { data } = await rt.db.collection(OFFERS).where(where).orderBy('sortKey', 'asc').skip((page - 1) * CATALOGUE_PAGE_SIZE).limit(CATALOGUE_PAGE_SIZE + 1).get()
  const offers = (data as OfferDoc[]).slice(0, CATALOGUE_PAGE_SIZE)
  const mine = await myEnrolmentsIn(rt, user, offers.map((o) => o._id))
  const now = rt.now()
  return { rows: offers.map((o) => offerCard(o, now, mine.get(o._id) ?? null)), more: data.length > CATALOGUE_PAGE_SIZE, page, pageSize: CATALOGUE_PAGE_SIZE, city }
}

async function myEnrolmentsIn(rt: Runtime, user: UserDoc, offerIds: string[]): Promise<Map<string, EnrolmentDoc>> {
  if (!offerIds.length) return new Map()
  const _ = rt.db.command
  const { data } = await rt.db.collection(ENROLMENTS).where({ userId: user._id, offerId: _.in(offerIds) }).limit(offerIds.length).get()
  return new Map((data as EnrolmentDoc[]).map((e) => [e.offerId, e]))
}

export async function getOffer(rt: Runtime, id: string): Promise<OfferDoc | null> {
  const { data } = await rt.db.collection(OFFERS).doc(id).get()
  return (data[0] as OfferDoc | undefined) ?? null
}

/** A worker sees a published offer; staff of its district also their drafts and closed ones. */
export async function offerForWorker(rt: Runtime, user: UserDoc, id: string): Promise<OfferDoc> {
  const o = await getOffer(rt, id)
  if (!o || (o.status === 'draft' && !staffCovers(user, o))) throw new AppError('NOT_FOUND', '没有找到这门课程，可能已经下架')
  return o
}

const sessionId = (s: OfferInput['sessions'][number], i: number) => s.id || `s${i + 1}-${s.date.replace(/-/g, '')}`

/**
 * Create or edit an offer (academy staff of its district). Seats can shrink only down to those already taken: a
 * course never has more enrolled than seats. Sessions keep their ids so attendance stays with them.
 */
export async function saveOffer(rt: Runtime, user: UserDoc, input: OfferInput): Promise<OfferDetail> {
  const district = findDistrict(input.district)
  if (!district) throw invalidField('district', '请选择江苏省内的区县')
  if (!districtsOf(user, 'academy').includes(input.district)) throw invalidField('district', '您只能在自己负责的区县发布课程')
  const now = rt.now()
  const sessions: SessionView[] = [...input.sessions]
    .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start))
    .map((s, i) => ({ id: sessionId(s, i), date: s.date, start: s.start, end: s.end, online: s.online, place: s.online ? (s.place || null) : s.place! }))
  if (new Set(sessions.map((s) => s.id)).size !== sessions.length) throw invalidField('sessions', '课次编号重复，请刷新后再编辑')
  const firstDate = sessions[0]?.date ?? null
  const fields = {
    type: input.type,
    title: input.title,
    provider: input.provider,
    district: input.district,
    city: district.cityCode,
    cityWide: input.cityWide,
    description: input.description,
    occupation: input.type === 'diploma' ? (input.occupation || null) : input.occupation!,
    skillLevel: input.type === 'diploma' ? null : input.skillLevel!,
    leadsTo: input.leadsTo,
    enrolUntil: input.enrolUntil,
    seats: input.type === 'diploma' ? null : (input.seats ?? null),
    sessions,
    diploma: input.type === 'diploma' ? input.diploma! : null,
    tags: tagsOf(input.type, sessions),
    tagKey: tagKeyOf(tagsOf(input.type, sessions)),
    firstDate,
    lastDate: sessions.at(-1)?.date ?? null,
    startsAt: sessions[0] ? startOf(sessions[0]) : null,
    sortKey: firstDate ?? input.enrolUntil,
    updatedAt: now,
  }
  const id = await inTransaction(rt.db, async (tx: Transaction) => {
    if (!input.id) {
      const doc: Omit<OfferDoc, '_id'> = { ...fields, service: 'academy', taken: 0, waiting: 0, waitlistSeq: 0, status: 'draft', version: 1, createdBy: user._id, createdAt: now }
      const { id } = (await tx.collection(OFFERS).add(doc)) as { id: string }
      await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'academy.createOffer', targetType: 'offer', targetId: id, at: now })
      return id
    }
    const { data } = await tx.collection(OFFERS).doc(input.id).get()
    const current = inScopeOr404(user, (data as OfferDoc | null) ?? null, '没有找到这门课程')
    if (current.type !== input.type) throw invalidField('type', '课程类型发布后不能改，请新建一门')
    if (fields.seats !== null && fields.seats < current.taken) throw invalidField('seats', `已有 ${current.taken} 人占了名额，名额不能少于这个数`)
    const { _id, ...rest } = { ...current, ...fields }
    await tx.collection(OFFERS).doc(input.id).set({ ...rest, version: current.version + 1 })
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'academy.editOffer', targetType: 'offer', targetId: input.id, at: now })
    return input.id
  })
  const saved = (await getOffer(rt, id))!
  return { ...offerDetail(saved, now, null), enrolment: null }
}

/** Publish (the catalogue lists it) or close (no new enrolments; those enrolled stay). */
export async function setOfferStatus(rt: Runtime, user: UserDoc, id: string, status: 'published' | 'closed'): Promise<OfferDetail> {
  const now = rt.now()
  await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(OFFERS).doc(id).get()
    const o = inScopeOr404(user, (data as OfferDoc | null) ?? null, '没有找到这门课程')
    if (o.status === status) return
    await tx.collection(OFFERS).doc(id).update({ status, version: o.version + 1, updatedAt: now })
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: `academy.${status === 'published' ? 'publish' : 'close'}Offer`, targetType: 'offer', targetId: id, from: o.status, to: status, at: now })
  })
  return { ...offerDetail((await getOffer(rt, id))!, now, null), enrolment: null }
}

/** Academy staff's own offers (their districts), newest first. */
export async function staffOffers(rt: Runtime, user: UserDoc, f: { status?: OfferDoc['status']; page?: number }) {
  const where = { ...scopeCondition(rt.db, user, 'academy'), ...(f.status ? { status: f.status } : {}) }
  const page = f.page ?? 1
  const col = rt.db.collection(OFFERS)
  const [{ data }, { total }] = await Promise.all([
    col.where(where).orderBy('updatedAt', 'desc').skip((page - 1) * CATALOGUE_PAGE_SIZE).limit(CATALOGUE_PAGE_SIZE).get(),
    col.where(where).count(),
  ])
  const now = rt.now()
  return { rows: (data as OfferDoc[]).map((o) => ({ ...offerCard(o, now, null), status: o.status })), total, page, pageSize: CATALOGUE_PAGE_SIZE }
}
