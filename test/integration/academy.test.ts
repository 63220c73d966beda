import type { CataloguePage } from '~types/academy.contract'
import type { CertificateView, LearningView, OfferDetail, OfferInput, RosterView, SubsidyQuote, TranscriptView, VerifyView, AcademyFigures } from '~types/academy.schema'
import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { MessageView } from '~types/inbox.schema'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'
import { tinyPng } from '../support/files'

/**
 * 江海新才学院 over HTTP against the real server: staff publish, workers enrol into seats and a waitlist, a
 * withdrawal promotes the first in line, attendance completes a course, certificates are issued and verified, and
 * both subsidies are computed by rule, refused with their reasons, and approved never above the rule.
 * 2026-12-01 is a Tuesday.
 */
let clock = new Date('2026-12-01T02:00:00Z')
let s: TestServer
const t: Record<string, string> = {}
const WORKERS = ['demo-rider', 'demo-other', 'demo-staff-nantong', 'demo-staff-wuxi', 'demo-staff-wuxi-academy', 'ax-1', 'ax-2', 'ax-3']

async function at(iso: string) {
  clock = new Date(iso)
  for (const who of WORKERS) t[who] = await s.login(who)
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  await at(clock.toISOString())
  // Three more workers of 南通崇川 for the seats.
  for (const [i, who] of ['ax-1', 'ax-2', 'ax-3'].entries()) {
    await okData(s.call('user', 'saveProfile', validProfile(400 + i, { realName: `学员${'甲乙丙'[i]}`, mobile: `1361111000${i}` }), { token: t[who] }))
  }
}, 60_000)
afterAll(() => s.close())

const ok = <T>(who: string, action: string, data: unknown, requestId?: string) => okData<T>(s.call('academy', action, data, { token: t[who], requestId }))
const raw = (who: string, action: string, data: unknown) => s.call('academy', action, data, { token: t[who] })
const app = <T>(who: string, action: string, data: unknown) => okData<T>(s.call('application', action, data, { token: t[who] }))
const STAFF = 'demo-staff-nantong'

async function upload(who: string): Promise<string> {
  const res = await fetch(`${s.url}/api/files`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${t[who]}`, 'x-file-name': encodeURIComponent('证明.png') }, body: tinyPng() })
  return ((await res.json()) as { data: { fileId: string } }).data.fileId
}

const COURSE: OfferInput = {
  type: 'skill',
  title: '快递员四级（中级工）晚班',
  provider: '崇川区职业技能培训中心',
  district: '320613',
  cityWide: false,
  description: '三次课，晚上和周末，结业后参加四级认定。',
  occupation: '快递员',
  skillLevel: 4,
  leadsTo: '快递员四级证书',
  enrolUntil: '2026-12-10',
  seats: 2,
  sessions: [
    { date: '2026-12-12', start: '09:00', end: '12:00', online: false, place: '崇川区工农路 88 号 3 楼' },
    { date: '2026-12-15', start: '19:00', end: '21:00', online: true },
    { date: '2026-12-19', start: '09:00', end: '12:00', online: false, place: '崇川区工农路 88 号 3 楼' },
  ],
}

async function publish(input: OfferInput): Promise<OfferDetail> {
  const draft = await ok<OfferDetail>(STAFF, 'saveOffer', input)
  expect(draft.status).toBe('draft')
  return ok<OfferDetail>(STAFF, 'setOfferStatus', { id: draft.id, status: 'published' })
}

async function approveOf(applicationId: string, details: Record<string, unknown> = {}) {
  let seen = await app<ReviewView>(STAFF, 'detail', { id: applicationId })
  if (seen.status === 'submitted' || seen.status === 'resubmitted') seen = await app<ReviewView>(STAFF, 'startReview', { id: seen.id, version: seen.version })
  return s.call<ReviewView>('application', 'approve', { id: seen.id, version: seen.version, details }, { token: t[STAFF] })
}

test('a skill course: catalogue, seats then waitlist, approval needs a seat, a withdrawal promotes the first in line', async () => {
  const course = await publish(COURSE)
  expect(course).toMatchObject({ tags: expect.arrayContaining(['online', 'evening', 'weekend']), seatsLeft: 2, availability: 'open', where: '南通市 崇川区' })

  // Another district's academy staff: the offer is not theirs to edit or list.
  expect((await raw('demo-staff-wuxi', 'roster', { offerId: course.id })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect((await raw(STAFF, 'saveOffer', { ...COURSE, district: '320213' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { district: expect.any(String) } } })

  const page = await ok<CataloguePage>('demo-rider', 'catalogue', { tags: ['weekend'] })
  expect(page.city).toBe('320600')
  expect(page.rows.map((r) => r.id)).toContain(course.id)
  expect((await ok<CataloguePage>('demo-rider', 'catalogue', { type: 'diploma' })).rows.map((r) => r.id)).not.toContain(course.id)
  expect((await ok<CataloguePage>('demo-rider', 'catalogue', { occupation: '快递员', tags: ['evening', 'online'] })).rows.map((r) => r.id)).toContain(course.id)
  expect((await ok<CataloguePage>('demo-rider', 'catalogue', { occupation: '网约配送员' })).rows.map((r) => r.id)).not.toContain(course.id)
  // Another city's catalogue: none of 南通's.
  expect((await ok<CataloguePage>('demo-rider', 'catalogue', { city: '320200' })).rows.map((r) => r.title)).toEqual(['快递员五级 晚班', '网约配送员四级 周末班'])

  const enrolIn = (who: string, requestId?: string) => ok<ApplicationView>(who, 'enrol', { offerId: course.id, attachments: [] }, requestId)
  const a = await enrolIn('demo-rider', 'enrol-a')
  expect(a).toMatchObject({ kind: 'academyEnrolment', caseNo: expect.stringMatching(/^XY-20261201-\d{4}$/), payload: { seated: true, waitlistNo: null } })
  // A double tap (same requestId) answers the same application; a second enrolment is refused.
  expect((await enrolIn('demo-rider', 'enrol-a')).id).toBe(a.id)
  expect((await raw('demo-rider', 'enrol', { offerId: course.id, attachments: [] })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已经报名') } })
  const b = await enrolIn('ax-1')
  const c = await enrolIn('ax-2')
  expect(b.payload).toMatchObject({ seated: true })
  expect(c.payload).toMatchObject({ seated: false, waitlistNo: 1 })
  // Somebody from 无锡 cannot take a 崇川 district seat.
  expect((await raw('demo-other', 'enrol', { offerId: course.id, attachments: [] })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('南通市 崇川区') } })

  let learning = await ok<LearningView>('ax-2', 'learning', {})
  expect(learning.enrolments[0]).toMatchObject({ state: 'waitlisted', waitlistPlace: 1 })
  const full = (await ok<CataloguePage>('ax-3', 'catalogue', {})).rows.find((r) => r.id === course.id)!
  expect(full).toMatchObject({ availability: 'waitlist', seatsLeft: 0, waiting: 1 })

  // Approval needs a seat.
  expect((await approveOf(c.id)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('候补') } })
  expect((await approveOf(a.id)).body).toMatchObject({ ok: true, data: { status: 'approved' } })

  // ax-1 withdraws: ax-2 is promoted and told.
  await app<ApplicationView>('ax-1', 'withdraw', { id: b.id })
  learning = await ok<LearningView>('ax-2', 'learning', {})
  expect(learning.enrolments[0]).toMatchObject({ state: 'seated', waitlistPlace: null })
  const inbox = await okData<{ items: MessageView[] }>(s.call('user', 'listMessages', {}, { token: t['ax-2'] }))
  expect(inbox.items[0]).toMatchObject({ title: expect.stringContaining('候补成功'), target: { kind: 'application', id: c.id } })
  // …and the lock-screen notice went out with the withdrawal's commit (the local sandbox), not an hour later.
  const notices = await app<{ fields: { phrase2: string }; state: string }[]>('ax-2', 'notices', { id: c.id })
  expect(notices[0]).toMatchObject({ fields: { phrase2: '候补成功' }, state: 'sandbox' })
  expect((await approveOf(c.id)).body).toMatchObject({ ok: true })

  // ax-1 may enrol again later — and joins the back of the line (full again).
  const again = await enrolIn('ax-1')
  expect(again.payload).toMatchObject({ seated: false, waitlistNo: 2 })

  // Academy staff of another district (无锡梁溪) reach none of it: the course does not exist for them.
  const rowOf = async (name: string) => (await ok<RosterView>(STAFF, 'roster', { offerId: course.id })).rows.find((r) => r.name === name)!
  const wuxi = 'demo-staff-wuxi-academy'
  for (const [action, data] of [
    ['roster', { offerId: course.id }],
    ['setOfferStatus', { id: course.id, status: 'closed' }],
    ['saveOffer', { ...COURSE, id: course.id, district: '320213' }],
    ['recordAttendance', { offerId: course.id, sessionId: course.sessions[0].id, present: [(await rowOf('周小勇')).enrolmentId], absent: [] }],
    ['markNoShow', { enrolmentId: (await rowOf('学员乙')).enrolmentId }],
    ['completeCourse', { offerId: course.id }],
    ['issueCertificates', { offerId: course.id, enrolmentIds: [(await rowOf('周小勇')).enrolmentId], issuedOn: '2026-12-01' }],
    ['setRules', { district: '320613', ...(await ok<object>('demo-rider', 'rules', {})) }],
  ] as const) {
    expect({ action, body: (await raw(wuxi, action, data)).body }).toMatchObject({ action, body: { ok: false, error: { code: 'NOT_FOUND' } } })
  }
  expect((await s.call('application', 'detail', { id: a.id }, { token: t[wuxi] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  // ax-2 does not come: the seat goes to ax-1.
  const before = await ok<RosterView>(STAFF, 'roster', { offerId: course.id })
  const roster = await ok<RosterView>(STAFF, 'markNoShow', { enrolmentId: before.rows.find((r) => r.name === '学员乙')!.enrolmentId })
  expect(roster.rows.find((r) => r.name === '学员乙')).toMatchObject({ state: 'released', releaseReason: 'noShow' })
  expect(roster.rows.find((r) => r.name === '学员甲')).toMatchObject({ state: 'seated' })
  expect(roster.offer).toMatchObject({ seatsLeft: 0, waiting: 0 })
})

test('attendance completes a course; certificates are numbered, verified publicly, and open the skill-upgrade subsidy', async () => {
  const course = await publish({ ...COURSE, title: '快递员四级 周末班', seats: 5 })
  const a = await ok<ApplicationView>('demo-rider', 'enrol', { offerId: course.id, attachments: [] })
  expect((await approveOf(a.id)).body).toMatchObject({ ok: true })
  await at('2026-12-20T02:00:00Z')
  const roster = await ok<RosterView>(STAFF, 'roster', { offerId: course.id })
  const me = roster.rows[0]
  for (const session of course.sessions.slice(0, 2)) await ok(STAFF, 'recordAttendance', { offerId: course.id, sessionId: session.id, present: [me.enrolmentId], absent: [] })
  await ok(STAFF, 'recordAttendance', { offerId: course.id, sessionId: course.sessions[2].id, present: [], absent: [me.enrolmentId] })
  // 2 of 3 sessions is under 80%: not yet.
  expect(await ok(STAFF, 'completeCourse', { offerId: course.id })).toMatchObject({ completed: [], sessionsNeeded: 3 })
  await ok(STAFF, 'recordAttendance', { offerId: course.id, sessionId: course.sessions[2].id, present: [me.enrolmentId], absent: [] })
  expect(await ok(STAFF, 'completeCourse', { offerId: course.id })).toMatchObject({ completed: [me.enrolmentId] })

  const issued = await ok<{ issued: { enrolmentId: string; number: string }[] }>(STAFF, 'issueCertificates', { offerId: course.id, enrolmentIds: [me.enrolmentId], issuedOn: '2026-12-20' })
  expect(issued.issued).toEqual([{ enrolmentId: me.enrolmentId, number: expect.stringMatching(/^S03263232061326400000\d$/) }])
  const number = issued.issued[0].number
  // Issuing again changes nothing.
  expect(await ok(STAFF, 'issueCertificates', { offerId: course.id, enrolmentIds: [me.enrolmentId], issuedOn: '2026-12-20' })).toMatchObject({ issued: [], skipped: [{ reason: expect.stringContaining('已发证') }] })

  // Anyone can verify it, without signing in: the name masked.
  const verified = (await s.call<VerifyView>('academy', 'verify', { number: number.toLowerCase() })).body
  expect(verified).toMatchObject({ ok: true, data: { found: true, holderMasked: '周**', occupation: '快递员', level: 4, issuer: '崇川区职业技能培训中心', source: 'academy' } })

  const learning = await ok<LearningView>('demo-rider', 'learning', {})
  const cert = learning.certificates.find((x) => x.number === number)!
  expect(cert).toMatchObject({ subsidyUntil: '2027-12-19', daysLeft: 364, claim: null })
  const quote = await ok<SubsidyQuote>('demo-rider', 'quoteSkillSubsidy', { certificateId: number })
  expect(quote).toMatchObject({ eligible: true, amountFen: 150_000 })
  const claim = await ok<ApplicationView>('demo-rider', 'claimSkillSubsidy', { certificateId: number })
  expect(claim).toMatchObject({ kind: 'skillSubsidy', caseNo: expect.stringMatching(/^JN-/), payload: { computedFen: 150_000 } })
  expect((await raw('demo-rider', 'claimSkillSubsidy', { certificateId: number })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { certificateId: expect.stringContaining('只能申请一次') } } })

  // Never above the rule; lower only with a reason.
  expect((await approveOf(claim.id, { amountFen: 150_001 })).body).toMatchObject({ ok: false, error: { fields: { 'details.amountFen': expect.stringContaining('1,500') } } })
  let seen = await app<ReviewView>(STAFF, 'detail', { id: claim.id })
  expect((await s.call('application', 'approve', { id: seen.id, version: seen.version, details: { amountFen: 100_000 } }, { token: t[STAFF] })).body).toMatchObject({ ok: false, error: { fields: { 'details.lowerReason': expect.any(String) } } })
  seen = await app<ReviewView>(STAFF, 'detail', { id: claim.id })
  expect((await s.call('application', 'approve', { id: seen.id, version: seen.version, details: { amountFen: 150_000 } }, { token: t[STAFF] })).body).toMatchObject({ ok: true })

  const figures = await ok<AcademyFigures>(STAFF, 'figures', {})
  expect(figures).toMatchObject({ subsidiesApprovedThisMonth: 1, subsidiesApprovedThisMonthFen: 150_000 })
  // Another district's staff see none of it.
  expect((await s.call('application', 'detail', { id: claim.id }, { token: t['demo-staff-wuxi'] })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})

test('certificates from elsewhere: number checked against level and year, once system-wide; every refusal reason of the subsidy', async () => {
  await at('2026-12-21T02:00:00Z')
  const photo = await upload('ax-3')
  const base = { number: 'Y000032000001253000001', level: 3, occupation: '网约配送员', issuedOn: '2025-10-01', photo }
  expect((await raw('ax-3', 'addCertificate', { ...base, level: 4 })).body).toMatchObject({ ok: false, error: { fields: { level: expect.stringContaining('等级') } } })
  expect((await raw('ax-3', 'addCertificate', { ...base, issuedOn: '2024-10-01' })).body).toMatchObject({ ok: false, error: { fields: { issuedOn: expect.stringContaining('年份') } } })
  const old = await ok<CertificateView>('ax-3', 'addCertificate', base)
  expect(old).toMatchObject({ subsidyUntil: '2026-09-30', source: 'external' })
  expect(old.daysLeft).toBeLessThan(0)
  // The same number by someone else is refused without saying whose it is.
  const other = await upload('ax-1')
  expect((await raw('ax-1', 'addCertificate', { ...base, photo: other })).body).toMatchObject({ ok: false, error: { fields: { number: expect.stringContaining('已经有人登记') } } })

  const window = await ok<SubsidyQuote>('ax-3', 'quoteSkillSubsidy', { certificateId: old.id })
  expect(window).toMatchObject({ eligible: false, refusals: [{ code: 'window' }] })

  // 三级 of the same occupation within its window: claimable — then a lower level is not.
  const high = await ok<CertificateView>('ax-3', 'addCertificate', { ...base, number: 'Y000032000001263000002', issuedOn: '2026-06-01' })
  expect(await ok<SubsidyQuote>('ax-3', 'quoteSkillSubsidy', { certificateId: high.id })).toMatchObject({ eligible: true, amountFen: 200_000 })
  const claim = await ok<ApplicationView>('ax-3', 'claimSkillSubsidy', { certificateId: high.id })
  // The certificate's photo goes with the claim for the reviewer.
  expect(claim.attachments.map((f) => f.fileId)).toEqual([photo])
  const low = await ok<CertificateView>('ax-3', 'addCertificate', { ...base, number: 'Y000032000001264000003', level: 4, issuedOn: '2026-07-01' })
  expect((await ok<SubsidyQuote>('ax-3', 'quoteSkillSubsidy', { certificateId: low.id })).refusals.map((r) => r.code)).toEqual(['lower'])
  // 二级 has no cap by default.
  const tech = await ok<CertificateView>('ax-3', 'addCertificate', { ...base, number: 'Y000032000001262000004', occupation: '快递员', level: 2, issuedOn: '2026-08-01' })
  expect((await ok<SubsidyQuote>('ax-3', 'quoteSkillSubsidy', { certificateId: tech.id })).refusals.map((r) => r.code)).toEqual(['level'])

  // A withdrawn claim no longer counts: the same certificate can be claimed again.
  await app('ax-3', 'withdraw', { id: claim.id })
  expect(await ok<SubsidyQuote>('ax-3', 'quoteSkillSubsidy', { certificateId: high.id })).toMatchObject({ eligible: true })

  // Three a year: two more occupations, then the fourth is refused.
  for (const [i, occupation] of ['互联网营销师', '快递员'].entries()) {
    const cert = await ok<CertificateView>('ax-3', 'addCertificate', { ...base, number: `Y00003200000126500001${i}`, occupation, level: 5, issuedOn: '2026-09-01' })
    await ok('ax-3', 'claimSkillSubsidy', { certificateId: cert.id })
  }
  await ok('ax-3', 'claimSkillSubsidy', { certificateId: high.id })
  const fourth = await ok<CertificateView>('ax-3', 'addCertificate', { ...base, number: 'Y000032000001265000020', occupation: '电工', level: 5, issuedOn: '2026-09-01' })
  expect((await ok<SubsidyQuote>('ax-3', 'quoteSkillSubsidy', { certificateId: fourth.id })).refusals.map((r) => r.code)).toEqual(['yearLimit'])
  // Another worker cannot quote or claim on it.
  expect((await raw('ax-1', 'quoteSkillSubsidy', { certificateId: fourth.id })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})

test('a diploma programme: entry level, credits by year, transcript, and the tuition subsidy by rule once per year', async () => {
  await at('2026-12-22T02:00:00Z')
  const programme = await publish({
    type: 'diploma',
    title: '物流管理（专科）',
    provider: '江苏开放大学南通分校',
    district: '320613',
    cityWide: true,
    description: '线上为主，两年半，修满 80 学分毕业。',
    leadsTo: '物流管理专科毕业证书',
    enrolUntil: '2027-02-28',
    sessions: [],
    diploma: { level: 'associate', major: '物流管理', university: '江苏开放大学', lengthMonths: 30, creditsRequired: 800, tuitionFenPerYear: 680_000 },
  })
  expect(programme).toMatchObject({ where: '南通市（全市）', diploma: { years: 3, creditsPerYear: 267 }, tags: ['online'] })
  const proof = await upload('demo-rider')
  expect((await raw('demo-rider', 'enrol', { offerId: programme.id, attachments: [proof] })).body).toMatchObject({ ok: false, error: { fields: { education: '请选择最高学历' } } })
  expect((await raw('demo-rider', 'enrol', { offerId: programme.id, education: 'juniorHigh', attachments: [proof] })).body).toMatchObject({ ok: false, error: { fields: { education: expect.stringContaining('高中') } } })
  expect((await raw('demo-rider', 'enrol', { offerId: programme.id, education: 'seniorHigh', attachments: [] })).body).toMatchObject({ ok: false, error: { fields: { attachments: expect.any(String) } } })
  const filed = await ok<ApplicationView>('demo-rider', 'enrol', { offerId: programme.id, education: 'seniorHigh', attachments: [proof] })
  expect((await approveOf(filed.id)).body).toMatchObject({ ok: true })

  const roster = await ok<RosterView>(STAFF, 'roster', { offerId: programme.id })
  const enrolmentId = roster.rows[0].enrolmentId
  const receipt = await upload('demo-rider')
  const quote = (yearNo: number) => ok<SubsidyQuote>('demo-rider', 'quoteTuitionSubsidy', { enrolmentId, yearNo, paidFen: 700_000, tier: 'none' })
  expect((await quote(1)).refusals.map((r) => r.code)).toEqual(['credits'])

  await ok(STAFF, 'recordCredits', { offerId: programme.id, module: '物流管理概论', yearNo: 1, rows: [{ enrolmentId, credits: 150 }] })
  await ok(STAFF, 'recordCredits', { offerId: programme.id, module: '仓储与配送实务', yearNo: 1, rows: [{ enrolmentId, credits: 100 }] })
  // Recording a module again corrects it instead of adding it twice.
  await ok(STAFF, 'recordCredits', { offerId: programme.id, module: '仓储与配送实务', yearNo: 1, rows: [{ enrolmentId, credits: 120 }] })
  const transcript = await ok<TranscriptView>('demo-rider', 'transcript', { enrolmentId })
  expect(transcript.byYear[0]).toEqual({ yearNo: 1, credits: 270, required: 267, complete: true })
  expect(transcript.entries).toHaveLength(2)
  expect(transcript.enrolment).toMatchObject({ creditsEarned: 270, creditsRequired: 800 })

  const q1 = await quote(1)
  // 700,000 paid is above the 680,000 fee: the fee counts; 60% without honours.
  expect(q1).toMatchObject({ eligible: true, amountFen: 408_000 })
  expect(q1.reasoning.join('|')).toContain('× 60%')
  const city = await ok<SubsidyQuote>('demo-rider', 'quoteTuitionSubsidy', { enrolmentId, yearNo: 1, paidFen: 680_000, tier: 'city' })
  expect(city.amountFen).toBe(612_000)
  expect((await raw('demo-rider', 'claimTuitionSubsidy', { enrolmentId, yearNo: 1, paidFen: 680_000, tier: 'city', attachments: [receipt] })).body).toMatchObject({ ok: false, error: { fields: { attachments: expect.stringContaining('荣誉') } } })
  const claim = await ok<ApplicationView>('demo-rider', 'claimTuitionSubsidy', { enrolmentId, yearNo: 1, paidFen: 700_000, tier: 'none', attachments: [receipt] })
  expect(claim).toMatchObject({ kind: 'tuitionSubsidy', caseNo: expect.stringMatching(/^XF-/), payload: { computedFen: 408_000, ratePct: 60 } })
  expect((await quote(1)).refusals.map((r) => r.code)).toEqual(['again'])
  expect((await quote(2)).refusals.map((r) => r.code)).toEqual(['credits'])
  expect((await quote(4)).refusals.map((r) => r.code)).toEqual(['year'])

  // A district that pays more: its staff set the rate (audited), the next quote follows.
  const rules = await ok<{ tuitionRatePct: Record<string, number> }>('demo-rider', 'rules', {})
  await ok(STAFF, 'setRules', { district: '320613', ...rules, tuitionRatePct: { ...rules.tuitionRatePct, none: 80 } })
  expect((await ok<{ tuitionRatePct: { none: number } }>('demo-rider', 'rules', {})).tuitionRatePct.none).toBe(80)
  expect((await raw('demo-staff-wuxi', 'setRules', { district: '320613', ...rules })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // Another worker cannot read the transcript.
  expect((await raw('ax-1', 'transcript', { enrolmentId })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})
