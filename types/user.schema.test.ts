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
