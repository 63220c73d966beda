import type * as z from 'zod/mini'
import type { FieldErrors } from '~types/errors'
import type { StaffTaskView, TaskInput } from '~types/volunteer-task.schema'
import { staffDistricts } from '~types/roles'
import type { UserView } from '~types/user.schema'
import type { Attached } from '../../../components/attachment-picker'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'

/** The districts whose volunteer service the caller runs (their staff grants with it). */
export const volunteerDistricts = (user: Pick<UserView, 'roles'> | null | undefined): string[] => staffDistricts(user, 'volunteer')

/** A task half filled, every number as typed (hours in hours, the position as "经度, 纬度"), kept on the device. */
export interface TaskDraft {
  /** Set when editing a published task. */
  id?: string
  title: string
  description: string
  placeText: string
  /** `120.8891, 31.9876`: what a map app copies, or the phone's position at the place. */
  position: string
  district: string
  cityWide: boolean
  date: string
  start: string
  end: string
  slots: string
  hours: string
  teamId: string
}

export const taskDraftKey = (userId: string, taskId: string | undefined) => `${DRAFT_PREFIX}volunteer.task.${userId}.${taskId || 'new'}`

export const emptyTask = (districts: string[]): TaskDraft => ({
  title: '', description: '', placeText: '', position: '', district: districts.length === 1 ? districts[0] : '', cityWide: false,
  date: '', start: '09:00', end: '11:00', slots: '', hours: '', teamId: '',
})

export const positionText = (p: { longitude: number; latitude: number }) => `${p.longitude.toFixed(5)}, ${p.latitude.toFixed(5)}`

export function taskToDraft(t: StaffTaskView): TaskDraft {
  return {
    id: t.id, title: t.title, description: t.description, placeText: t.place.text, position: positionText(t.place), district: t.district, cityWide: t.cityWide,
    date: t.date, start: clockOfIso(t.startsAt), end: clockOfIso(t.endsAt), slots: String(t.slots), hours: String(t.minutes / 60), teamId: t.team?.id ?? '',
  }
}

function clockOfIso(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

const ascii = (t: string) => t.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, '.').replace(/[，、]/g, ',')

/** “2026-12-1”, “2026.12.1”, “2026年12月1日” → 2026-12-01; anything else as typed (the schema then says the format). */
export function dateText(text: string): string {
  const m = /^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$/.exec(ascii(text))
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim()
}

/** “9:30”, “9：30”, “0930” → 09:30; anything else as typed. */
export function clockText(text: string): string {
  const m = /^\s*(\d{1,2})\s*[:：.]?\s*(\d{2})\s*$/.exec(ascii(text))
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : text.trim()
}

/** “2”, “2.5”, “2小时”, “２.５” → minutes in half hours; null when it is not a number of half hours. */
export function hoursToMinutes(text: string): number | null {
  const m = /^\s*(\d{1,2})(?:\.(0|5))?\s*(小时|h)?\s*$/i.exec(ascii(text))
  return m ? Number(m[1]) * 60 + (m[2] === '5' ? 30 : 0) : null
}

/**
 * “120.8891, 31.9876” (or with a space, or latitude first — the ranges tell them apart inside China) → the two
 * numbers; null when it is not two numbers.
 */
export function parsePosition(text: string): { longitude: number; latitude: number } | null {
  const parts = ascii(text).split(/[\s,;]+/).filter(Boolean)
  if (parts.length !== 2 || !parts.every((p) => /^-?\d{1,3}(\.\d+)?$/.test(p))) return null
  const [a, b] = parts.map(Number)
  return a < 60 && b > 70 ? { longitude: b, latitude: a } : { longitude: a, latitude: b }
}

/** Whole number as typed; empty → undefined, anything else → NaN (the schema then says what it wants). */
function wholeNumber(text: string): number | undefined {
  const t = ascii(text).trim()
  if (!t) return undefined
  return /^\d+$/.test(t) ? Number(t) : Number.NaN
}

/** The form's text → what publishTask takes; what cannot be read comes back as errors under its field, before sending. */
export function draftToInput(d: TaskDraft): { input: z.input<typeof TaskInput>; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const position = d.position.trim() ? parsePosition(d.position) : null
  if (!d.position.trim()) errors['place.longitude'] = '请标出服务地点的位置：点“用我现在的位置”，或填经纬度'
  else if (!position) errors['place.longitude'] = '经纬度请写成 120.88910, 31.98760 这样（经度在前）'
  const minutes = d.hours.trim() ? hoursToMinutes(d.hours) : undefined
  if (minutes === null) errors.minutes = '服务时长按半小时填写，如 2 或 2.5'
  return {
    input: {
      ...(d.id ? { id: d.id } : {}),
      title: d.title,
      description: d.description,
      place: { text: d.placeText, longitude: position?.longitude as number, latitude: position?.latitude as number },
      district: d.district,
      cityWide: d.cityWide,
      date: dateText(d.date),
      start: clockText(d.start),
      end: clockText(d.end),
      slots: wholeNumber(d.slots) as number,
      minutes: (minutes ?? undefined) as number,
      ...(d.teamId ? { teamId: d.teamId } : {}),
    },
    errors,
  }
}

/** The form's error keys → the names it shows, in its order (for the summary above the buttons). */
export const TASK_ERROR_LABELS: Record<string, string> = {
  title: '任务名称',
  district: '区县',
  date: '日期',
  start: '开始时间',
  end: '结束时间',
  'place.text': '服务地点',
  'place.longitude': '地点位置',
  'place.latitude': '地点位置',
  slots: '名额',
  minutes: '服务时长',
  teamId: '限定队伍',
  description: '任务说明',
}

/** A make-up claim half filled (补录), kept through a failed submit and a restart. */
export interface HoursDraft {
  date: string
  hours: string
  what: string
  place: string
  organiser: string
  attachments: Attached[]
}

export const hoursDraftKey = (userId: string) => `${DRAFT_PREFIX}volunteer.hours.${userId}`
export const emptyHours = (): HoursDraft => ({ date: '', hours: '', what: '', place: '', organiser: '', attachments: [] })

export const HOURS_ERROR_LABELS: Record<string, string> = { date: '服务日期', minutes: '服务时长', what: '做了什么', place: '地点', organiser: '组织方或证明人', attachments: '证明材料' }
