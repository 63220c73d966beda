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
  type OfferStatus,
  type RosterRow,
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

// ---- staff ----

/** An offer's status as staff read it: what it means for workers, not just the word. */
export const OFFER_STATUS_WORDS: Record<OfferStatus, string> = {
  draft: '草稿（还没发布，学员看不到）',
  published: '已发布（可以报名）',
  closed: '已关闭（不再接受报名）',
}
export const OFFER_STATUS_SHORT: Record<OfferStatus, string> = { draft: '草稿', published: '已发布', closed: '已关闭' }

/** “已占 12 / 40 个名额 · 3 人候补”, or for a programme without seats “不限名额”. */
export function staffSeatWords(o: OfferCard): string {
  const waiting = o.waiting ? ` · ${o.waiting} 人候补` : ' · 无人候补'
  if (o.seats === null) return `不限名额${o.waiting ? waiting : ''}`
  return `已占 ${o.seats - (o.seatsLeft ?? 0)} / ${o.seats} 个名额${waiting}`
}

/** A class-list row's state in words: “候补第 2 号”, “已退出（未到课，名额已让出）”. */
export function rosterStateWords(r: RosterRow): string {
  if (r.state === 'waitlisted') return r.waitlistNo ? `候补（第 ${r.waitlistNo} 号）` : '候补中'
  if (r.state === 'seated') return '已占名额，待审核录取'
  if (r.state === 'released') return `已退出（${r.releaseReason ? RELEASE_LABELS[r.releaseReason] : '原因未记'}）`
  return ENROLMENT_STATE_LABELS[r.state]
}

/** “第 2 次 12月15日 周二 19:00”: a session as a short name in a list of them. */
export function sessionShort(s: SessionView, i: number): string {
  const d = dayjs(s.date)
  return `第 ${i + 1} 次 ${d.month() + 1}月${d.date()}日 周${WEEK[d.day()]} ${s.start}`
}

/** A row's attendance: “到 2 次，缺 1 次，未记 3 次”. */
export function attendanceWords(r: RosterRow, sessions: readonly SessionView[]): string {
  const marks = sessions.map((s) => r.attendance[s.id])
  const present = marks.filter((m) => m === 'present').length
  const absent = marks.filter((m) => m === 'absent').length
  const open = sessions.length - present - absent
  return [`到课 ${present} 次`, absent ? `缺课 ${absent} 次` : '', open ? `未记 ${open} 次` : ''].filter(Boolean).join('，')
}
