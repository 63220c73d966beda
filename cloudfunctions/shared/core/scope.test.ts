import type { UserDoc } from '../user/user.doc'
import { districtsOf, inScopeOr404, staffCovers } from '../core/scope'

const staff = {
  roles: {
    admin: false,
    staff: [
      { districtCode: '320613', services: ['legalAid', 'academy'] },
      { districtCode: '320213', services: ['station'] },
    ],
  },
} as unknown as UserDoc

test('a record is covered only by a grant of its district AND its service', () => {
  expect(staffCovers(staff, { district: '320613', service: 'academy' })).toBe(true)
  expect(staffCovers(staff, { district: '320613', service: 'station' })).toBe(false)
  expect(staffCovers(staff, { district: '320213', service: 'station' })).toBe(true)
  expect(staffCovers(staff, { district: '320213', service: 'academy' })).toBe(false)
})

test('the districts of one service, and NOT_FOUND outside the scope', () => {
  expect(districtsOf(staff, 'academy')).toEqual(['320613'])
  expect(districtsOf(staff, 'volunteer')).toEqual([])
  const course = { district: '320213', service: 'academy' as const }
  expect(() => inScopeOr404(staff, course, '没有找到这门课程')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  expect(() => inScopeOr404(staff, null, '没有找到')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  expect(inScopeOr404(staff, { ...course, district: '320613' }, 'x')).toMatchObject({ district: '320613' })
})
