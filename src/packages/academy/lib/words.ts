import {
  AVAILABILITY_LABELS,
  ENROLMENT_STATE_LABELS,
  OFFER_TYPE_LABELS,
  RELEASE_LABELS,
  SCHEDULE_TAG_LABELS,
  SKILL_LEVEL_LABELS,
  formatCredits,
  type EnrolmentView,
  type OfferCard,
  type SessionView,
} from '~types/academy.schema'
import { formatFen } from '~types/money'
import { dayjs } from '~types/time'

const WEEK = '日一二三四五六'

/** “12月12日 周六 09:00–12:00 · 崇川区工农路 88 号” or “… · 线上”. */
export function sessionWords(s: SessionView): string {
  const d = dayjs(s.date)
  return `${d.month() + 1}月${d.date()}日 周${WEEK[d.day()]} ${s.start}–${s.end} · ${s.online ? '线上' : s.place}`
}

/** What the card says about when: “12月12日起 · 共 4 次 · 周末”, or a programme's length. */
export function whenWords(o: OfferCard & { sessions?: SessionView[] }): string {
  const tags = o.tags.map((t) => SCHEDULE_TAG_LABELS[t]).join('、')
  if (!o.firstDate) return `随时开始 · ${tags}`
  const d = dayjs(o.firstDate)
  return `${d.month() + 1}月${d.date()}日开课${o.sessions ? ` · 共 ${o.sessions.length} 次` : ''} · ${tags}`
}

/** Seats in words (never colour alone): “还剩 1 个名额”, “已满，12 人候补”. */
export function seatWords(o: OfferCard): string {
  if (o.seats === null) return '不限名额'
  if (o.seatsLeft === 0) return o.waiting ? `名额已满，${o.waiting} 人在候补` : '名额已满，可以候补'
  return `还剩 ${o.seatsLeft} 个名额（共 ${o.seats} 个）`
}

export function priceWords(o: OfferCard): string {
  return o.tuitionFenPerYear ? `学费 ${formatFen(o.tuitionFenPerYear)}/年，可申请补贴` : '免费'
}

export const typeWord = (o: Pick<OfferCard, 'type'>) => OFFER_TYPE_LABELS[o.type]
export const levelWord = (level: OfferCard['skillLevel']) => (level ? SKILL_LEVEL_LABELS[level] : '')
export const availabilityWord = (o: OfferCard) => AVAILABILITY_LABELS[o.availability]

export function enrolmentWords(e: EnrolmentView): string {
  if (e.state === 'waitlisted') return e.waitlistPlace ? `候补第 ${e.waitlistPlace} 位` : '候补中'
  if (e.state === 'released') return `${ENROLMENT_STATE_LABELS.released}（${e.releaseReason ? RELEASE_LABELS[e.releaseReason] : ''}）`
  return ENROLMENT_STATE_LABELS[e.state]
}

/** “已修 27 学分，还差 53 学分毕业”. */
export function creditWords(e: EnrolmentView): string | null {
  if (e.creditsRequired === null) return null
  const left = Math.max(0, e.creditsRequired - e.creditsEarned)
  return left ? `已修 ${formatCredits(e.creditsEarned)} 学分，还差 ${formatCredits(left)} 学分毕业` : `已修满 ${formatCredits(e.creditsRequired)} 学分，可以毕业`
}
