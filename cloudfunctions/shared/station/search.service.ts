import type { NearbyInput, NearbyView, StationCard, StationDetail } from '~types/station.schema'
import { openState } from '~types/station-hours'
import { AppError } from '../core/app-error'
import type { Runtime } from '../core/context'
import { useCalendar } from '../workflow/calendar.service'
import { isPublicHoliday } from '../workflow/working-days'
import { FILES, type FileDoc } from '../storage/file.doc'
import { fileStoreOf } from '../storage/files'
import { lngLatOf, STATIONS, type StationDoc } from './station.doc'

/**
 * A station's photos are published by staff for anyone to see: links for a while, no further check. On CloudBase
 * each link is a call to storage, so they are asked for together, not one after another.
 */
async function photoLinks(rt: Runtime, fileIds: readonly string[]): Promise<{ fileId: string; url: string }[]> {
  if (!fileIds.length) return []
  const { data } = await rt.db.collection(FILES).where({ _id: rt.db.command.in([...fileIds]) }).limit(10).get()
  const expiresAt = new Date(rt.now().getTime() + 3600_000)
  const byId = new Map((data as FileDoc[]).map((f) => [f._id, f]))
  const store = fileStoreOf(rt)
  const found = fileIds.flatMap((fileId) => (byId.has(fileId) ? [{ fileId, key: byId.get(fileId)!.key }] : []))
  return Promise.all(found.map(async ({ fileId, key }) => ({ fileId, url: await store.link(key, expiresAt) })))
}

/**
 * The radii a nearby search widens through: most riders have a station within 3 km in a city; a trucker on a
 * county road may need 50. Each step is one geoNear with a maxDistance (which the database narrows by location).
 */
const RADII_M = [3_000, 10_000, 50_000]
/**
 * How many nearest stations one step reads, as a multiple of what is asked for, before open-now is applied in code:
 * enough that a night search (a third of stations open) still fills the page from one read, few enough that a read
 * stays a few milliseconds.
 */
const READ_FACTOR = 3
const LAST_STEP_READ = 200
const DEFAULT_LIMIT = 20

/** A station shown now: paused ones whose date has come count as open again. */
function visibleStatus(s: StationDoc, now: Date): 'open' | 'paused' | 'closed' {
  if (s.status === 'paused' && s.pausedUntil && s.pausedUntil <= now) return 'open'
  return s.status
}

export function cardOf(s: StationDoc, now: Date, distanceM: number | null): StationCard {
  const status = visibleStatus(s, now)
  const open = status === 'open' ? openState(s.schedule, now, isPublicHoliday) : { open: false, allDay: false, text: status === 'paused' ? '暂停开放' : '已停用' }
  const [longitude, latitude] = lngLatOf(s.location)
  return {
    id: s._id, name: s.name, type: s.type, district: s.district, address: s.address, longitude, latitude,
    distanceM: distanceM === null ? null : Math.round(distanceM),
    open: { now: open.open, allDay: open.allDay, text: open.text },
    services: s.services, phone: s.phone,
  }
}

/** What the database can filter: status, 24 h, every asked-for service, the types. Open-now is computed after. */
function queryOf(rt: Runtime, input: NearbyInput) {
  const _ = rt.db.command
  return {
    status: _.in(['open', 'paused']),
    ...(input.allDay ? { allDay: true } : {}),
    ...(input.services?.length ? { services: _.all(input.services) } : {}),
    ...(input.types?.length ? { type: _.in(input.types) } : {}),
  }
}

function keep(card: StationCard, s: StationDoc, now: Date, input: NearbyInput): boolean {
  if (visibleStatus(s, now) === 'closed') return false
  return !input.openNow || card.open.now
}

/**
 * 附近的驿站: nearest first by true (spherical) distance from the caller's position, widening the radius until
 * enough are found; or, without a position (no location consent), the stations of a district by name. Filters:
 * open now, 24 h, services (all of them), types.
 */
export async function nearby(rt: Runtime, input: NearbyInput): Promise<NearbyView> {
  await useCalendar(rt)
  const now = rt.now()
  const limit = input.limit ?? DEFAULT_LIMIT
  const query = queryOf(rt, input)
  if (input.longitude === undefined || input.latitude === undefined) {
    const { data } = await rt.db.collection(STATIONS).where({ ...query, district: input.district! }).limit(1000).get()
    const cards = (data as StationDoc[]).map((s) => ({ s, c: cardOf(s, now, null) })).filter(({ s, c }) => keep(c, s, now, input))
    // Open ones first, then by name: without a position there is no nearer.
    cards.sort((a, b) => Number(b.c.open.now) - Number(a.c.open.now) || a.c.name.localeCompare(b.c.name, 'zh-CN'))
    return { stations: cards.slice(0, limit).map((x) => x.c), radiusM: null, at: now.toISOString() }
  }
  const near = new rt.db.Geo.Point(input.longitude, input.latitude)
  let found: StationCard[] = []
  let radiusM = RADII_M[0]
  for (radiusM of RADII_M) {
    const { data } = await rt.db
      .collection(STATIONS)
      .aggregate()
      .geoNear({ near, spherical: true, distanceField: 'distanceM', maxDistance: radiusM, query, key: 'location' })
      // The widest step reads more: strict filters (open now with a microwave, at 2 a.m.) may leave few of the nearest.
      .limit(radiusM === RADII_M[RADII_M.length - 1] ? LAST_STEP_READ : limit * READ_FACTOR)
      // What a card shows, not the typed hours and the rest a staff member edits.
      .project({ hours: 0, holidayHours: 0, holidayNote: 0, photos: 0, createdAt: 0, updatedAt: 0, updatedBy: 0, lastCheckedAt: 0 })
      .end()
    found = (data as (StationDoc & { distanceM: number })[]).map((s) => ({ s, c: cardOf(s, now, s.distanceM) })).filter(({ s, c }) => keep(c, s, now, input)).map((x) => x.c)
    if (found.length >= limit) break
  }
  return { stations: found.slice(0, limit), radiusM, at: now.toISOString() }
}

/** One station's card with everything on it; public (a rider need not sign in to find a toilet). */
export async function stationDetail(rt: Runtime, id: string): Promise<StationDetail> {
  await useCalendar(rt)
  const { data } = await rt.db.collection(STATIONS).doc(id).get()
  const s = data[0] as StationDoc | undefined
  const now = rt.now()
  if (!s || visibleStatus(s, now) === 'closed') throw new AppError('NOT_FOUND', '没有找到这个驿站，可能已经停用了')
  const photos = await photoLinks(rt, s.photos)
  return {
    ...cardOf(s, now, null),
    hours: s.hours, holidayHours: s.holidayHours, holidayNote: s.holidayNote, photos,
    status: visibleStatus(s, now), pausedUntil: s.pausedUntil?.toISOString() ?? null, pauseReason: s.pauseReason,
    lastCheckedAt: s.lastCheckedAt.toISOString(),
  }
}
