import type { CORRECTION_KINDS } from '~types/station.schema'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'

/** 信息有误 half written: kept through a failed send (no signal at the station) and a restart, one per station. */
export interface CorrectionDraft {
  kind: (typeof CORRECTION_KINDS)[number] | ''
  note: string
}

export const correctionDraftKey = (stationId: string) => `${DRAFT_PREFIX}station.correct.${stationId}`
