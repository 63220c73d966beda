import * as z from 'zod/mini'
import { action } from './contract'
import { DistrictCode } from './fields'
import { NearbyInput, SetStationStatusInput, StationInput, type NearbyView, type StationDetail } from './station.schema'
import { stationStaffContract } from './station-staff.contract'

const Id = z.strictObject({ id: z.string({ error: '缺少驿站' }).check(z.minLength(1, '缺少驿站'), z.maxLength(80)) })
const OfDistrict = z.strictObject({ district: DistrictCode })

/**
 * The `station` function (暖心驿站): nearby search and a station's card are public — a rider in the rain need not
 * sign in to find a toilet or a charger; staff of a district keep its stations.
 */
export const stationContract = {
  nearby: action<NearbyView>()({ input: NearbyInput, roles: ['public'], writes: false, summary: 'Stations nearest first from a position (or of a district), with open now, 24 h, service and type filters.' }),
  detail: action<StationDetail>()({ input: Id, roles: ['public'], writes: false, summary: "A station's card: address, hours per weekday, services, phone, photos, last checked." }),
  save: action<StationDetail>()({ input: StationInput, roles: ['staff'], service: 'station', writes: true, replay: 'stored', summary: 'Create or edit a station of one of the caller\'s districts (audited).' }),
  setStatus: action<{ id: string; status: string; pausedUntil: string | null }>()({ input: SetStationStatusInput, roles: ['staff'], service: 'station', writes: true, replay: 'stored', summary: 'Pause a station until a day, reopen it, or close it for good (audited).' }),
  list: action<(StationDetail & { updatedAt: string })[]>()({ input: OfDistrict, roles: ['staff'], service: 'station', writes: false, summary: "A district's stations for its staff, closed ones too." }),
  manage: action<StationDetail>()({ input: Id, roles: ['staff'], service: 'station', writes: false, summary: 'One station as its staff see it, closed or not.' }),
  // CSV import/export and the 信息有误 queue, in their own file.
  ...stationStaffContract,
}
