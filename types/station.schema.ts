import * as z from 'zod/mini'
import { coordinatesTogether, DateText, DistrictCode, Latitude, Longitude } from './fields'
import { WEEKDAY_LABELS, parseDayHours } from './station-hours'

/**
 * 暖心驿站 (../shared/reference/DOMAIN.md §5): a place with a location, open hours and services, searchable by
 * distance. What matters most to a rider at night is whether it is open now — hours are data, not a note.
 */
export const STATION_TYPES = ['heart', 'bee', 'driver', 'party', 'union'] as const
export const StationType = z.enum(STATION_TYPES, { error: '请选择驿站类型' })
export type StationType = z.infer<typeof StationType>
export const STATION_TYPE_LABELS: Record<StationType, string> = {
  heart: '暖心驿站',
  bee: '小蜜蜂驿站',
  driver: '司机之家',
  party: '党群服务中心',
  union: '工会驿站',
}

export const STATION_SERVICES = ['rest', 'water', 'meal', 'charge', 'toilet', 'medicine', 'legal', 'truckParking', 'shower', 'laundry', 'wifi'] as const
export const StationService = z.enum(STATION_SERVICES, { error: '请选择服务' })
export type StationService = z.infer<typeof StationService>
export const STATION_SERVICE_LABELS: Record<StationService, string> = {
  rest: '休息',
  water: '饮水',
  meal: '热饭',
  charge: '充电/换电',
  toilet: '卫生间',
  medicine: '药箱',
  legal: '法律咨询',
  truckParking: '货车停车',
  shower: '淋浴',
  laundry: '洗衣',
  wifi: 'Wi-Fi',
}

const DayHours = (i: number) =>
  z.string({ error: `请填写${WEEKDAY_LABELS[i]}的开放时间` }).check(
    z.trim(),
    z.maxLength(60, '最多 60 个字'),
    z.refine((t) => parseDayHours(t).ok, { error: (iss) => { const r = parseDayHours(String(iss.input)); return r.ok ? '' : `${WEEKDAY_LABELS[i]}：${r.problem}` } }),
  )

/** A station as staff save it (and as one CSV row carries it). */
export const StationInput = z.strictObject({
  /** Left out to create a new one. */
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  name: z.string({ error: '请填写驿站名称' }).check(z.trim(), z.minLength(2, '请填写驿站名称'), z.maxLength(40, '最多 40 个字')),
  type: StationType,
  district: DistrictCode,
  address: z.string({ error: '请填写地址' }).check(z.trim(), z.minLength(4, '请填写详细地址'), z.maxLength(80, '最多 80 个字')),
  longitude: Longitude,
  latitude: Latitude,
  phone: z.optional(z.string().check(z.trim(), z.regex(/^(|1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, '电话写成手机号或带区号的座机，如 0513-85123456'))),
  /** Monday … Sunday, each as station-hours.ts reads it (`08:00-20:00`, `18:00-02:00`, `24小时`, empty = closed). */
  hours: z.tuple([DayHours(0), DayHours(1), DayHours(2), DayHours(3), DayHours(4), DayHours(5), DayHours(6)], { error: '请填写一周七天的开放时间' }),
  /** On public holidays, if not as on that weekday (`休息` = closed). */
  holidayHours: z.optional(z.string().check(z.trim(), z.maxLength(60, '最多 60 个字'), z.refine((t) => t === '' || parseDayHours(t).ok, '节假日开放时间看不懂，请写成 08:00-20:00 或“休息”'))),
  /** A line for the rider: “春节期间 2月10日–2月17日 暂停开放”. */
  holidayNote: z.optional(z.string().check(z.trim(), z.maxLength(80, '最多 80 个字'))),
  services: z.array(StationService).check(z.minLength(1, '请至少选择一项服务'), z.maxLength(STATION_SERVICES.length)),
  photos: z.optional(z.array(z.string().check(z.minLength(1))).check(z.maxLength(6, '最多 6 张照片'))),
})
export type StationInput = z.infer<typeof StationInput>

/** Open, paused until a date (renovation, a holiday), or closed for good (kept for the record, never shown). */
export const STATION_STATUSES = ['open', 'paused', 'closed'] as const
export type StationStatus = (typeof STATION_STATUSES)[number]

export const SetStationStatusInput = z.strictObject({
  id: z.string().check(z.minLength(1)),
  status: z.enum(STATION_STATUSES, { error: '请选择状态' }),
  /** Paused: the day it opens again. */
  until: z.optional(DateText),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(80, '最多 80 个字'))),
})
export type SetStationStatusInput = z.infer<typeof SetStationStatusInput>

/** Where to search from: a position (after the location consent) or, without one, a district. */
export const NearbyInput = z
  .strictObject({
    longitude: z.optional(Longitude),
    latitude: z.optional(Latitude),
    district: z.optional(DistrictCode),
    openNow: z.optional(z.boolean()),
    allDay: z.optional(z.boolean()),
    services: z.optional(z.array(StationService).check(z.maxLength(STATION_SERVICES.length))),
    types: z.optional(z.array(StationType).check(z.maxLength(STATION_TYPES.length))),
    limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
  })
  .check(
    coordinatesTogether,
    z.refine((i) => i.longitude !== undefined || i.district !== undefined, { error: '请允许定位，或者选择一个区县', path: ['district'] }),
  )
export type NearbyInput = z.infer<typeof NearbyInput>

/** A station as a list row or a map marker's card. */
export interface StationCard {
  id: string
  name: string
  type: StationType
  district: string
  address: string
  longitude: number
  latitude: number
  /** From the caller's position; null when searching by district. */
  distanceM: number | null
  open: { now: boolean; allDay: boolean; text: string }
  services: StationService[]
  phone: string | null
}

export interface StationDetail extends StationCard {
  hours: string[]
  holidayHours: string | null
  holidayNote: string | null
  photos: { fileId: string; url: string }[]
  status: StationStatus
  pausedUntil: string | null
  pauseReason: string | null
  /** When staff last confirmed it as it is. */
  lastCheckedAt: string
}

export interface NearbyView {
  stations: StationCard[]
  /** How far the search reached, in metres (null by district). */
  radiusM: number | null
  /** By district: how many stations matched, of which `stations` are the first (null nearby; absent in a view
   * a phone kept from before). */
  matched?: number | null
  /** When the answer was made: the app keeps it for a dead zone and says how old it is. */
  at: string
}

/** 信息有误: what is wrong, in the rider's words. */
export const CORRECTION_KINDS = ['closed', 'hours', 'serviceMissing', 'location', 'other'] as const
export const CORRECTION_KIND_LABELS: Record<(typeof CORRECTION_KINDS)[number], string> = {
  closed: '已经关了 / 找不到',
  hours: '开放时间不对',
  serviceMissing: '少了或多了服务',
  location: '位置不对',
  other: '其他',
}
export const CorrectionInput = z.strictObject({
  stationId: z.string().check(z.minLength(1)),
  kind: z.enum(CORRECTION_KINDS, { error: '请选择哪里不对' }),
  note: z.string({ error: '请说一下哪里不对' }).check(z.trim(), z.minLength(2, '请说一下哪里不对'), z.maxLength(200, '最多 200 个字')),
})
export type CorrectionInput = z.infer<typeof CorrectionInput>
