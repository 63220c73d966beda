import type { ReportCategory } from '~types/volunteer.schema'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'

/** An uploaded photo as the draft keeps it: what the report sends (`fileId`) and what the list shows. */
export interface DraftPhoto {
  fileId: string
  name: string
  size: number
}

/**
 * 随手拍 half done — a category tapped, photos already uploaded, the place — survives a failed send (no signal at
 * the light) and the app being killed. `sent` is the request id of the last send with the content it carried: the
 * same report sent again after a restart reuses it, so the server files it once however often it is retried.
 */
export interface ReportDraft {
  category: ReportCategory | ''
  photos: DraftPhoto[]
  place: string
  longitude: number | null
  latitude: number | null
  /** Where it was taken: whose staff handle it. '' = the reporter's own district. */
  district: string
  note: string
  sent: { content: string; id: string } | null
}

export const reportDraftKey = (userId: string) => `${DRAFT_PREFIX}volunteer.report.${userId}`

export const emptyReportDraft = (): ReportDraft => ({ category: '', photos: [], place: '', longitude: null, latitude: null, district: '', note: '', sent: null })
