import * as z from 'zod/mini'
import { DateText, DistrictCode, Latitude, Longitude } from './fields'
import { CORRECTION_KINDS, StationInput, StationService, STATION_SERVICES } from './station.schema'

/** 信息有误 as the queue holds it: open until staff accept (and fix) or dismiss it. */
export const CORRECTION_STATES = ['open', 'accepted', 'dismissed'] as const
export type CorrectionState = (typeof CORRECTION_STATES)[number]
export const CORRECTION_STATE_LABELS: Record<CorrectionState, string> = { open: '待核实', accepted: '已采纳', dismissed: '未采纳' }

export const CorrectionsInput = z.strictObject({
  district: DistrictCode,
  /** Left out: the open ones. */
  state: z.optional(z.enum(CORRECTION_STATES, { error: '请选择状态' })),
})

const HoursWeek = StationInput.shape.hours

/**
 * What accepting a correction changes on the station, through the same code as 编辑 and 暂停/停用: it is paused or
 * closed, its hours or services are fixed, or it moves.
 */
export const CorrectionChange = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('status'),
    status: z.enum(['paused', 'closed'], { error: '请选择暂停还是停用' }),
    until: z.optional(DateText),
    reason: z.string({ error: '请写一下原因（骑手会看到）' }).check(z.trim(), z.minLength(2, '请写一下原因（骑手会看到）'), z.maxLength(80, '最多 80 个字')),
  }),
  z.strictObject({
    kind: z.literal('hours'),
    hours: HoursWeek,
    holidayHours: StationInput.shape.holidayHours,
  }),
  z.strictObject({
    kind: z.literal('services'),
    services: z.array(StationService).check(z.minLength(1, '请至少选择一项服务'), z.maxLength(STATION_SERVICES.length)),
  }),
  z.strictObject({
    kind: z.literal('location'),
    longitude: Longitude,
    latitude: Latitude,
    address: z.optional(StationInput.shape.address),
  }),
], { error: '请选择要改什么' })
export type CorrectionChange = z.infer<typeof CorrectionChange>

export const DecideCorrectionInput = z
  .strictObject({
    id: z.string({ error: '缺少这条反馈' }).check(z.minLength(1, '缺少这条反馈'), z.maxLength(200)),
    accept: z.boolean({ error: '请选择采纳还是不采纳' }),
    /** Dismissing: why (the reporter reads it). Accepting: optional, e.g. what was found on the spot. */
    note: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多 200 个字'))),
    /** Accepting without a change: the station was already fixed (e.g. in 编辑). */
    change: z.optional(CorrectionChange),
  })
  .check(
    z.refine((i) => i.accept || (i.note ?? '').trim().length >= 2, { error: '不采纳时请写一句原因，反馈的人会看到', path: ['note'] }),
    z.refine((i) => i.accept || !i.change, { error: '不采纳就不改驿站', path: ['change'] }),
  )
export type DecideCorrectionInput = z.infer<typeof DecideCorrectionInput>

/** A correction in the staff queue. Who sent it is not shown: the rider's page promises no name is needed. */
export interface CorrectionView {
  id: string
  stationId: string
  stationName: string
  district: string
  kind: (typeof CORRECTION_KINDS)[number]
  note: string
  state: CorrectionState
  createdAt: string
  decidedAt: string | null
  decisionNote: string | null
  /** What accepting changed, in words (“暂停开放到 2026-12-20”). */
  changeText: string | null
}
