import { JIANGSU_REGIONS } from './regions.generated'

export interface RegionTable {
  cities: { code: string; name: string }[]
  districts: { code: string; name: string; cityCode: string }[]
}

export const CITIES = JIANGSU_REGIONS.cities

export function districtsOf(cityCode: string) {
  return JIANGSU_REGIONS.districts.filter((d) => d.cityCode === cityCode)
}

export function findCity(code: string) {
  return CITIES.find((c) => c.code === code)
}

export function findDistrict(code: string) {
  return JIANGSU_REGIONS.districts.find((d) => d.code === code)
}

/** "南通市 崇川区" — how a place reads in the UI and in staff lists. */
export function regionLabel(districtCode: string): string {
  const d = findDistrict(districtCode)
  if (!d) return districtCode
  return `${findCity(d.cityCode)?.name ?? ''} ${d.name}`.trim()
}
