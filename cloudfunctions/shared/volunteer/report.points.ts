import type { ReportCategory, ReportPlace } from '~types/volunteer.schema'
import type { Database, Transaction } from '../core/context'

/**
 * Where each report was taken, one small document per report (`_id` = the application's id), written in the
 * report's own transaction. Kept apart from `applications` so the one geo index (2dsphere on `location`, as
 * CloudBase's `$geoNear` needs) sits on a collection of points, not on every kind's applications.
 */
export const REPORT_POINTS = 'volunteer_report_points'

export interface ReportPointDoc {
  _id: string
  caseNo: string
  category: ReportCategory
  district: string
  /** A `db.Geo.Point`; absent when the place was typed without coordinates. */
  location?: unknown
  /** The place's words, normalised: how reports without coordinates are compared. */
  placeKey: string
  placeText: string
  at: Date
}

/** Spaces and punctuation do not make two places different: “工农路 / 青年路口” = “工农路青年路口”. */
export const placeKeyOf = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')

export async function writeReportPoint(db: Database, tx: Transaction, p: { id: string; caseNo: string; category: ReportCategory; district: string; place: ReportPlace; at: Date }): Promise<void> {
  const located = p.place.longitude !== undefined && p.place.latitude !== undefined
  await tx.collection(REPORT_POINTS).doc(p.id).set({
    caseNo: p.caseNo,
    category: p.category,
    district: p.district,
    ...(located ? { location: new db.Geo.Point(p.place.longitude!, p.place.latitude!) } : {}),
    placeKey: placeKeyOf(p.place.text),
    placeText: p.place.text,
    at: p.at,
  })
}
