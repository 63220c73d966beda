import type { OfferDetail } from '~types/academy.schema'
import type { ApplicationView } from '~types/application.schema'
import { enrol } from '../../cloudfunctions/shared/academy/enrolment.submit'
import { ENROLMENTS, type EnrolmentDoc } from '../../cloudfunctions/shared/academy/enrolment.doc'
import { OFFERS, type OfferDoc } from '../../cloudfunctions/shared/academy/offer.doc'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { withdraw } from '../../cloudfunctions/shared/workflow/review.service'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Seats under a crowd, with the engine refusing conflicting writes as CloudBase does (single-document operations
 * in each transaction, conflicts retried): 200 workers enrol at once in a course of 30 seats → exactly 30 seated,
 * 170 on the waitlist numbered 1…170 in commit order, nobody twice; then 20 seated withdraw at once while 20 more
 * enrol → the first 20 in line are promoted, in order, and the seat count never passes 30.
 */
let clock = new Date('2026-12-01T02:00:00Z')
let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
})
afterAll(() => s.close())

const N = 200
const SEATS = 30

async function offerNow(id: string): Promise<OfferDoc> {
  const { data } = await s.runtime.db.collection(OFFERS).doc(id).get()
  return data[0] as OfferDoc
}

async function enrolmentsOf(offerId: string): Promise<EnrolmentDoc[]> {
  const { data } = await s.runtime.db.collection(ENROLMENTS).where({ offerId }).limit(1000).get()
  return data as EnrolmentDoc[]
}

test('200 enrol at once in 30 seats; 20 withdraw while 20 more enrol: seats never oversold, waitlist promoted in order', async () => {
  const staff = await s.login('demo-staff-nantong')
  const draft = await okData<OfferDetail>(s.call('academy', 'saveOffer', {
    type: 'skill', title: '网约配送员五级 集中班', provider: '崇川区职业技能培训中心', district: '320613', cityWide: false,
    description: '', occupation: '网约配送员', skillLevel: 5, leadsTo: '网约配送员五级证书', enrolUntil: '2026-12-20', seats: SEATS,
    sessions: [{ date: '2026-12-26', start: '19:00', end: '21:00', online: true }],
  }, { token: staff }))
  await okData(s.call('academy', 'setOfferStatus', { id: draft.id, status: 'published' }, { token: staff }))

  for (let i = 0; i < N + 20; i++) {
    const token = await s.login(`seat-${i}`)
    await okData(s.call('user', 'saveProfile', validProfile(600 + i, { mobile: `135${String(i).padStart(8, '0')}` }), { token }))
  }
  const users = await Promise.all(Array.from({ length: N + 20 }, (_, i) => findUserByOpenid(s.runtime.db, `seat-${i}`)))

  const started = Date.now()
  const results = await Promise.allSettled(users.slice(0, N).map((u) => enrol(s.runtime, u!, { offerId: draft.id, attachments: [] })))
  const ms = Date.now() - started
  expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  const views = results.map((r) => (r as PromiseFulfilledResult<ApplicationView>).value)
  const seated = views.filter((v) => v.payload.seated)
  const waitlisted = views.filter((v) => !v.payload.seated)
  expect(seated).toHaveLength(SEATS)
  expect(waitlisted.map((v) => v.payload.waitlistNo as number).sort((a, b) => a - b)).toEqual(Array.from({ length: N - SEATS }, (_, i) => i + 1))
  let offer = await offerNow(draft.id)
  expect(offer).toMatchObject({ taken: SEATS, waiting: N - SEATS, waitlistSeq: N - SEATS })
  expect(new Set((await enrolmentsOf(draft.id)).map((e) => e.userId)).size).toBe(N)
  console.log(`academy crowd: ${N} simultaneous enrolments into ${SEATS} seats in ${ms} ms`)

  // A double enrolment at once by the same worker: one stands, the other is refused.
  const twice = await Promise.allSettled([0, 1].map(() => enrol(s.runtime, users[N]!, { offerId: draft.id, attachments: [] })))
  expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  expect((twice.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' })

  // 20 seated withdraw while 19 more (the rest of the extra workers) enrol, all at once.
  const leaving = seated.slice(0, 20)
  const byId = new Map(users.map((u) => [u!._id, u!]))
  const appOwner = async (id: string) => {
    const { data } = await s.runtime.db.collection('applications').doc(id).get()
    return byId.get((data[0] as { applicantId: string }).applicantId)!
  }
  const owners = await Promise.all(leaving.map((v) => appOwner(v.id)))
  const mixed = await Promise.allSettled([
    ...leaving.map((v, i) => withdraw(s.runtime, owners[i], { id: v.id })),
    ...users.slice(N + 1).map((u) => enrol(s.runtime, u!, { offerId: draft.id, attachments: [] })),
  ])
  expect(mixed.filter((r) => r.status === 'rejected')).toEqual([])

  offer = await offerNow(draft.id)
  const all = await enrolmentsOf(draft.id)
  const holding = all.filter((e) => e.state === 'seated' || e.state === 'enrolled')
  const waiting = all.filter((e) => e.state === 'waitlisted')
  expect(holding).toHaveLength(SEATS)
  expect(offer.taken).toBe(SEATS)
  expect(offer.waiting).toBe(waiting.length)
  // The first 20 in line got the seats, in order: everyone still waiting has a later number than anyone promoted.
  const promotedNos = waitlisted.map((v) => v.payload.waitlistNo as number).filter((n) => n <= 20)
  const promotedApps = new Set(waitlisted.filter((v) => (v.payload.waitlistNo as number) <= 20).map((v) => v.id))
  expect(promotedNos).toHaveLength(20)
  expect(holding.filter((e) => promotedApps.has(e.applicationId))).toHaveLength(20)
  expect(Math.min(...waiting.map((e) => e.waitlistNo!))).toBe(21)
  expect(waiting).toHaveLength(N - SEATS - 20 + 1 + 19)
}, 240_000)
