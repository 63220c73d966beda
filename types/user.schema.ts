import * as z from 'zod/mini'
import { Service } from './roles'
import { findDistrict } from './regions'
import { birthDateOf, ID_NUMBER_INVALID } from './id-number'

export const OCCUPATIONS = ['快递员', '外卖配送员', '货车司机', '网约车司机', '网络主播', '其他'] as const
export const Occupation = z.enum(OCCUPATIONS, { error: '请选择职业' })
export type Occupation = z.infer<typeof Occupation>

/** 18 characters, the last a digit or X. The check digit, birth date and age are checked on the server. */
export const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/
export const MOBILE_SHAPE = /^1[3-9]\d{9}$/

const trimmed = (min: number, max: number, what: string) =>
  z.string({ error: `请填写${what}` }).check(
    z.trim(),
    z.minLength(min, min <= 1 ? `请填写${what}` : `${what}至少 ${min} 个字`),
    z.maxLength(max, `${what}最多 ${max} 个字`),
  )

export const ProfileInput = z.strictObject({
  realName: z.string({ error: '请填写真实姓名' }).check(
    z.trim(),
    // Phone keyboards type the middle dot of minority names as •, ・ or ‧; one space between Latin parts.
    z.overwrite((s) => s.replace(/[•・‧∙･]/g, '·').replace(/\s+/g, ' ')),
    z.minLength(2, '请填写真实姓名（至少 2 个字）'),
    z.maxLength(30, '姓名最多 30 个字'),
    // Any Han character, rare ones (extensions A–G, beyond the BMP) included: real names use them.
    z.regex(/^[\p{Script=Han}·A-Za-z ]+$/u, '姓名只能包含汉字、字母或间隔号“·”'),
  ),
  /** Optional when correcting a profile: left out, the number on file stays. */
  idNumber: z.optional(
    z.string({ error: '请填写身份证号' }).check(
      z.trim(),
      z.toUpperCase(),
      z.regex(ID_NUMBER_SHAPE, '身份证号应为 18 位，最后一位可以是数字或 X'),
      z.refine((id) => !ID_NUMBER_SHAPE.test(id) || birthDateOf(id) !== null, ID_NUMBER_INVALID),
    ),
  ),
  mobile: z.string({ error: '请填写手机号' }).check(z.trim(), z.regex(MOBILE_SHAPE, '手机号应为 11 位，以 13–19 开头')),
  occupation: Occupation,
  platform: trimmed(1, 40, '平台或单位'),
  districtCode: z.string({ error: '请选择所在区县' }).check(
    z.refine((code) => !!findDistrict(code), '请选择江苏省内的区县'),
  ),
  consents: z.strictObject({
    privacyVersion: z.string({ error: '请阅读并同意隐私保护指引' }).check(z.minLength(1, '请阅读并同意隐私保护指引')),
    sensitive: z.literal(true, { error: '办理服务需要您单独同意处理身份证号等敏感信息' }),
  }),
})
export type ProfileInput = z.infer<typeof ProfileInput>

export const StaffGrant = z.object({
  districtCode: z.string(),
  services: z.array(Service),
  grantedAt: z.string(),
})
export type StaffGrant = z.infer<typeof StaffGrant>

export interface ConsentRecord {
  kind: 'privacy' | 'sensitive'
  version: string
  acceptedAt: string
}

/** The profile as every response shows it: the ID number only masked. */
export interface ProfileView {
  realName: string
  idNumberMasked: string
  mobile: string
  occupation: Occupation
  platform: string
  cityCode: string
  districtCode: string
  regionLabel: string
}

export interface UserView {
  id: string
  profile: ProfileView | null
  /** Complete profile AND the current privacy guide accepted: only then the services open. */
  ready: boolean
  privacyVersionAccepted: string | null
  /** The profile is complete but the guide changed since it was agreed to: ask again (the change shown), not the form. */
  reconsent: boolean
  roles: { admin: boolean; staff: StaffGrant[] }
  consents: ConsentRecord[]
  createdAt: string
}

export const Empty = z.strictObject({})

/** Agreeing again to a changed guide: the version read, and the separate consent to sensitive data (PIPL Art. 29). */
export const AcceptPrivacyInput = z.strictObject({
  privacyVersion: z.string({ error: '请阅读并同意隐私保护指引' }).check(z.minLength(1, '请阅读并同意隐私保护指引')),
  sensitive: z.literal(true, { error: '请单独同意处理敏感个人信息' }),
})
export type AcceptPrivacyInput = z.infer<typeof AcceptPrivacyInput>

export const GrantStaffInput = z.strictObject({
  userId: z.string().check(z.minLength(1, '请选择人员')),
  districtCode: z.string({ error: '请选择区县' }).check(z.refine((c) => !!findDistrict(c), '请选择江苏省内的区县')),
  services: z.array(Service).check(z.minLength(1, '至少选择一项服务')),
})
export type GrantStaffInput = z.infer<typeof GrantStaffInput>

export const RevokeStaffInput = z.strictObject({
  userId: z.string().check(z.minLength(1, '请选择人员')),
  districtCode: z.string({ error: '请选择区县' }),
})
export type RevokeStaffInput = z.infer<typeof RevokeStaffInput>

export const FindUsersInput = z.strictObject({
  query: z.string({ error: '请输入姓名或手机号' }).check(z.trim(), z.minLength(1, '请输入姓名或手机号'), z.maxLength(30, '最多 30 个字')),
})

export interface StaffCandidate {
  id: string
  realName: string
  mobileMasked: string
  regionLabel: string
  roles: UserView['roles']
}
