import type { NearbyInput, NearbyView, StationCard, StationDetail } from '~types/station.schema'
import { openState, weekMinute } from '~types/station-hours'
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

/** The farthest a nearby search reaches: most riders have a station within 3 km in a city; a trucker on a county
 * road may need 50. */
const MAX_RADIUS_M = 50_000
/**
 * The database filters what it can (queryOf); openState has the last word, in code. So one read of `limit` fills the
 * page but on a public holiday, when open-now is left to code: then the first read takes twice that, and each further one — from
 * the distance the last ended at — as many as the share open so far says are still needed (a little more), at most
 * READ_MAX, for at most MAX_READS reads. Every station read costs its decoding in the SDK: read what the page needs.
 */
const MAX_READS = 5
const READ_MAX = 200
/** What a card needs of a station (cardOf, keep): not the typed hours and the rest a staff member edits. */
const CARD_FIELDS = { name: 1, type: 1, district: 1, address: 1, location: 1, phone: 1, services: 1, schedule: 1, status: 1, pausedUntil: 1 } as const
const DEFAULT_LIMIT = 20
const DISTRICT_LIMIT = 50

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

/**
 * What the database can filter: status, 24 h, every asked-for service, the types, and open-now by the weekly hours
 * (`minute`: weekMinute, null on the days holiday hours may apply) — a superset of what is open, as openState decides
 * after: a paused station, or one saved before it had spans, passes here and is judged in code.
 */
function queryOf(rt: Runtime, input: NearbyInput, minute: number | null) {
  const _ = rt.db.command
  return {
    status: _.in(['open', 'paused']),
    ...(input.allDay ? { allDay: true } : {}),
    ...(input.services?.length ? { services: _.all(input.services) } : {}),
    ...(input.types?.length ? { type: _.in(input.types) } : {}),
    ...(input.openNow && minute !== null ? { openSpans: _.or(_.elemMatch({ from: _.lte(minute), to: _.gt(minute) }), _.exists(false)) } : {}),
  }
}

function keep(card: StationCard, s: StationDoc, now: Date, input: NearbyInput): boolean {
  if (visibleStatus(s, now) === 'closed') return false
  return !input.openNow || card.open.now
}

/**
 * 附近的驿站: nearest first by true (spherical) distance from the caller's position, within 50 km, read on until
 * enough pass open-now; or, without a position (no location consent), the stations of a district by name. Filters:
 * open now, 24 h, services (all of them), types.
 */
export async function nearby(rt: Runtime, input: NearbyInput): Promise<NearbyView> {
  await useCalendar(rt)
  const now = rt.now()
  const limit = input.limit ?? DEFAULT_LIMIT
  const minute = weekMinute(now, isPublicHoliday)
  const query = queryOf(rt, input, minute)
  if (input.longitude === undefined || input.latitude === undefined) {
    const { data } = await rt.db.collection(STATIONS).where({ ...query, district: input.district! }).limit(1000).get()
    const cards = (data as StationDoc[]).map((s) => ({ s, c: cardOf(s, now, null) })).filter(({ s, c }) => keep(c, s, now, input))
    // Open ones first, then by name: without a position there is no nearer.
    cards.sort((a, b) => Number(b.c.open.now) - Number(a.c.open.now) || a.c.name.localeCompare(b.c.name, 'zh-CN'))
    // A district's list is scrolled, not searched: all of a usual district's stations (up to the page's 50).
    const shown = input.limit ?? DISTRICT_LIMIT
    return { stations: cards.slice(0, shown).map((x) => x.c), radiusM: null, matched: cards.length, at: now.toISOString() }
  }
  const near = new rt.db.Geo.Point(input.longitude, input.latitude)
  const found: StationCard[] = []
  const seen = new Set<string>()
  // Open-now in the query: what comes back is open but for the odd paused one.
  let size = input.openNow && minute === null ? limit * 2 : limit
  let readTotal = 0
  let from = 0
  let exhausted = false
  for (let i = 0; i < MAX_READS && found.length < limit && !exhausted; i++) {
    const { data } = await rt.db
      .collection(STATIONS)
      .aggregate()
      // From where the last read ended (minDistance is inclusive: a station exactly there is read twice, and kept once).
      .geoNear({ near, spherical: true, distanceField: 'distanceM', maxDistance: MAX_RADIUS_M, ...(from > 0 ? { minDistance: from } : {}), query, key: 'location' })
      .limit(size)
      .project({ ...CARD_FIELDS, distanceM: 1 })
      .end()
    const rows = data as (StationDoc & { distanceM: number })[]
    for (const s of rows) {
      if (seen.has(s._id)) continue
      seen.add(s._id)
      readTotal++
      const c = cardOf(s, now, s.distanceM)
      if (keep(c, s, now, input)) found.push(c)
    }
    exhausted = rows.length < size
    from = rows.length ? rows[rows.length - 1].distanceM : from
    const share = Math.max(found.length / Math.max(readTotal, 1), 0.05)
    size = Math.min(READ_MAX, Math.ceil(((limit - found.length) / share) * 1.25) + 1)
  }
  // How far it looked: all 50 km when it ran out of stations, else as far as the last station it read.
  return { stations: found.slice(0, limit), radiusM: exhausted ? MAX_RADIUS_M : Math.ceil(from), matched: null, at: now.toISOString() }
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
