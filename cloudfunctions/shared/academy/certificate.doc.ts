import type { SkillLevelNo } from '../../../config/academy'

export const CERTIFICATES = 'academy_certificates'

/**
 * A 职业技能等级证书 on record. `_id` is the certificate number: one record per certificate, whoever adds it —
 * the database refuses a second (so one number cannot back two people's subsidies).
 */
export interface CertificateDoc {
  _id: string
  service: 'academy'
  /** The district whose academy staff see it: the issuing offer's, or the holder's for one added from elsewhere. */
  district: string
  holderId: string
  holderOpenid: string
  holderName: string
  occupation: string
  level: SkillLevelNo
  issuedOn: string
  issuer: string
  /** Issued by the academy (verified by construction), or added by the holder from elsewhere (checked at review). */
  source: 'academy' | 'external'
  offerId: string | null
  photoFileId: string | null
  createdAt: Date
  createdBy: string
}

export const CLAIMS = 'academy_claims'

export interface SkillClaim {
  applicationId: string
  caseNo: string
  certificateId: string
  occupation: string
  level: SkillLevelNo
  /** The calendar year it was filed in (Asia/Shanghai): the per-year limit counts these. */
  year: number
  state: 'pending' | 'approved'
}

export interface TuitionClaim {
  applicationId: string
  caseNo: string
  enrolmentId: string
  yearNo: number
  state: 'pending' | 'approved'
}

/**
 * One document per worker (`_id` = user id) holding every subsidy claim still standing (pending or approved). Each
 * rule — once per occupation and level, none lower than one claimed, N a year, one per programme year — is checked
 * against it and written to it in the claim's own transaction, so two claims filed at once cannot both pass.
 * A rejected, withdrawn or expired claim leaves it, and may be filed again.
 */
export interface ClaimsDoc {
  _id: string
  skill: SkillClaim[]
  tuition: TuitionClaim[]
}
