import { stationContract } from '~types/station.contract'
import { defineFunction } from '../core/define-function'
import { saveStation, setStationStatus, stationForStaff, stationsForStaff } from './manage.service'
import { nearby, stationDetail } from './search.service'
import { stationStaffHandlers } from './staff.handlers'

/** The `station` function: binds the contract to the station services, nothing else. */
export const stationFunction = defineFunction('station', stationContract, {
  nearby: (input, { runtime }) => nearby(runtime, input),
  detail: ({ id }, { runtime }) => stationDetail(runtime, id),
  save: (input, { runtime, user }) => saveStation(runtime, user, input),
  setStatus: (input, { runtime, user }) => setStationStatus(runtime, user, input),
  list: ({ district }, { runtime, user }) => stationsForStaff(runtime, user, district),
  manage: ({ id }, { runtime, user }) => stationForStaff(runtime, user, id),
  ...stationStaffHandlers,
})
