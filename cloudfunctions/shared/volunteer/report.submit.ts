import type { ApplicationView } from '~types/application.schema'
import { findDistrict } from '~types/regions'
import { REPORT_CATEGORY_LABELS, type VolunteerReportInput, type VolunteerReportPayload } from '~types/volunteer.schema'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import type { UserDoc } from '../user/user.doc'
import { openApplication } from '../workflow/open-application'
import { writeReportPoint } from './report.points'

/**
 * 随手拍: one tap files a `volunteerReport` for the volunteer staff of the district where it was taken (the
 * reporter's own unless they picked another). The photos are the reporter's own uploads, attached in the same
 * transaction; so is the report's point, for the reviewer's duplicate check. A hazard goes first in the queue.
 */
export async function submitReport(rt: Runtime, user: UserDoc, input: VolunteerReportInput, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const district = input.district ?? user.profile!.districtCode
  if (!findDistrict(district)) throw invalidField('district', '没有这个区县，请重新选择')
  const note = input.note?.trim() || null
  const payload: VolunteerReportPayload = { category: input.category, place: input.place, note, forwarded: [], grade: null, points: null, reply: null }
  const at = rt.now()
  return withPhotosNamed(openApplication(rt, user, {
    kind: 'volunteerReport',
    district,
    payload: payload as unknown as Record<string, unknown>,
    summary: `${REPORT_CATEGORY_LABELS[input.category]} · ${input.place.text}`,
    urgent: input.category === 'hazard',
    attachments: [...new Set(input.photos)],
    within: (tx: Transaction, id: string, caseNo: string) => writeReportPoint(rt.db, tx, { id, caseNo, category: input.category, district, place: input.place, at }),
  }, recorder))
}

/** The workflow names its files `attachments`; on this form they are the photos, and the error should say so. */
async function withPhotosNamed<T>(p: Promise<T>): Promise<T> {
  try {
    return await p
  } catch (e) {
    if (e instanceof AppError && e.fields?.attachments) throw invalidField('photos', e.fields.attachments)
    throw e
  }
}
