import { randomBytes } from 'node:crypto'
import type { SetStationStatusInput, StationDetail, StationInput } from '~types/station.schema'
import { parseSchedule, isAllDay, weekSpans } from '~types/station-hours'
import { dayjs, ZONE } from '~types/time'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { districtsOf } from '../core/scope'
import { inTransaction } from '../db/transaction'
import type { FileDoc } from '../storage/file.doc'
import { attachChecked, filesToAttach } from '../storage/files'
import type { UserDoc } from '../user/user.doc'
import { cardOf, stationDetail } from './search.service'
import { lngLatOf, STATIONS, type StationDoc } from './station.doc'

const NOT_YOURS = '没有找到这个驿站，或者它不归您负责的区县管'

/** Staff may act on stations of the districts their `station` grants cover — another district's are not found. */
export function assertDistrict(user: UserDoc, district: string, field = 'district'): void {
  if (!districtsOf(user, 'station').includes(district)) throw invalidField(field, '您只能管理自己负责的区县的驿站')
}

/** The stored fields of a station from what staff typed (hours parsed once, here). */
export function fieldsOf(input: StationInput, rt: Runtime, by: string, now: Date): Omit<StationDoc, '_id' | 'createdAt' | 'status' | 'pausedUntil' | 'pauseReason'> {
  const parsed = parseSchedule(input.hours, input.holidayHours)
  if (!parsed.ok) {
    const [field, problem] = Object.entries(parsed.problems)[0]
    throw invalidField(field, problem)
  }
  return {
    name: input.name, type: input.type, district: input.district, address: input.address,
    location: new rt.db.Geo.Point(input.longitude, input.latitude),
    phone: input.phone || null, hours: [...input.hours], holidayHours: input.holidayHours || null, holidayNote: input.holidayNote || null,
    schedule: parsed.schedule, openSpans: weekSpans(parsed.schedule), allDay: isAllDay(parsed.schedule),
    services: [...new Set(input.services)], photos: input.photos ?? [],
    lastCheckedAt: now, updatedAt: now, updatedBy: by,
  }
}

/** What an audit line keeps of a station: what staff changed, not the parsed schedule. */
export function auditable(s: Partial<StationDoc> | null) {
  if (!s) return null
  const { schedule: _schedule, openSpans: _spans, location, ...rest } = s
  const at = location ? lngLatOf(location) : null
  return { ...rest, ...(at ? { longitude: at[0], latitude: at[1] } : {}) }
}

export async function stationInScope(tx: Transaction | Runtime['db'], user: UserDoc, id: string): Promise<StationDoc> {
  const { data } = await tx.collection(STATIONS).doc(id).get()
  const s = (Array.isArray(data) ? data[0] : data) as StationDoc | undefined | null
  if (!s || !districtsOf(user, 'station').includes(s.district)) throw new AppError('NOT_FOUND', NOT_YOURS)
  return s
}

/** Photos a station shows to anyone: the staff member's own uploads, and photos (not PDFs). */
async function newPhotos(rt: Runtime, user: UserDoc, photos: readonly string[], kept: readonly string[]): Promise<FileDoc[]> {
  // Photos already on the station may be a colleague's uploads: only the ones added now must be the caller's.
  const added = [...new Set(photos)].filter((p) => !kept.includes(p))
  if (!added.length) return []
  const files = await filesToAttach(rt.db, user.openid, added).catch(() => [])
  if (files.length !== added.length) throw invalidField('photos', '照片要先上传，请重新选择')
  if (files.some((f) => !f.contentType.startsWith('image/'))) throw invalidField('photos', '驿站照片只能是 JPG 或 PNG 照片')
  return files
}

/**
 * Inside a transaction: an existing station's fields replaced by `fields` and the audit line of what changed — the one
 * way a station is edited (the form, a CSV row, an accepted correction). `note` says where the change came from.
 */
export async function editStationIn(tx: Transaction, user: UserDoc, before: StationDoc, fields: Partial<StationDoc>, now: Date, note?: string): Promise<void> {
  await tx.collection(STATIONS).doc(before._id).update(fields)
  await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'station.save', targetType: 'station', targetId: before._id, from: auditable(before), to: auditable(fields), ...(note ? { note } : {}), at: now })
}

/** Inside a transaction: a new station under `id` (derived by the caller, or new) and its audit line. */
export async function createStationIn(tx: Transaction, user: UserDoc, id: string, fields: ReturnType<typeof fieldsOf>, now: Date, note?: string): Promise<void> {
  const doc: Omit<StationDoc, '_id'> = { ...fields, status: 'open', pausedUntil: null, pauseReason: null, createdAt: now }
  await tx.collection(STATIONS).doc(id).set(doc)
  await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'station.create', targetType: 'station', targetId: id, from: null, to: auditable(doc), ...(note ? { note } : {}), at: now })
}

/**
 * Create or edit a station (staff of its district; moving it to a district one does not cover is refused). Photos
 * added must be the staff member's own uploads, and are kept from then on (attached to the station). Audited with
 * what changed.
 */
export async function saveStation(rt: Runtime, user: UserDoc, input: StationInput): Promise<StationDetail> {
  // Someone else's station is not found before anything is said about the district it would move to.
  const current = input.id ? await stationInScope(rt.db, user, input.id) : null
  assertDistrict(user, input.district)
  const now = rt.now()
  const photos = await newPhotos(rt, user, input.photos ?? [], current?.photos ?? [])
  const fields = fieldsOf(input, rt, user._id, now)
  const id = await inTransaction(rt.db, async (tx: Transaction) => {
    let stationId: string
    if (input.id) {
      const before = await stationInScope(tx, user, input.id)
      await editStationIn(tx, user, before, fields, now)
      stationId = before._id
    } else {
      stationId = newStationId()
      await createStationIn(tx, user, stationId, fields, now)
    }
    // Attached to the station: a photo riders see is never purged as an upload nobody kept.
    await attachChecked(rt, tx, photos, stationId)
    return stationId
  })
  return stationDetail(rt, id)
}

/** A new station's `_id`: random, like the database's own (an import derives its own instead). */
export const newStationId = () => `st_${randomBytes(12).toString('hex')}`

/** The change a status step makes, checked before any write (the same rules for the form and an accepted correction). */
export function statusChange(input: SetStationStatusInput, now: Date, by: string) {
  if (input.status === 'paused' && !input.until) throw invalidField('until', '请选择哪天恢复开放')
  const until = input.status === 'paused' ? dayjs.tz(input.until!, ZONE).toDate() : null
  if (until && until <= now) throw invalidField('until', '恢复开放的日期要在今天以后')
  if (input.status !== 'open' && !input.reason) throw invalidField('reason', input.status === 'paused' ? '请写一下为什么暂停（骑手会看到）' : '请写一下为什么停用')
  return { status: input.status, pausedUntil: until, pauseReason: input.status === 'open' ? null : input.reason!, updatedAt: now, updatedBy: by }
}

/** Inside a transaction: the status step on a station and its audit line. */
export async function setStatusIn(tx: Transaction, user: UserDoc, before: StationDoc, change: ReturnType<typeof statusChange>, now: Date, note?: string): Promise<void> {
  await tx.collection(STATIONS).doc(before._id).update(change)
  await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'station.status', targetType: 'station', targetId: before._id, from: { status: before.status, pausedUntil: before.pausedUntil, pauseReason: before.pauseReason }, to: change, ...(note ? { note } : {}), at: now })
}

/** Pause until a day (renovation, a holiday), reopen, or close for good — audited, with the reason riders read. */
export async function setStationStatus(rt: Runtime, user: UserDoc, input: SetStationStatusInput): Promise<{ id: string; status: string; pausedUntil: string | null }> {
  const now = rt.now()
  const change = statusChange(input, now, user._id)
  await inTransaction(rt.db, async (tx: Transaction) => setStatusIn(tx, user, await stationInScope(tx, user, input.id), change, now))
  return { id: input.id, status: input.status, pausedUntil: change.pausedUntil?.toISOString() ?? null }
}

/** A district's stations for its staff, closed ones too (a closed one can be reopened), by name. */
export async function stationsForStaff(rt: Runtime, user: UserDoc, district: string): Promise<(StationDetail & { updatedAt: string })[]> {
  assertDistrict(user, district)
  const { data } = await rt.db.collection(STATIONS).where({ district }).orderBy('name', 'asc').limit(1000).get()
  const now = rt.now()
  return (data as StationDoc[]).map((s) => ({ ...staffView(s, now), updatedAt: s.updatedAt.toISOString() }))
}

/** One station as its staff see it, closed or not. */
export async function stationForStaff(rt: Runtime, user: UserDoc, id: string): Promise<StationDetail> {
  return staffView(await stationInScope(rt.db, user, id), rt.now())
}

function staffView(s: StationDoc, now: Date): StationDetail {
  return {
    ...cardOf(s, now, null),
    hours: s.hours, holidayHours: s.holidayHours, holidayNote: s.holidayNote, photos: s.photos.map((fileId) => ({ fileId, url: '' })),
    status: s.status, pausedUntil: s.pausedUntil?.toISOString() ?? null, pauseReason: s.pauseReason, lastCheckedAt: s.lastCheckedAt.toISOString(),
  }
}
