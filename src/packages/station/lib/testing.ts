// Test data for the station pages' component tests (imported by tests only).
import type { StationDetail, StationInput } from '~types/station.schema'
import { api, newRequestId } from '../../../api/client'
import { signInDemo, signOut } from '../../../store/session'
import { navigations } from '../../../../test/support/taro-stub'

const week = (t: string) => Array(7).fill(t) as StationInput['hours']

/** A station of 南通崇川 as its staff would save it; override what the test is about. */
export function stationInput(over: Partial<StationInput> & Pick<StationInput, 'name' | 'longitude' | 'latitude'>): StationInput {
  return { type: 'heart', district: '320613', address: '崇川区测试路 1 号', hours: week('24小时'), services: ['rest', 'water'], ...over }
}

export const hoursAllWeek = week

/** Metres north/east of a point as longitude/latitude (for stations at known distances from a rider). */
export function offset(at: { longitude: number; latitude: number }, northM: number, eastM = 0) {
  const dLat = northM / 111_195
  const dLng = eastM / (111_195 * Math.cos((at.latitude * Math.PI) / 180))
  return { longitude: at.longitude + dLng, latitude: at.latitude + dLat }
}

/** 顾敏 (staff of 南通崇川) saves the stations; then `after` signs in again (a demo openid) or signs out (a visitor). */
export async function withStations(inputs: StationInput[], after: string | null): Promise<StationDetail[]> {
  await signInDemo('demo-staff-nantong')
  const saved: StationDetail[] = []
  for (const input of inputs) saved.push(await api.station.save(input, { requestId: newRequestId() }))
  if (after) await signInDemo(after)
  else signOut()
  // Signing out sends the page to sign-in: not something the page under test did.
  navigations.length = 0
  return saved
}

/** A name no other test file uses: the component tests share one server. */
export const unique = (name: string) => `${name}${Date.now().toString(36).slice(-4)}`
