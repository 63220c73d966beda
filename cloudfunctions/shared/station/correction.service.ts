import { CORRECTION_KIND_LABELS, StationInput, type CorrectionInput, type StationService } from '~types/station.schema'
import type { CorrectionChange, CorrectionState, CorrectionView, DecideCorrectionInput } from '~types/station-correction.schema'
import { formatServicesCell, formatHoursCell } from '~types/station-csv'
import { inZone } from '~types/time'
import { fieldErrors } from '~types/validation'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import { districtsOf } from '../core/scope'
import { inTransaction } from '../db/transaction'
import { deliver, notify } from '../notify/notifier'
import type { UserDoc } from '../user/user.doc'
import { assertDistrict, editStationIn, fieldsOf, setStatusIn, stationInScope, statusChange } from './manage.service'
import { lngLatOf, STATIONS, type StationDoc } from './station.doc'

/** 信息有误 reports, routed to the station's district staff. */
export const CORRECTIONS = 'station_corrections'

export interface CorrectionDoc {
  /** `<stationId>_<userId>_<YYYYMMDD>`: one report per worker, station and day — the database refuses a second. */
  _id: string
  stationId: string
  stationName: string
  district: string
  kind: CorrectionInput['kind']
  note: string
  reporterId: string
  reporterOpenid: string
  state: CorrectionState
  createdAt: Date
  decidedAt: Date | null
  decidedBy: string | null
  decisionNote: string | null
  changeText: string | null
}

const GONE = '没有找到这个驿站，可能已经停用了'
const NOT_YOURS = '没有找到这条反馈，或者它不归您负责的区县管'

const view = (c: CorrectionDoc): CorrectionView => ({
  id: c._id, stationId: c.stationId, stationName: c.stationName, district: c.district, kind: c.kind, note: c.note, state: c.state,
  createdAt: c.createdAt.toISOString(), decidedAt: c.decidedAt?.toISOString() ?? null, decisionNote: c.decisionNote, changeText: c.changeText,
})

/**
 * A signed-in worker reports what is wrong with a station. Once per station a day: the id is derived from the three,
 * so a second report that day (another tap, another phone of the same account) is refused by the database — read
 * inside the transaction first, so two at once conflict and the second finds the first.
 */
export async function reportCorrection(rt: Runtime, user: UserDoc, input: CorrectionInput, replay?: ReplayRecorder): Promise<{ id: string; state: 'open' }> {
  const { data } = await rt.db.collection(STATIONS).doc(input.stationId).get()
  const station = data[0] as StationDoc | undefined
  if (!station || station.status === 'closed') throw new AppError('NOT_FOUND', GONE)
  const now = rt.now()
  const id = `${station._id}_${user._id}_${inZone(now).format('YYYYMMDD')}`
  const doc: Omit<CorrectionDoc, '_id'> = {
    stationId: station._id, stationName: station.name, district: station.district, kind: input.kind, note: input.note,
    reporterId: user._id, reporterOpenid: user.openid, state: 'open', createdAt: now, decidedAt: null, decidedBy: null, decisionNote: null, changeText: null,
  }
  await inTransaction(rt.db, async (tx: Transaction) => {
    const { data: existing } = await tx.collection(CORRECTIONS).doc(id).get()
    if (existing) throw new AppError('CONFLICT', '您今天已经报告过这个驿站了，工作人员核实后会在“消息”里告诉您。明天还可以再报告。')
    await tx.collection(CORRECTIONS).doc(id).set(doc)
    await replay?.record(tx, { id, state: 'open' })
  })
  return { id, state: 'open' }
}

/** A district's corrections: open ones oldest first (first come, first checked), decided ones newest first. */
export async function correctionsFor(rt: Runtime, user: UserDoc, district: string, state: CorrectionState = 'open'): Promise<CorrectionView[]> {
  assertDistrict(user, district)
  const { data } = await rt.db.collection(CORRECTIONS).where({ district, state }).orderBy('createdAt', state === 'open' ? 'asc' : 'desc').limit(200).get()
  return (data as CorrectionDoc[]).map(view)
}

/** The station as StationInput, with `change` applied: what 编辑 would save, checked by the same schema. */
function inputWith(s: StationDoc, change: Exclude<CorrectionChange, { kind: 'status' }>): StationInput {
  const [longitude, latitude] = lngLatOf(s.location)
  const current = {
    id: s._id, name: s.name, type: s.type, district: s.district, address: s.address, longitude, latitude,
    ...(s.phone ? { phone: s.phone } : {}), hours: s.hours as StationInput['hours'],
    ...(s.holidayHours ? { holidayHours: s.holidayHours } : {}), ...(s.holidayNote ? { holidayNote: s.holidayNote } : {}),
    services: s.services, photos: s.photos,
  }
  const next =
    change.kind === 'hours' ? { ...current, hours: change.hours, holidayHours: change.holidayHours ?? current.holidayHours }
      : change.kind === 'services' ? { ...current, services: change.services }
        : { ...current, longitude: change.longitude, latitude: change.latitude, ...(change.address ? { address: change.address } : {}) }
  const parsed = StationInput.safeParse(next)
  if (!parsed.success) {
    // The change's own field names: `hours.3` stays `change.hours.3` for the form that sent it.
    const fields = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [`change.${k}`, v]))
    throw new AppError('INVALID_INPUT', Object.values(fields)[0] ?? '要改的内容有误', fields)
  }
  return parsed.data
}

function changeWords(change: CorrectionChange): string {
  switch (change.kind) {
    case 'status':
      return change.status === 'paused' ? `暂停开放到 ${change.until ?? ''}（${change.reason}）` : `已停用（${change.reason}）`
    case 'hours':
      return `开放时间改为 ${formatHoursCell(change.hours)}${change.holidayHours ? `，节假日 ${change.holidayHours}` : ''}`
    case 'services':
      return `服务改为 ${formatServicesCell(change.services as StationService[])}`
    case 'location':
      return `位置改为 ${change.longitude}, ${change.latitude}${change.address ? `（${change.address}）` : ''}`
  }
}

/**
 * Staff decide a correction of their district: accepting applies its change through the same code as 编辑 and
 * 暂停/停用 (audited, the station counted as checked today); dismissing keeps the station as it is, with a note. Either
 * way the reporter is thanked in 消息. One transaction: the correction, the station, the audit lines, the message.
 */
export async function decideCorrection(rt: Runtime, user: UserDoc, input: DecideCorrectionInput, replay?: ReplayRecorder): Promise<CorrectionView> {
  const { data } = await rt.db.collection(CORRECTIONS).doc(input.id).get()
  const found = data[0] as CorrectionDoc | undefined
  if (!found || !districtsOf(user, 'station').includes(found.district)) throw new AppError('NOT_FOUND', NOT_YOURS)
  const now = rt.now()
  const change = input.accept ? input.change : undefined
  // Checked before the transaction, with the rules 编辑 and 暂停 use: a wrong date or hours say so under the field.
  const status = change?.kind === 'status' ? statusChange({ id: found.stationId, status: change.status, until: change.until, reason: change.reason }, now, user._id) : null
  const changeText = change ? changeWords(change) : null
  const note = input.note?.trim() || null
  const auditNote = `信息有误反馈 ${found._id}`
  let notice: Awaited<ReturnType<typeof notify>> | undefined
  const decided = await inTransaction(rt.db, async (tx: Transaction) => {
    notice = undefined
    const { data: fresh } = await tx.collection(CORRECTIONS).doc(found._id).get()
    const c = fresh as CorrectionDoc
    if (c.state !== 'open') throw new AppError('CONFLICT', `这条反馈已经${c.state === 'accepted' ? '采纳' : '处理'}过了，请刷新`)
    if (change) {
      const before = await stationInScope(tx, user, c.stationId)
      if (status) await setStatusIn(tx, user, before, status, now, auditNote)
      else if (change.kind !== 'status') {
        const fields = fieldsOf(inputWith(before, change), rt, user._id, now)
        await editStationIn(tx, user, before, fields, now, auditNote)
      }
    } else if (input.accept) {
      // Accepted as already fixed: the station was looked at today.
      const before = await stationInScope(tx, user, c.stationId)
      await tx.collection(STATIONS).doc(before._id).update({ lastCheckedAt: now })
    }
    const next: Partial<CorrectionDoc> = { state: input.accept ? 'accepted' : 'dismissed', decidedAt: now, decidedBy: user._id, decisionNote: note, changeText }
    await tx.collection(CORRECTIONS).doc(c._id).update(next)
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: input.accept ? 'station.correctionAccepted' : 'station.correctionDismissed', targetType: 'stationCorrection', targetId: c._id, from: 'open', to: next.state, ...(note ? { note } : {}), at: now })
    notice = await notify(rt, tx, {
      openid: c.reporterOpenid,
      about: c._id,
      title: input.accept ? `谢谢您：“${c.stationName}”的信息已更正` : `谢谢您反馈“${c.stationName}”的信息`,
      body: input.accept
        ? `您反馈的“${CORRECTION_KIND_LABELS[c.kind]}”，工作人员核实后已经采纳${changeText ? `：${changeText}` : ''}。${note ? `说明：${note}。` : ''}谢谢您帮其他骑手少跑冤枉路。`
        : `您反馈的“${CORRECTION_KIND_LABELS[c.kind]}”，工作人员核实后没有改动：${note}。谢谢您，有新情况可以再报告。`,
      progress: { matter: `驿站信息：${c.stationName}`, status: input.accept ? '已采纳' : '已核实', hint: input.accept ? '信息已更正，谢谢您' : '谢谢您的反馈' },
    })
    const out = { ...c, ...next } as CorrectionDoc
    await replay?.record(tx, view(out))
    return out
  })
  if (notice) await deliver(rt, [notice])
  return view(decided)
}

