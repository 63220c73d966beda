import Taro from '@tarojs/taro'
import { districtsOf } from '~types/regions'
import { STATION_SERVICE_LABELS, STATION_SERVICES, STATION_TYPE_LABELS, STATION_TYPES, type StationService, type StationType } from '~types/station.schema'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'

/** What a rider filters by; kept across visits (someone who needs a charger tonight needs one tomorrow too). */
export interface StationFilters {
  openNow: boolean
  allDay: boolean
  services: StationService[]
  types: StationType[]
  /** The district last picked when searching without a position; absent = the profile's. */
  district?: string
}

export const NANTONG = '320600'
/** A visitor who is not signed in (no profile district) starts in 南通崇川, the city centre where the service began. */
export const VISITOR_DISTRICT = districtsOf(NANTONG).find((d) => d.name === '崇川区')!.code

export const NO_FILTERS: StationFilters = { openNow: false, allDay: false, services: [], types: [] }

/** The filters in words, as the chips say them: “营业中、热饭、司机之家”; empty without any. */
export function filterWords(f: StationFilters): string {
  return [...(f.openNow ? ['营业中'] : []), ...(f.allDay ? ['24 小时'] : []), ...f.services.map((s) => STATION_SERVICE_LABELS[s]), ...f.types.map((t) => STATION_TYPE_LABELS[t])].join('、')
}

// A device preference like 大字模式: nothing personal in it beyond a district, so it stays across sign-out.
const FILTERS_KEY = 'nx.pref.station.filters'

/** What was stored, checked against today's lists (a service renamed in an update must not break the page). */
export function readFilters(): StationFilters {
  const raw = Taro.getStorageSync(FILTERS_KEY) as Partial<StationFilters> | ''
  if (!raw || typeof raw !== 'object') return NO_FILTERS
  return {
    openNow: raw.openNow === true,
    allDay: raw.allDay === true,
    services: (Array.isArray(raw.services) ? raw.services : []).filter((s): s is StationService => (STATION_SERVICES as readonly string[]).includes(s)),
    types: (Array.isArray(raw.types) ? raw.types : []).filter((t): t is StationType => (STATION_TYPES as readonly string[]).includes(t)),
    ...(typeof raw.district === 'string' && /^32\d{4}$/.test(raw.district) ? { district: raw.district } : {}),
  }
}

export function writeFilters(f: StationFilters): void {
  Taro.setStorageSync(FILTERS_KEY, f)
}

/**
 * The separate consent PIPL Art. 29 asks for precise location, given on this phone: asked once with the reason,
 * withdrawn with one tap. Under the draft prefix, so sign-out takes it away with the person's other traces.
 */
const CONSENT_KEY = `${DRAFT_PREFIX}station.location`
export type LocationConsent = 'granted' | 'declined' | null

export function readConsent(): LocationConsent {
  const v = Taro.getStorageSync(CONSENT_KEY) as { answer?: string } | ''
  return v && (v.answer === 'granted' || v.answer === 'declined') ? v.answer : null
}

export function writeConsent(answer: 'granted' | 'declined'): void {
  Taro.setStorageSync(CONSENT_KEY, { answer, at: new Date().toISOString() })
}
