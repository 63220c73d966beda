import { DIPLOMA_LEVEL_LABELS, EDUCATION_LABELS, EDUCATION_NEEDED, type EnrolInput, type EnrolmentPayload } from '~types/academy.schema'
import type { ApplicationView } from '~types/application.schema'
import { findCity, findDistrict, regionLabel } from '~types/regions'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import type { UserDoc } from '../user/user.doc'
import { openApplication } from '../workflow/open-application'
import { ENROLMENTS, enrolmentIdOf, type EnrolmentDoc } from './enrolment.doc'
import { availability, offerForWorker } from './offer.service'
import { takeSeat } from './seats'

/**
 * A worker enrols: checked against the offer (open, their city or district, a diploma's entry level), then in one
 * transaction a seat or a waitlist place, the enrolment record (its id refuses a second one) and the application
 * staff review.
 */
export async function enrol(rt: Runtime, user: UserDoc, input: EnrolInput, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const offer = await offerForWorker(rt, user, input.offerId)
  const state = availability(offer, rt.now())
  if (state === 'closed') throw new AppError('CONFLICT', '这门课的报名已经截止')
  if (state === 'started') throw new AppError('CONFLICT', '这门课已经开课，不能再报名了，可以看看其他课程')
  const home = user.profile!.districtCode
  if (findDistrict(home)?.cityCode !== offer.city || (!offer.cityWide && home !== offer.district)) {
    const who = offer.cityWide ? (findCity(offer.city)?.name ?? '当地') : regionLabel(offer.district)
    throw new AppError('FORBIDDEN', `这门课只面向在${who}工作生活的新就业群体。如果您已经换了地方，请先在“我的”里修改所在地区`)
  }
  if (offer.type === 'diploma') {
    const d = offer.diploma!
    if (!input.education) throw invalidField('education', '请选择最高学历')
    if (!EDUCATION_NEEDED[d.level].includes(input.education)) {
      throw invalidField('education', `报读${DIPLOMA_LEVEL_LABELS[d.level]}需要${d.level === 'associate' ? '高中、中专或以上' : '大专或以上'}学历，您填的是${EDUCATION_LABELS[input.education]}`)
    }
    if (!input.attachments.length) throw invalidField('attachments', '请上传最高学历证明（毕业证照片）')
  }
  const enrolmentId = enrolmentIdOf(offer._id, user._id)
  const now = rt.now()
  let seat: { seated: boolean; waitlistNo: number | null } | undefined
  return openApplication(rt, user, {
    kind: 'academyEnrolment',
    district: offer.district,
    summary: offer.title,
    urgent: false,
    attachments: input.attachments,
    // A course opening draws a crowd onto one offer document and the day's case counter: keep retrying for longer,
    // still inside the function's 10 s timeout.
    budgetMs: 8000,
    payload: { offerId: offer._id, offerType: offer.type, offerTitle: offer.title, enrolmentId, education: input.education ?? null, note: input.note || null },
    // Inside the transaction, before the application is written: its payload says seat or waitlist place.
    before: async (tx: Transaction) => {
      const { data } = await tx.collection(ENROLMENTS).doc(enrolmentId).get()
      const existing = data as EnrolmentDoc | null
      if (existing && existing.state !== 'released') throw new AppError('CONFLICT', '您已经报名了这门课，可以在“我的学习”里查看')
      seat = await takeSeat(rt, tx, offer._id)
      return { seated: seat.seated, waitlistNo: seat.waitlistNo } satisfies Partial<EnrolmentPayload>
    },
    within: async (tx: Transaction, applicationId: string, caseNo: string) => {
      const doc: Omit<EnrolmentDoc, '_id'> = {
        service: 'academy',
        district: offer.district,
        offerId: offer._id,
        offerType: offer.type,
        offerTitle: offer.title,
        offerLastDate: offer.lastDate,
        userId: user._id,
        openid: user.openid,
        name: user.profile!.realName,
        applicationId,
        caseNo,
        state: seat!.seated ? 'seated' : 'waitlisted',
        releaseReason: null,
        waitlistNo: seat!.waitlistNo,
        seatedAt: seat!.seated ? now : null,
        attendance: {},
        credits: {},
        completedAt: null,
        certificateId: null,
        createdAt: now,
        updatedAt: now,
      }
      await tx.collection(ENROLMENTS).doc(enrolmentId).set(doc)
    },
  }, recorder)
}
