import { academyContract } from '~types/academy.contract'
import { defineFunction, recordsReplay } from '../core/define-function'
import { addCertificate, issueCertificates, verifyCertificate } from './certificate.service'
import { enrol } from './enrolment.submit'
import { academyFigures, completeCourse, offerWithMine, markNoShow, myLearning, recordAttendance, recordCredits, roster, transcript } from './learning.service'
import { catalogue, saveOffer, setOfferStatus, staffOffers } from './offer.service'
import { rulesFor, setRules } from './rules.service'
import { fillFreeSeats } from './seats'
import { claimSkill, claimTuition, quoteSkill, quoteTuition } from './subsidy.submit'

/** The `academy` cloud function: binds the contract to the academy's services, nothing else. */
export const academyFunction = defineFunction(
  'academy',
  academyContract,
  {
    catalogue: (input, { runtime, user }) => catalogue(runtime, user, input),
    offer: ({ id }, { runtime, user }) => offerWithMine(runtime, user, id),
    enrol: recordsReplay((input, { runtime, user, replay }) => enrol(runtime, user, input, replay)),
    learning: (_input, { runtime, user }) => myLearning(runtime, user),
    transcript: ({ enrolmentId }, { runtime, user }) => transcript(runtime, user, enrolmentId),
    addCertificate: (input, { runtime, user }) => addCertificate(runtime, user, input),
    quoteSkillSubsidy: ({ certificateId }, { runtime, user }) => quoteSkill(runtime, user, certificateId),
    claimSkillSubsidy: recordsReplay(({ certificateId }, { runtime, user, replay }) => claimSkill(runtime, user, certificateId, replay)),
    quoteTuitionSubsidy: (input, { runtime, user }) => quoteTuition(runtime, user, input),
    claimTuitionSubsidy: recordsReplay((input, { runtime, user, replay }) => claimTuition(runtime, user, input, replay)),
    rules: ({ district }, { runtime, user }) => rulesFor(runtime, district ?? user.profile!.districtCode),
    verify: ({ number }, { runtime }) => verifyCertificate(runtime, number),
    saveOffer: (input, { runtime, user }) => saveOffer(runtime, user, input),
    setOfferStatus: ({ id, status }, { runtime, user }) => setOfferStatus(runtime, user, id, status),
    staffOffers: (input, { runtime, user }) => staffOffers(runtime, user, input),
    roster: ({ offerId }, { runtime, user }) => roster(runtime, user, offerId),
    recordAttendance: (input, { runtime, user }) => recordAttendance(runtime, user, input),
    recordCredits: (input, { runtime, user }) => recordCredits(runtime, user, input),
    markNoShow: ({ enrolmentId }, { runtime, user }) => markNoShow(runtime, user, enrolmentId),
    completeCourse: ({ offerId }, { runtime, user }) => completeCourse(runtime, user, offerId),
    issueCertificates: (input, { runtime, user }) => issueCertificates(runtime, user, input),
    figures: (_input, { runtime, user }) => academyFigures(runtime, user),
    setRules: ({ district, ...rules }, { runtime, user }) => setRules(runtime, user, district, rules),
  },
  // Hourly: seats left free while people wait go to the first in line.
  async (rt) => ({ promoted: await fillFreeSeats(rt) }),
)
