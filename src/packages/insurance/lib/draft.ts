import type { BODY_PARTS, RELATIONS } from '~types/insurance.schema'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'

/** 一键报案 half filled survives a failed send (no signal at the roadside) and a restart. */
export interface ReportDraft {
  schemeKey: string
  /** The day (`2026-03-01`, Jiangsu time) and the time as typed (`14:30`): now, when the form first opened. A date
   * rather than “today”, so a draft finished after midnight still means the same day. */
  date: string
  time: string
  place: string
  longitude: number | null
  latitude: number | null
  what: string
  bodyPart: (typeof BODY_PARTS)[number] | ''
  hospital: string
  /** Yuan as typed; empty is no advance asked for. */
  advance: string
  wantsAdvance: boolean
}

export const reportDraftKey = (userId: string) => `${DRAFT_PREFIX}insurance.report.${userId}`

export interface EnrolDraft {
  noWorkInjuryInsurance: boolean
  registeredHere: boolean
  name: string
  relation: (typeof RELATIONS)[number] | ''
  mobile: string
}

export const enrolDraftKey = (userId: string, schemeKey: string) => `${DRAFT_PREFIX}insurance.enrol.${userId}.${schemeKey}`
export const emptyEnrol = (): EnrolDraft => ({ noWorkInjuryInsurance: false, registeredHere: false, name: '', relation: '', mobile: '' })
