import IDValidator from 'id-validator'
import { inZone, dayjs } from '~types/time'
import { invalidField } from '../core/app-error'

const validator = new IDValidator()

/** Minimum working age under the Labour Law. */
export const MIN_AGE = 16

/**
 * GB 11643 checks the schema cannot do: the check digit, a real birth date, and age ≥ 16 on `today`.
 * The library (id-validator) knows the check-digit weights and calendar; we add the age rule.
 */
export function checkIdNumber(id: string, today: Date): void {
  if (!validator.isValid(id, 18)) {
    throw invalidField('idNumber', '身份证号不正确，请核对出生日期和最后一位校验码')
  }
  const info = validator.getInfo(id, 18)
  const birth = dayjs.tz(info.birth, 'Asia/Shanghai')
  // The library only checks day ≤ 31; a date that rolls over (19900230 → 1990-03-02) does not exist.
  if (birth.format('YYYY-MM-DD') !== info.birth) throw invalidField('idNumber', '身份证号里的出生日期不存在，请核对')
  const age = inZone(today).diff(birth, 'year')
  if (age < MIN_AGE) throw invalidField('idNumber', `年满 ${MIN_AGE} 周岁才能注册`)
  if (birth.isAfter(inZone(today))) throw invalidField('idNumber', '身份证号里的出生日期不正确')
}
