import { fieldErrors } from './validation'
import { validProfile } from '../test/support/profiles'
import { ProfileInput } from './user.schema'

function errorsOf(input: unknown) {
  const r = ProfileInput.safeParse(input)
  return r.success ? {} : fieldErrors(r.error)
}

describe('ProfileInput', () => {
  it('accepts a complete profile and normalises it', () => {
    const p = validProfile(3, { idNumber: `${validProfile(3).idNumber.toLowerCase()} `, realName: ' 张三 ' })
    const r = ProfileInput.parse(p)
    expect(r.realName).toBe('张三')
    expect(r.idNumber).toBe(validProfile(3).idNumber.toUpperCase())
  })

  it('names every faulty field in plain Chinese', () => {
    const e = errorsOf({ realName: 'a', idNumber: '123', mobile: '12345', occupation: '厨师', platform: '', districtCode: '110101', consents: { privacyVersion: 'x', sensitive: false } })
    expect(e).toEqual({
      realName: expect.stringMatching(/姓名/),
      idNumber: expect.stringMatching(/18 位/),
      mobile: expect.stringMatching(/11 位/),
      occupation: '请选择职业',
      platform: expect.stringMatching(/平台或单位/),
      districtCode: expect.stringMatching(/江苏/),
      'consents.sensitive': expect.stringMatching(/单独同意/),
    })
  })

  it('reports missing fields and unknown ones', () => {
    const e = errorsOf({ hacker: 1 })
    expect(e.realName).toMatch(/姓名/)
    expect(e.hacker).toMatch(/不认识/)
    for (const v of Object.values(e)) expect(v).not.toMatch(/[A-Za-z]{4,}/)
  })
})

describe('names and ID numbers as people type them', () => {
  it('accepts rare Han characters and minority names with any middle-dot look-alike', () => {
    for (const [typed, saved] of [['𠮷野家', '𠮷野家'], ['买买提•艾力', '买买提·艾力'], ['阿依古丽・买买提', '阿依古丽·买买提'], ['  王  五 ', '王 五']]) {
      expect(ProfileInput.parse(validProfile(5, { realName: typed })).realName).toBe(saved)
    }
    expect(errorsOf(validProfile(5, { realName: '张三\n李四😀' })).realName).toMatch(/间隔号/)
  })

  it('catches a wrong check digit and an impossible birth date before anything is sent', () => {
    const good = validProfile(6).idNumber
    const wrongDigit = good.slice(0, 17) + (good[17] === '1' ? '2' : '1')
    expect(errorsOf(validProfile(6, { idNumber: wrongDigit })).idNumber).toMatch(/校验码/)
    for (const c of '0123456789X') expect(errorsOf(validProfile(6, { idNumber: `32061319900230123${c}` })).idNumber).toBeDefined()
    expect(errorsOf(validProfile(6)).idNumber).toBeUndefined()
  })
})
