import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { areaList } from '@vant/area-data'
import { ABOLISHED, renderRegions } from '../scripts/regions-source'
import { CITIES, districtsOf, findDistrict, regionLabel } from './regions'

describe('Jiangsu regions', () => {
  it('is generated from the administrative-division package and up to date (run npm run gen:regions)', () => {
    expect(readFileSync(join(__dirname, 'regions.generated.ts'), 'utf8')).toBe(renderRegions())
  })

  it('has the 13 prefecture-level cities, each with districts', () => {
    expect(CITIES.map((c) => c.name)).toEqual(
      ['南京市', '无锡市', '徐州市', '常州市', '苏州市', '南通市', '连云港市', '淮安市', '盐城市', '扬州市', '镇江市', '泰州市', '宿迁市'],
    )
    for (const c of CITIES) expect(districtsOf(c.code).length).toBeGreaterThan(2)
  })

  it('leaves out districts that no longer exist, while the package still lists them', () => {
    expect(findDistrict('320611')).toBeUndefined() // 港闸区, merged into 崇川区 in 2020
    for (const code of Object.keys(ABOLISHED)) expect(areaList.county_list[code]).toBeDefined()
  })

  it('labels a district with its city', () => {
    expect(regionLabel('320613')).toBe('南通市 崇川区')
    expect(findDistrict('110101')).toBeUndefined()
  })
})
