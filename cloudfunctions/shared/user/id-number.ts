import { birthDateOf, ID_NUMBER_INVALID } from '~types/id-number'
import { inZone, dayjs } from '~types/time'
import { invalidField } from '../core/app-error'

/** Minimum working age under the Labour Law. */
export const MIN_AGE = 16

/** GB 11643 (check digit, a real birth date) and age ≥ 16 on `today`, Jiangsu time. */
export function checkIdNumber(id: string, today: Date): void {
  const birthText = birthDateOf(id)
  if (!birthText) throw invalidField('idNumber', ID_NUMBER_INVALID)
  const birth = dayjs.tz(birthText, 'Asia/Shanghai')
  if (birth.isAfter(inZone(today))) throw invalidField('idNumber', '身份证号里的出生日期不正确')
  if (inZone(today).diff(birth, 'year') < MIN_AGE) throw invalidField('idNumber', `年满 ${MIN_AGE} 周岁才能注册`)
}
