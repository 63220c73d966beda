import { SKILL_LEVEL_LABELS, type SkillSubsidyPayload, type SubsidyQuote, type TuitionSubsidyInput, type TuitionSubsidyPayload } from '~types/academy.schema'
import type { ApplicationView } from '~types/application.schema'
import { formatFen } from '~types/money'
import { inZone } from '~types/time'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import type { UserDoc } from '../user/user.doc'
import { openApplication } from '../workflow/open-application'
import { CERTIFICATES, CLAIMS, type CertificateDoc, type ClaimsDoc } from './certificate.doc'
import { claimsOf } from './certificate.service'
import { ENROLMENTS, creditsInYear, type EnrolmentDoc } from './enrolment.doc'
import { getOffer, programmeYears } from './offer.service'
import { rulesFor } from './rules.service'
import { quoteSkillSubsidy, quoteTuitionSubsidy } from './subsidy.rules'

const noClaims = (id: string): ClaimsDoc => ({ _id: id, skill: [], tuition: [] })

async function ownCertificate(rt: Runtime, user: UserDoc, id: string): Promise<CertificateDoc> {
  const { data } = await rt.db.collection(CERTIFICATES).doc(id).get()
  const c = data[0] as CertificateDoc | undefined
  if (!c || c.holderId !== user._id) throw new AppError('NOT_FOUND', '没有找到这张证书')
  return c
}

/** Refused with every reason, on the field the worker picked. */
function refuse(field: string, quote: SubsidyQuote): never {
  const message = quote.refusals.map((r) => r.message).join('；')
  throw new AppError('INVALID_INPUT', message, { [field]: message })
}

async function claimsIn(tx: Transaction, userId: string): Promise<ClaimsDoc> {
  const { data } = await tx.collection(CLAIMS).doc(userId).get()
  return (data as ClaimsDoc | null) ?? noClaims(userId)
}

async function writeClaims(tx: Transaction, claims: ClaimsDoc) {
  const { _id, ...rest } = claims
  await tx.collection(CLAIMS).doc(_id).set(rest)
}

/** 技能提升补贴 worked out before filing: the form shows the amount and its reasoning, or exactly why not. */
export async function quoteSkill(rt: Runtime, user: UserDoc, certificateId: string): Promise<SubsidyQuote> {
  const [cert, claims, rules] = await Promise.all([ownCertificate(rt, user, certificateId), claimsOf(rt, user._id), rulesFor(rt, user.profile!.districtCode)])
  return quoteSkillSubsidy(cert, claims, rules, rt.now())
}

/**
 * The claim: the same rules again inside the transaction against the worker's claims record (two claims filed at
 * once cannot both take the last of the year's three), then the application with the amount as computed.
 */
export async function claimSkill(rt: Runtime, user: UserDoc, certificateId: string, recorder?: ReplayRecorder): Promise<ApplicationView> {
  const district = user.profile!.districtCode
  const [cert, rules] = await Promise.all([ownCertificate(rt, user, certificateId), rulesFor(rt, district)])
  const now = rt.now()
  const first = quoteSkillSubsidy(cert, await claimsOf(rt, user._id), rules, now)
  if (!first.eligible) refuse('certificateId', first)
  let claims: ClaimsDoc | undefined
  const payload: SkillSubsidyPayload = {
    certificateId: cert._id, number: cert._id, occupation: cert.occupation, level: cert.level, issuedOn: cert.issuedOn, source: cert.source,
    computedFen: first.amountFen, reasoning: first.reasoning,
  }
  return openApplication(rt, user, {
    kind: 'skillSubsidy',
    district,
    payload: payload as unknown as Record<string, unknown>,
    summary: `${cert.occupation} ${SKILL_LEVEL_LABELS[cert.level]} · ${formatFen(first.amountFen)}`,
    urgent: false,
    // The certificate's photo goes with the claim: the reviewer checks it against the national register.
    attachments: cert.photoFileId ? [cert.photoFileId] : [],
    before: async (tx) => {
      claims = await claimsIn(tx, user._id)
      const again = quoteSkillSubsidy(cert, claims, rules, now)
      if (!again.eligible) refuse('certificateId', again)
      return {}
    },
    within: async (tx, applicationId, caseNo) => {
      claims!.skill.push({ applicationId, caseNo, certificateId: cert._id, occupation: cert.occupation, level: cert.level, year: inZone(now).year(), state: 'pending' })
      await writeClaims(tx, claims!)
    },
  }, recorder)
}

async function programmeFacts(rt: Runtime, user: UserDoc, enrolmentId: string, yearNo: number) {
  const { data } = await rt.db.collection(ENROLMENTS).doc(enrolmentId).get()
  const enrolment = data[0] as EnrolmentDoc | undefined
  if (!enrolment || enrolment.userId !== user._id) throw new AppError('NOT_FOUND', '没有找到这份报名')
  const offer = await getOffer(rt, enrolment.offerId)
  if (!offer?.diploma) throw invalidField('enrolmentId', '学费补贴只适用于学历教育')
  const { years, creditsPerYear } = programmeYears(offer.diploma)
  return {
    enrolment,
    offer,
    facts: { enrolled: ['enrolled', 'completed'].includes(enrolment.state), years, creditsPerYear, creditsInYear: creditsInYear(enrolment, yearNo), tuitionFenPerYear: offer.diploma.tuitionFenPerYear },
  }
}

export async function quoteTuition(rt: Runtime, user: UserDoc, input: Pick<TuitionSubsidyInput, 'enrolmentId' | 'yearNo' | 'paidFen' | 'tier'>): Promise<SubsidyQuote> {
  const { offer, facts } = await programmeFacts(rt, user, input.enrolmentId, input.yearNo)
  const [claims, rules] = await Promise.all([claimsOf(rt, user._id), rulesFor(rt, offer.district)])
  return quoteTuitionSubsidy(input.enrolmentId, facts, claims, rules, input)
}

/** After paying a year's tuition with that year's credits complete: the claim, reviewed by the programme's district. */
export async function claimTuition(rt: Runtime, user: UserDoc, input: TuitionSubsidyInput, recorder?: ReplayRecorder): Promise<ApplicationView> {
  if (input.tier !== 'none' && input.attachments.length < 2) throw invalidField('attachments', '获得过荣誉的，请在学费发票之外再上传一张荣誉证书照片')
  const { offer, facts } = await programmeFacts(rt, user, input.enrolmentId, input.yearNo)
  const rules = await rulesFor(rt, offer.district)
  const first = quoteTuitionSubsidy(input.enrolmentId, facts, await claimsOf(rt, user._id), rules, input)
  if (!first.eligible) refuse(first.refusals.some((r) => r.code === 'year') ? 'yearNo' : 'enrolmentId', first)
  let claims: ClaimsDoc | undefined
  const payload: TuitionSubsidyPayload = {
    enrolmentId: input.enrolmentId, offerTitle: offer.title, yearNo: input.yearNo, paidFen: input.paidFen, tier: input.tier,
    ratePct: rules.tuitionRatePct[input.tier], computedFen: first.amountFen, reasoning: first.reasoning,
  }
  return openApplication(rt, user, {
    kind: 'tuitionSubsidy',
    district: offer.district,
    payload: payload as unknown as Record<string, unknown>,
    summary: `${offer.title} 第 ${input.yearNo} 学年 · ${formatFen(first.amountFen)}`,
    urgent: false,
    attachments: input.attachments,
    before: async (tx) => {
      claims = await claimsIn(tx, user._id)
      const again = quoteTuitionSubsidy(input.enrolmentId, facts, claims, rules, input)
      if (!again.eligible) refuse('enrolmentId', again)
      return {}
    },
    within: async (tx, applicationId, caseNo) => {
      claims!.tuition.push({ applicationId, caseNo, enrolmentId: input.enrolmentId, yearNo: input.yearNo, state: 'pending' })
      await writeClaims(tx, claims!)
    },
  }, recorder)
}

/** A claim's record moves with its application: approved stays (and counts), anything else leaves. */
export async function settleClaim(tx: Transaction, userId: string, applicationId: string, to: 'approved' | 'gone') {
  const claims = await claimsIn(tx, userId)
  const keep = <T extends { applicationId: string; state: string }>(list: T[]) =>
    to === 'gone' ? list.filter((c) => c.applicationId !== applicationId) : list.map((c) => (c.applicationId === applicationId ? { ...c, state: 'approved' as const } : c))
  await writeClaims(tx, { ...claims, skill: keep(claims.skill), tuition: keep(claims.tuition) })
}
