import type { Education } from '~types/academy.schema'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'
import type { Attached } from '../../../components/attachment-picker'

/** An enrolment half filled (a diploma's education and its proof) survives a failed send and a restart. */
export interface EnrolDraft {
  education: Education | ''
  note: string
  attachments: Attached[]
}

export const enrolDraftKey = (userId: string, offerId: string) => `${DRAFT_PREFIX}academy.enrol.${userId}.${offerId}`
export const emptyEnrol = (): EnrolDraft => ({ education: '', note: '', attachments: [] })
