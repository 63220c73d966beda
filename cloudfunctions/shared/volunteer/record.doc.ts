import type { FileView } from '~types/file.schema'
import type { RECORD_ID_TYPE, RecordContent } from '~types/volunteer-record.schema'

export const RECORDS = 'volunteer_records'

/**
 * A 志愿服务记录证明 as issued: `_id` is its number. A snapshot — the hours, stars and content as they stood at
 * issue, and the holder as the profile named them — so the certificate reads the same whenever it is checked,
 * whatever is served or corrected later (a new certificate is issued for new hours). The ID number is kept only
 * masked: the full number stays sealed in the profile.
 */
export interface RecordDoc {
  _id: string
  userId: string
  openid: string
  /** The district whose station issued it (the worker's volunteer account's). */
  district: string
  holderName: string
  idType: typeof RECORD_ID_TYPE
  idNumberMasked: string
  minutesConfirmed: number
  minutesMakeUp: number
  stars: number
  content: RecordContent
  issuer: string
  issuedOn: string
  issuedAt: Date
  /** The PDF once stored (it is made after the record's transaction): the list shows it without reading `files`. */
  file: FileView | null
}

/** The PDF's file id, derived from the number: made again after a loss, it is recorded once. */
export const recordFileIdOf = (number: string) => `vr_${number}`
