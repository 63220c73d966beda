import type * as z from 'zod/mini'
import { DIPLOMA_LEVELS, formatCredits, type OfferDetail, type OfferInput, type OfferType } from '~types/academy.schema'
import type { FieldErrors } from '~types/errors'
import { fenToYuanText, yuanToFen } from '~types/money'
import { staffDistricts } from '~types/roles'
import type { UserView } from '~types/user.schema'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'

/** The districts whose academy the caller runs (their staff grants with the academy service). */
export const academyDistricts = (user: Pick<UserView, 'roles'> | null | undefined): string[] => staffDistricts(user, 'academy')

/** One class meeting as the form holds it: text as typed; `key` only tells the rows apart on screen. */
export interface SessionDraft {
  key: string
  /** Kept from the saved offer, so attendance stays with its session after an edit. */
  id?: string
  date: string
  start: string
  end: string
  online: boolean
  place: string
}

/** An offer half filled: every number as typed (credits in credits, tuition in yuan), kept on the device. */
export interface OfferDraft {
  /** Set once saved: a retry after a failed publish edits it instead of creating another. */
  id?: string
  type: OfferType | ''
  title: string
  provider: string
  district: string
  cityWide: boolean
  description: string
  occupation: string
  skillLevel: string
  leadsTo: string
  enrolUntil: string
  seats: string
  sessions: SessionDraft[]
  diploma: { level: string; major: string; university: string; lengthMonths: string; credits: string; tuitionYuan: string }
}

export const offerDraftKey = (userId: string, offerId: string | undefined) => `${DRAFT_PREFIX}academy.staff.offer.${userId}.${offerId || 'new'}`

let keys = 0
export const newSessionKey = () => `k${Date.now().toString(36)}${++keys}`

export const emptySession = (): SessionDraft => ({ key: newSessionKey(), date: '', start: '19:00', end: '21:00', online: false, place: '' })

export function emptyOffer(districts: string[]): OfferDraft {
  return {
    type: '',
    title: '',
    provider: '',
    district: districts.length === 1 ? districts[0] : '',
    cityWide: false,
    description: '',
    occupation: '',
    skillLevel: '',
    leadsTo: '',
    enrolUntil: '',
    seats: '',
    sessions: [],
    diploma: { level: '', major: '', university: '', lengthMonths: '', credits: '', tuitionYuan: '' },
  }
}


/** A saved offer back into the form. */
export function offerToDraft(o: OfferDetail): OfferDraft {
  return {
    id: o.id,
    type: o.type,
    title: o.title,
    provider: o.provider,
    district: o.district,
    cityWide: o.cityWide,
    description: o.description,
    occupation: o.occupation ?? '',
    skillLevel: o.skillLevel ? String(o.skillLevel) : '',
    leadsTo: o.leadsTo,
    enrolUntil: o.enrolUntil,
    seats: o.seats === null ? '' : String(o.seats),
    sessions: o.sessions.map((s) => ({ key: s.id, id: s.id, date: s.date, start: s.start, end: s.end, online: s.online, place: s.place ?? '' })),
    diploma: o.diploma
      ? { level: o.diploma.level, major: o.diploma.major, university: o.diploma.university, lengthMonths: String(o.diploma.lengthMonths), credits: formatCredits(o.diploma.creditsRequired), tuitionYuan: fenToYuanText(o.diploma.tuitionFenPerYear) }
      : emptyOffer([]).diploma,
  }
}

/** "80" or "80.5" credits → tenths (800, 805); anything else is null. */
export function creditsToTenths(text: string): number | null {
  const m = /^\s*(\d{1,4})(?:\.(\d))?\s*$/.exec(text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, '.'))
  return m ? Number(m[1]) * 10 + Number(m[2] ?? 0) : null
}

/** A whole number as typed; empty → undefined, anything else → NaN (the schema then says what it wants). */
export function wholeNumber(text: string): number | undefined {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  if (!t) return undefined
  return /^\d+$/.test(t) ? Number(t) : Number.NaN
}

const ascii = (t: string) => t.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))

/** “2026-12-1”, “2026.12.1”, “2026/12/01” → 2026-12-01; anything else as typed (the schema then says the format). */
export function dateText(text: string): string {
  const m = /^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$/.exec(ascii(text))
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim()
}

/** “19:00”, “19：00”, “9:30”, “1900” → 19:00 / 09:30; anything else as typed. */
export function timeText(text: string): string {
  const m = /^\s*(\d{1,2})\s*[:：.]?\s*(\d{2})\s*$/.exec(ascii(text))
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : text.trim()
}

/**
 * The form's text → what saveOffer takes: only the fields its type needs. Money and credits are read here (string
 * arithmetic, never floats); what they cannot read comes back as errors under their fields, before anything is sent.
 */
export function draftToInput(d: OfferDraft): { input: z.input<typeof OfferInput>; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const diploma = d.type === 'diploma'
  const base = {
    ...(d.id ? { id: d.id } : {}),
    type: d.type as OfferType,
    title: d.title,
    provider: d.provider,
    district: d.district,
    cityWide: d.cityWide,
    description: d.description,
    leadsTo: d.leadsTo,
    enrolUntil: dateText(d.enrolUntil),
    sessions: d.sessions.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      date: dateText(s.date),
      start: timeText(s.start),
      end: timeText(s.end),
      online: s.online,
      ...(s.place.trim() ? { place: s.place } : {}),
    })),
  }
  if (!diploma) {
    const seats = wholeNumber(d.seats)
    return {
      input: {
        ...base,
        ...(d.occupation.trim() ? { occupation: d.occupation } : {}),
        ...(d.skillLevel ? { skillLevel: Number(d.skillLevel) as 1 | 2 | 3 | 4 | 5 } : {}),
        ...(seats !== undefined ? { seats } : {}),
      },
      errors,
    }
  }
  const p = d.diploma
  let creditsRequired: number | undefined
  if (p.credits.trim()) {
    const tenths = creditsToTenths(p.credits)
    if (tenths === null) errors['diploma.creditsRequired'] = '学分请填数字，最多一位小数，如 80 或 80.5'
    else creditsRequired = tenths
  }
  let tuitionFenPerYear: number | undefined
  if (p.tuitionYuan.trim()) {
    const fen = yuanToFen(p.tuitionYuan)
    if (!fen.ok) errors['diploma.tuitionFenPerYear'] = fen.error
    else tuitionFenPerYear = fen.fen
  }
  const lengthMonths = wholeNumber(p.lengthMonths)
  return {
    input: {
      ...base,
      ...(d.occupation.trim() ? { occupation: d.occupation } : {}),
      diploma: {
        level: (DIPLOMA_LEVELS as readonly string[]).includes(p.level) ? (p.level as (typeof DIPLOMA_LEVELS)[number]) : (undefined as never),
        major: p.major,
        university: p.university,
        lengthMonths: lengthMonths as number,
        creditsRequired: creditsRequired as number,
        tuitionFenPerYear: tuitionFenPerYear as number,
      },
    },
    errors,
  }
}

/** The offer form's error keys → the names it shows, in its order (for the summary above the buttons). */
export function offerErrorLabels(d: OfferDraft): Record<string, string> {
  const labels: Record<string, string> = {
    type: '类型',
    title: '名称',
    provider: '承办单位',
    district: '区县',
    description: '简介',
    occupation: '对应职业',
    skillLevel: '证书等级',
    leadsTo: '学完能拿到什么',
    enrolUntil: '报名截止日期',
    seats: '名额',
    diploma: '学历教育信息',
    'diploma.level': '层次',
    'diploma.major': '专业',
    'diploma.university': '合作院校',
    'diploma.lengthMonths': '学制',
    'diploma.creditsRequired': '毕业学分',
    'diploma.tuitionFenPerYear': '学费',
    sessions: '上课安排',
  }
  d.sessions.forEach((_s, i) => {
    for (const f of ['date', 'start', 'end', 'online', 'place']) labels[`sessions.${i}.${f}`] = `第 ${i + 1} 次课`
  })
  return labels
}
