import type * as z from 'zod/mini'
import type { FieldErrors } from '~types/errors'
import { WEEKDAY_LABELS } from '~types/station-hours'
import { parsePositionCells } from '~types/station-csv'
import type { StationDetail, StationInput, StationService, StationType } from '~types/station.schema'
import { staffDistricts } from '~types/roles'
import type { UserView } from '~types/user.schema'
import type { Attached } from '../../../components/attachment-picker'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'

/** The districts whose stations the caller keeps (their staff grants with the station service). */
export const stationDistricts = (user: Pick<UserView, 'roles'> | null | undefined): string[] => staffDistricts(user, 'station')

/** A station half typed: every number as text, kept on the device until it is saved. */
export interface StationDraft {
  id?: string
  name: string
  type: StationType | ''
  district: string
  address: string
  longitude: string
  latitude: string
  phone: string
  /** Monday first. */
  hours: string[]
  holidayHours: string
  holidayNote: string
  services: StationService[]
  photos: Attached[]
}

export const stationDraftKey = (userId: string, stationId: string | undefined) => `${DRAFT_PREFIX}station.manage.${userId}.${stationId || 'new'}`
/** The manage list's district and search, kept like a filter. */
export const manageFilterKey = (userId: string) => `${DRAFT_PREFIX}station.manage-filter.${userId}`

export function emptyStation(districts: string[]): StationDraft {
  return {
    name: '', type: '', district: districts.length === 1 ? districts[0] : '', address: '', longitude: '', latitude: '', phone: '',
    hours: Array(7).fill('08:00-20:00'), holidayHours: '', holidayNote: '', services: [], photos: [],
  }
}

export function stationToDraft(s: StationDetail): StationDraft {
  return {
    id: s.id, name: s.name, type: s.type, district: s.district, address: s.address, longitude: String(s.longitude), latitude: String(s.latitude),
    phone: s.phone ?? '', hours: [...s.hours], holidayHours: s.holidayHours ?? '', holidayNote: s.holidayNote ?? '', services: [...s.services],
    photos: s.photos.map((p, i) => ({ fileId: p.fileId, name: `驿站照片 ${i + 1}`, size: 0 })),
  }
}

/** `120.8645, 32.0106` pasted into 经度 (as a map's picker copies it): both boxes filled. */
export function splitPair(text: string): { longitude: string; latitude: string } | null {
  const m = /^\s*(\d{2,3}\.\d+)\s*[,，\s]\s*(\d{2}\.\d+)\s*$/.exec(text)
  return m ? { longitude: m[1], latitude: m[2] } : null
}

/**
 * The form's text → what station.save takes. The position is read by the same rules as a CSV row (a number, inside
 * Jiangsu, not swapped), so the form and the import say the same thing under 经度.
 */
export function draftToInput(d: StationDraft): { input: z.input<typeof StationInput>; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const position = parsePositionCells(d.longitude, d.latitude)
  if (!position.longitude.ok) errors.longitude = position.longitude.problem
  if (!position.latitude.ok) errors.latitude = position.latitude.problem
  const input = {
    ...(d.id ? { id: d.id } : {}),
    name: d.name, type: d.type as StationType, district: d.district, address: d.address,
    longitude: position.longitude.ok ? position.longitude.value : Number.NaN,
    latitude: position.latitude.ok ? position.latitude.value : Number.NaN,
    ...(d.phone.trim() ? { phone: d.phone.trim() } : {}),
    hours: d.hours.map((h) => h.trim()) as StationInput['hours'],
    ...(d.holidayHours.trim() ? { holidayHours: d.holidayHours.trim() } : {}),
    ...(d.holidayNote.trim() ? { holidayNote: d.holidayNote.trim() } : {}),
    services: d.services,
    photos: d.photos.map((p) => p.fileId),
  }
  return { input, errors }
}

/** The form's error keys → the names it shows, in its order (for the summary above the buttons). */
export function stationErrorLabels(): Record<string, string> {
  return {
    name: '名称', type: '类型', district: '区县', address: '地址', longitude: '经度', latitude: '纬度', phone: '电话',
    ...Object.fromEntries(WEEKDAY_LABELS.map((w, i) => [`hours.${i}`, `${w}开放时间`])), hours: '开放时间',
    holidayHours: '节假日开放时间', holidayNote: '节假日说明', services: '服务', photos: '照片',
  }
}

const OFFSET_MS = 8 * 3600 * 1000
/** `2026-12-02` in Jiangsu time. */
export const dayText = (iso: string) => new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(0, 10)

/** A station not confirmed for this long is flagged in the list: riders trust what they read. */
export const STALE_DAYS = 180

export function checkedWords(lastCheckedAt: string, now = Date.now()): { text: string; stale: boolean } {
  const days = Math.floor((now - new Date(lastCheckedAt).getTime()) / 86_400_000)
  const stale = days > STALE_DAYS
  return { text: `${stale ? '⚠ ' : ''}上次核实 ${dayText(lastCheckedAt)}${stale ? `（${Math.floor(days / 30)} 个月前，请核实）` : ''}`, stale }
}

/** The status as its word, with a mark that is not colour alone. */
export function statusWords(s: Pick<StationDetail, 'status' | 'pausedUntil' | 'pauseReason'>): string {
  if (s.status === 'closed') return `× 已停用${s.pauseReason ? `：${s.pauseReason}` : ''}`
  if (s.status === 'paused') return `○ 暂停开放${s.pauseReason ? `（${s.pauseReason}）` : ''}${s.pausedUntil ? `，${dayText(s.pausedUntil)} 恢复` : ''}`
  return '✓ 开放'
}
