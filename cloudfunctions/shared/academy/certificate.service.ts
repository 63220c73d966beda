import { type AddCertificateInput, type CertificateView, type VerifyView } from '~types/academy.schema'
import { inZone } from '~types/time'
import { ACADEMY_CERT_BODY, type AcademyRules } from '../../../config/academy'
import { AUDIT } from '../audit/audit'
import { invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { inScopeOr404 } from '../core/scope'
import { maskName } from '../security/mask'
import { inTransaction } from '../db/transaction'
import { attachFiles } from '../storage/files'
import type { UserDoc } from '../user/user.doc'
import { nextInCounter } from '../workflow/case-number'
import { CERTIFICATES, CLAIMS, type CertificateDoc, type ClaimsDoc } from './certificate.doc'
import { ENROLMENTS, type EnrolmentDoc } from './enrolment.doc'
import { OFFERS, type OfferDoc } from './offer.doc'
import { rulesFor } from './rules.service'
import { subsidyWindow } from './subsidy.rules'

export function certificateView(c: CertificateDoc, rules: AcademyRules, claims: ClaimsDoc | null, now: Date): CertificateView {
  const { until, daysLeft } = subsidyWindow(c.issuedOn, rules, now)
  const claim = claims?.skill.find((k) => k.certificateId === c._id)
  return {
    id: c._id,
    number: c._id,
    occupation: c.occupation,
    level: c.level,
    issuedOn: c.issuedOn,
    issuer: c.issuer,
    source: c.source,
    subsidyUntil: until,
    daysLeft,
    claim: claim ? { applicationId: claim.applicationId, caseNo: claim.caseNo, state: claim.state } : null,
  }
}

export async function claimsOf(rt: Runtime, userId: string): Promise<ClaimsDoc> {
  const { data } = await rt.db.collection(CLAIMS).doc(userId).get()
  return (data[0] as ClaimsDoc | undefined) ?? { _id: userId, skill: [], tuition: [] }
}

export async function myCertificates(rt: Runtime, user: UserDoc, rules: AcademyRules, claims: ClaimsDoc): Promise<CertificateView[]> {
  const { data } = await rt.db.collection(CERTIFICATES).where({ holderId: user._id }).orderBy('issuedOn', 'desc').limit(100).get()
  const now = rt.now()
  return (data as CertificateDoc[]).map((c) => certificateView(c, rules, claims, now))
}

/** The holder's own certificate from elsewhere: its number once in the whole system, its photo kept with it. */
export async function addCertificate(rt: Runtime, user: UserDoc, input: AddCertificateInput): Promise<CertificateView> {
  const now = rt.now()
  if (input.issuedOn > inZone(now).format('YYYY-MM-DD')) throw invalidField('issuedOn', '发证日期不能晚于今天')
  const doc: CertificateDoc = {
    _id: input.number,
    service: 'academy',
    district: user.profile!.districtCode,
    holderId: user._id,
    holderOpenid: user.openid,
    holderName: user.profile!.realName,
    occupation: input.occupation,
    level: input.level,
    issuedOn: input.issuedOn,
    issuer: '持证人自行登记',
    source: 'external',
    offerId: null,
    photoFileId: input.photo,
    createdAt: now,
    createdBy: user._id,
  }
  await inTransaction(rt.db, async (tx: Transaction) => {
    const { data } = await tx.collection(CERTIFICATES).doc(input.number).get()
    const existing = data as CertificateDoc | null
    if (existing?.holderId === user._id) throw invalidField('number', '这张证书您已经登记过了')
    if (existing) throw invalidField('number', '这个证书编号已经有人登记过。如果证书是您的，请联系所在区县的学院工作人员核实')
    const { _id, ...fields } = doc
    await tx.collection(CERTIFICATES).doc(_id).set(fields)
    await attachFiles(rt, tx, user.openid, [input.photo], `certificate:${input.number}`)
  })
  const [rules, claims] = await Promise.all([rulesFor(rt, user.profile!.districtCode), claimsOf(rt, user._id)])
  return certificateView(doc, rules, claims, now)
}

/** `S` + body (4) + province (2) + site (the district, 6) + year (2) + level (1) + serial (6): 22 characters. */
function certificateNumber(district: string, issuedOn: string, level: number, serial: number): string {
  return `S${ACADEMY_CERT_BODY}32${district}${issuedOn.slice(2, 4)}${level}${String(serial).padStart(6, '0')}`
}

/**
 * Certificates for a completed skill course, or for a contest's winners: one per trainee, numbered from a
 * counter per district, year and level, each with its audit line. Already issued → left as is (a retry is safe).
 */
export async function issueCertificates(rt: Runtime, staff: UserDoc, input: { offerId: string; enrolmentIds: string[]; issuedOn: string }) {
  const { data } = await rt.db.collection(OFFERS).doc(input.offerId).get()
  const offer = inScopeOr404(staff, (data[0] as OfferDoc | undefined) ?? null, '没有找到这门课程')
  if (offer.type === 'diploma') throw invalidField('offerId', '学历教育的毕业证书由合作院校颁发，这里只发职业技能等级证书')
  const now = rt.now()
  if (input.issuedOn > inZone(now).format('YYYY-MM-DD')) throw invalidField('issuedOn', '发证日期不能晚于今天')
  const issued: { enrolmentId: string; number: string }[] = []
  const skipped: { enrolmentId: string; reason: string }[] = []
  for (const enrolmentId of new Set(input.enrolmentIds)) {
    const result = await inTransaction(rt.db, async (tx: Transaction) => {
      const { data: e } = await tx.collection(ENROLMENTS).doc(enrolmentId).get()
      const enrolment = e as EnrolmentDoc | null
      if (!enrolment || enrolment.offerId !== offer._id) return { skip: '不是这门课的学员' }
      if (enrolment.certificateId) return { skip: `已发证（${enrolment.certificateId}）` }
      // A course's certificate needs a completed course; a contest's winners are enrolled ones the organiser picks.
      if (offer.type === 'skill' && enrolment.state !== 'completed') return { skip: '还没有结业' }
      if (offer.type === 'contest' && !['enrolled', 'completed'].includes(enrolment.state)) return { skip: '没有被录取参赛' }
      const counterId = `cert:${offer.district}:${input.issuedOn.slice(0, 4)}:${offer.skillLevel}`
      // A number already on record (entered from paper before the system) is passed over, never overwritten.
      let number = certificateNumber(offer.district, input.issuedOn, offer.skillLevel!, await nextInCounter(tx, counterId))
      for (let n = Number(number.slice(-6)); (await tx.collection(CERTIFICATES).doc(number).get()).data; ) {
        n = await nextInCounter(tx, counterId, n)
        number = certificateNumber(offer.district, input.issuedOn, offer.skillLevel!, n)
      }
      const cert: Omit<CertificateDoc, '_id'> = {
        service: 'academy',
        district: offer.district,
        holderId: enrolment.userId,
        holderOpenid: enrolment.openid,
        holderName: enrolment.name,
        occupation: offer.occupation!,
        level: offer.skillLevel!,
        issuedOn: input.issuedOn,
        issuer: offer.provider,
        source: 'academy',
        offerId: offer._id,
        photoFileId: null,
        createdAt: now,
        createdBy: staff._id,
      }
      await tx.collection(CERTIFICATES).doc(number).set(cert)
      await tx.collection(ENROLMENTS).doc(enrolmentId).update({ certificateId: number, updatedAt: now })
      await tx.collection(AUDIT).add({ actorId: staff._id, actorRole: 'staff', action: 'academy.issueCertificate', targetType: 'certificate', targetId: number, to: { enrolmentId, level: offer.skillLevel }, at: now })
      return { number }
    })
    if ('number' in result && result.number) issued.push({ enrolmentId, number: result.number })
    else skipped.push({ enrolmentId, reason: (result as { skip: string }).skip })
  }
  return { issued, skipped }
}


/** The public check an employer makes: name masked, what the certificate says, who issued it. */
export async function verifyCertificate(rt: Runtime, number: string): Promise<VerifyView> {
  const { data } = await rt.db.collection(CERTIFICATES).doc(number).get()
  const c = data[0] as CertificateDoc | undefined
  if (!c) return { found: false, number }
  return { found: true, number, holderMasked: maskName(c.holderName), occupation: c.occupation, level: c.level, issuedOn: c.issuedOn, issuer: c.issuer, source: c.source }
}
