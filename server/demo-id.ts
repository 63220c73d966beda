import IDValidator from 'id-validator'

const validator = new IDValidator()

/**
 * A valid-looking ID number for demo people: region code + birth date + sequence, with the one check character
 * the library accepts (we ask it rather than re-implement GB 11643's weights).
 */
export function demoIdNumber(districtCode: string, birth: string, seq: number): string {
  const body = `${districtCode}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`
  const check = '0123456789X'.split('').find((c) => validator.isValid(body + c, 18))
  if (!check) throw new Error(`no check digit for ${body}`)
  return body + check
}
