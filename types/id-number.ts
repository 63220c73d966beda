import IDValidator from 'id-validator'

const validator = new IDValidator()

/**
 * The birth date (YYYY-MM-DD) of a GB 11643 ID number whose check digit is right and whose date exists, else null.
 * Shared by the form (so a typo is caught on the phone, without a round trip) and the server (authoritative).
 * The library knows the check-digit weights but bounds the day only by 31: a date that rolls over
 * (19900230 → 1990-03-02) is caught here.
 */
export function birthDateOf(id: string): string | null {
  if (!validator.isValid(id, 18)) return null
  const birth = validator.getInfo(id, 18).birth
  const [y, m, d] = birth.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? birth : null
}

export const ID_NUMBER_INVALID = '身份证号不正确，请核对出生日期和最后一位校验码'
