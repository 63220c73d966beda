import { demoIdNumber } from '../../../server/demo-id'
import { AppError } from '../core/app-error'
import { checkIdNumber } from './id-number'

const today = new Date('2026-11-29T04:00:00Z')

function fieldOf(fn: () => void): string | undefined {
  try {
    fn()
  } catch (e) {
    return (e as AppError).fields?.idNumber
  }
  return undefined
}

describe('checkIdNumber (GB 11643)', () => {
  it('accepts a valid number of an adult', () => {
    expect(() => checkIdNumber(demoIdNumber('320613', '1995-06-15', 7), today)).not.toThrow()
  })

  it('rejects a wrong check digit', () => {
    const id = demoIdNumber('320613', '1995-06-15', 7)
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
    expect(fieldOf(() => checkIdNumber(wrong, today))).toMatch(/校验码/)
  })

  it('rejects a birth date that does not exist (30 February)', () => {
    // Build the body by hand: no check digit makes 19900230 valid.
    for (const c of '0123456789X') expect(fieldOf(() => checkIdNumber(`32061319900230123${c}`, today))).toBeDefined()
  })

  it('rejects someone under 16 on the day, accepts them on their 16th birthday', () => {
    expect(fieldOf(() => checkIdNumber(demoIdNumber('320613', '2010-11-30', 1), today))).toMatch(/16/)
    expect(() => checkIdNumber(demoIdNumber('320613', '2010-11-29', 1), today)).not.toThrow()
  })
})
