/**
 * Database round trips per action (issue #7). On CloudBase every database call is a network round trip, so what an
 * action costs in production is mostly how many calls it makes — identity lookup included. For every action of the
 * catalog this makes one valid call, as the app makes it (writes carry a requestId except where the app sends none),
 * as a suitable caller, on a realistic record set at two sizes, and counts the calls at the SDK's request seam.
 * Goals: a worker's read ≤ 3, a submission ≤ 6, the staff queue page ≤ 4 — whatever the collection size.
 *
 * BENCH_RT_SIZES=2000,20000 (users; applications follow in about the same number).
 */
import { randomBytes } from 'node:crypto'
import * as z from 'zod/mini'
import { PRIVACY_GUIDE } from '~types/privacy'
import type { Envelope } from '~types/errors'
import { FUNCTIONS } from '../cloudfunctions/shared/functions'
import { DEFAULT_SCHEMES } from '../config/insurance'
import type { FileStore } from '../cloudfunctions/shared/storage/file-store'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { demoIdNumber } from '../server/demo-id'
import { issueToken } from '../server/session'
import { tinyPng } from '../test/support/files'
import { WAGES_REQUEST } from '../test/support/requests'
import { inZone } from '~types/time'
import { publishTask } from '../cloudfunctions/shared/volunteer/task.service'
import { startTestServer, type TestServer } from '../test/support/server'
import { describeCalls, installRoundTripCounter, resetRoundTrips, takeRoundTrips } from './lib/round-trip-counter'
import { ADMIN, approveInput, bringTo, buildTemplates, growTo, requestId, STAFF, submissionAction, WORKER, type RecordSet } from './lib/record-set'

type Role = 'worker' | 'staff' | 'admin'
type AppRef = { id: string; version: number }

interface World extends RecordSet {
  s: TestServer
  /** A new openid each time, signed in by token only: no user record yet (a first sign-in). */
  newcomer(): { openid: string; token: string }
  /** A fresh legal-aid request of the demo worker, brought to `state` by the demo staff. */
  fresh(state?: string): Promise<AppRef>
}

interface Scenario {
  /** `fn.action`; `submit` is whichever action files a legal-aid request. */
  key: string
  variant?: string
  role: Role
  /** The caller: an openid with a user record, or a token for one without. */
  as?: (w: World) => Promise<{ openid: string; token?: string }> | { openid: string; token?: string }
  /** Builds the input; anything it calls is set-up, not counted. */
  input: (w: World) => unknown
}

const CALLER: Record<Role, string> = { worker: WORKER, staff: STAFF, admin: ADMIN }
/** Writes the app sends without a requestId (src/store/session.ts, src/api/upload.ts). */
const NO_REQUEST_ID = new Set(['user.login', 'application.registerFile'])

const profile = (seq: number, patch: object = {}) => ({
  realName: '周小勇', mobile: '13900001000', occupation: '外卖配送员', platform: '美团外卖', districtCode: '320613',
  consents: { privacyVersion: PRIVACY_GUIDE.version, sensitive: true }, ...(seq ? { idNumber: demoIdNumber('320613', '1997-02-03', seq) } : {}), ...patch,
})

let newcomers = 0

/** Makes an application look as one filed before applications kept their own trail (their views read `audit`). */
async function dropTrail(w: World, id: string): Promise<void> {
  await w.s.runtime.db.collection('applications').doc(id).update({ timeline: w.s.runtime.db.command.remove() })
}

/** A new worker with `n` requests (the first with a photo), all filed before the trail existed (first-release data). */
async function legacyWorker(w: World, n: number): Promise<{ openid: string; token: string }> {
  const who = w.newcomer()
  await w.api.s.call('user', 'login', {}, { token: who.token })
  await w.api.s.call('user', 'saveProfile', profile(700 + ++newcomers, { realName: '钱老户' }), { token: who.token, requestId: requestId() })
  for (let i = 0; i < n; i++) {
    const attachments = i ? [] : [await w.api.upload(who.openid)]
    const { body } = (await w.api.s.call<AppRef>('legalAid', 'submit', { ...WAGES_REQUEST, attachments }, { token: who.token, requestId: requestId() })) as { body: Envelope<AppRef> }
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    await dropTrail(w, body.data.id)
  }
  return who
}

/** A fresh request of the demo worker brought to `state`, then made to look filed before the trail existed. */
async function legacyFresh(w: World, state: string): Promise<AppRef> {
  const app = await w.fresh(state)
  await dropTrail(w, app.id)
  return app
}

/** 一键报案 as a rider makes it at the roadside: the minimum. */
const REPORT = { schemeKey: 'jiangsu-pilot', occurredAt: new Date(Date.now() - 3600_000).toISOString(), place: { text: '崇川区工农路与青年路路口' }, what: '送餐时被电动车撞倒', bodyPart: 'leg' }
async function changshuOrder(w: World): Promise<string> {
  const user = (await findUserByOpenid(w.s.runtime.db, 'demo-changshu'))!
  const { data } = await w.s.runtime.db.collection('insurance_orders').where({ userId: user._id }).limit(1).get()
  return (data[0] as { _id: string })._id
}

/** The academy's records, as the demo seed made them (server/seed-academy.ts). */
async function offerId(w: World, title: string): Promise<string> {
  const { data } = await w.s.runtime.db.collection('academy_offers').where({ title }).limit(1).get()
  return (data[0] as { _id: string })._id
}
async function riderDiplomaEnrolment(w: World): Promise<string> {
  const rider = (await findUserByOpenid(w.s.runtime.db, WORKER))!
  return `${await offerId(w, '物流管理（专科）')}_${rider._id}`
}
/** A new worker of 南通崇川 with a complete profile. */
let lastFresh: { openid: string; token: string } | undefined
async function freshWorker(w: World, name = '郑新学'): Promise<{ openid: string; token: string }> {
  const who = (lastFresh = w.newcomer())
  await w.api.s.call('user', 'login', {}, { token: who.token })
  await w.api.s.call('user', 'saveProfile', profile(800 + ++newcomers, { realName: name }), { token: who.token, requestId: requestId() })
  return who
}
let certSerial = 0
const certNumber = () => `Y0000320000012650${String(++certSerial + Math.floor(Math.random() * 9000)).padStart(5, '0')}`
/** A fresh course of 崇川 published by the demo staff, with one approved trainee (the demo worker): for class steps. */
async function freshClass(w: World): Promise<{ offerId: string; enrolmentId: string; sessionId: string }> {
  const day = new Date(Date.now() + 20 * 864e5).toISOString().slice(0, 10)
  const offer = await w.api.ok<{ id: string; sessions: { id: string }[] }>(STAFF, 'academy', 'saveOffer', {
    type: 'skill', title: `快递员五级 ${++certSerial}`, provider: '崇川区职业技能培训中心', district: '320613', cityWide: false, description: '',
    occupation: '快递员', skillLevel: 5, leadsTo: '快递员五级证书', enrolUntil: day, seats: 30, sessions: [{ date: day, start: '19:00', end: '21:00', online: true }],
  }, requestId())
  await w.api.ok(STAFF, 'academy', 'setOfferStatus', { id: offer.id, status: 'published' }, requestId())
  const app = await w.api.ok<{ id: string; payload: { enrolmentId: string } }>(WORKER, 'academy', 'enrol', { offerId: offer.id, attachments: [] }, requestId())
  const seen = await w.api.ok<AppRef>(STAFF, 'application', 'startReview', { id: app.id, version: 1 }, requestId())
  await w.api.ok(STAFF, 'application', 'approve', { id: app.id, version: seen.version, details: {} }, requestId())
  return { offerId: offer.id, enrolmentId: app.payload.enrolmentId, sessionId: offer.sessions[0].id }
}

/** 志愿服务认领: a place in 崇川 (GCJ-02), tasks ahead published by the demo staff, one under way today for check-in. */
const TASK_PLACE = { text: '崇川区实验小学东门', longitude: 120.8891, latitude: 31.9876 }
let taskSerial = 0
async function taskAhead(w: World): Promise<string> {
  const n = ++taskSerial
  const date = new Date(Date.now() + (30 + n) * 864e5).toISOString().slice(0, 10)
  const t = await w.api.ok<{ id: string }>(STAFF, 'volunteer', 'publishTask', { title: `护学岗 ${n}`, description: '', place: TASK_PLACE, district: '320613', cityWide: false, date, start: '07:00', end: '08:00', slots: 20, minutes: 60 }, requestId())
  return t.id
}
/** Under way now on today's date (published a day earlier through the service: a task cannot be published once started). */
async function taskNow(w: World): Promise<string> {
  const staff = (await findUserByOpenid(w.s.runtime.db, STAFF))!
  const now = inZone(new Date())
  const start = now.subtract(10, 'minute').isBefore(now.startOf('day')) ? now.startOf('day') : now.subtract(10, 'minute').startOf('minute')
  const latest = now.endOf('day').subtract(4, 'minute').startOf('minute')
  const end = start.add(2, 'hour').isAfter(latest) ? latest : start.add(2, 'hour')
  const t = await publishTask({ ...w.s.runtime, now: () => start.subtract(1, 'day').toDate() }, staff, {
    title: `濠河补给站 ${++taskSerial}`, description: '', place: TASK_PLACE, district: '320613', cityWide: false,
    date: start.format('YYYY-MM-DD'), start: start.format('HH:mm'), end: end.format('HH:mm'), slots: 20, minutes: 60,
  })
  return t.id
}
/** A fresh worker signed up for a task under way (and checked in): the sign-up's id. */
async function signedUpNow(w: World, checkIn: boolean): Promise<{ taskId: string; signupId: string }> {
  const who = await freshWorker(w, '郑志愿')
  const taskId = await taskNow(w)
  await w.api.ok(who.openid, 'volunteer', 'signUp', { taskId }, requestId())
  if (checkIn) await w.api.ok(who.openid, 'volunteer', 'checkIn', { taskId, longitude: TASK_PLACE.longitude, latitude: TASK_PLACE.latitude }, requestId())
  const user = (await findUserByOpenid(w.s.runtime.db, who.openid))!
  return { taskId, signupId: `${taskId}_${user._id}` }
}
async function seededTeam(w: World): Promise<string> {
  const { data } = await w.s.runtime.db.collection('volunteer_teams').where({ district: '320613' }).limit(1).get()
  return (data[0] as { _id: string })._id
}

/** 积分商城: a 1-point reward of 崇川 the demo worker can always afford (listed once per server by the demo staff). */
const cheapRewards = new WeakMap<TestServer, Promise<string>>()
function cheapReward(w: World): Promise<string> {
  if (!cheapRewards.has(w.s)) {
    const input = { district: '320613', name: '矿泉水一瓶（测量）', cost: 1, stock: 10_000, pickupPlace: '崇川区和平桥暖心驿站（工农路 18 号）', limitPerPerson: 99, validUntil: '2099-12-31' }
    cheapRewards.set(w.s, w.api.ok<{ id: string }>(STAFF, 'volunteer', 'saveReward', input, requestId()).then((r) => r.id))
  }
  return cheapRewards.get(w.s)!
}

/** A fresh redemption of the demo worker (its id and pickup code). */
async function freshRedemption(w: World): Promise<{ id: string; code: string }> {
  return w.api.ok<{ id: string; code: string }>(WORKER, 'volunteer', 'redeem', { rewardId: await cheapReward(w) }, requestId())
}

/** The demo's 免费换电一次 in 崇川 (server/seed-volunteer-mall.ts). */
async function seededReward(w: World): Promise<string> {
  const { data } = await w.s.runtime.db.collection('volunteer_rewards').where({ district: '320613', name: '免费换电一次' }).limit(1).get()
  return (data[0] as { _id: string })._id
}

/** The demo worker's newest 志愿服务记录证明 number. */
async function riderRecord(w: World): Promise<string> {
  const rider = (await findUserByOpenid(w.s.runtime.db, WORKER))!
  const { data } = await w.s.runtime.db.collection('volunteer_records').where({ userId: rider._id }).orderBy('issuedAt', 'desc').limit(1).get()
  return (data[0] as { _id: string })._id
}

/** A 随手拍 of the demo worker at one spot in 崇川. */
const REPORT_SPOT = { category: 'cityscape', place: { text: '工农路口', longitude: 120.8961, latitude: 31.9815 } }

/** A fresh 随手拍 of the demo worker, accepted by the demo staff. */
async function reportInReview(w: World): Promise<AppRef> {
  const filed = await w.api.ok<AppRef>(WORKER, 'volunteer', 'report', { ...REPORT_SPOT, photos: [await w.api.upload(WORKER)] }, requestId())
  return w.api.ok<AppRef>(STAFF, 'application', 'startReview', { id: filed.id, version: filed.version }, requestId())
}

const SCENARIOS: Scenario[] = [
  { key: 'user.login', variant: 'returning', role: 'worker', input: () => ({}) },
  { key: 'user.login', variant: 'first sign-in', role: 'worker', as: (w) => w.newcomer(), input: () => ({}) },
  { key: 'user.getProfile', role: 'worker', input: () => ({}) },
  {
    key: 'user.saveProfile', variant: 'first, with ID number', role: 'worker',
    as: async (w) => {
      const n = w.newcomer()
      await w.api.s.call('user', 'login', {}, { token: n.token })
      return n
    },
    input: () => profile(500 + ++newcomers, { realName: '孙新来' }),
  },
  { key: 'user.saveProfile', variant: 'correction, number kept', role: 'worker', input: () => profile(0, { mobile: '13900001001' }) },
  // Agreeing again to the guide in force (the app asks only after it changed; the call is valid either way).
  { key: 'user.acceptPrivacy', role: 'worker', input: () => ({ privacyVersion: PRIVACY_GUIDE.version, sensitive: true }) },
  { key: 'user.listMessages', role: 'worker', input: () => ({}) },
  {
    key: 'user.markMessageRead', role: 'worker',
    input: async (w) => ({ id: (await w.api.ok<{ items: { id: string; read: boolean }[] }>(WORKER, 'user', 'listMessages', {})).items.find((m) => !m.read)!.id }),
  },
  { key: 'user.findUsers', role: 'admin', input: () => ({ query: '周小勇' }) },
  { key: 'user.listStaff', role: 'admin', input: () => ({}) },
  {
    key: 'user.grantStaff', role: 'admin',
    input: async (w) => ({ userId: (await w.api.ok<{ id: string }[]>(ADMIN, 'user', 'findUsers', { query: '李娟' }))[0].id, districtCode: '320102', services: ['legalAid'] }),
  },
  {
    key: 'user.revokeStaff', role: 'admin',
    input: async (w) => {
      const userId = (await w.api.ok<{ id: string }[]>(ADMIN, 'user', 'findUsers', { query: '李娟' }))[0].id
      await w.api.ok(ADMIN, 'user', 'grantStaff', { userId, districtCode: '320104', services: ['legalAid'] }, requestId())
      return { userId, districtCode: '320104' }
    },
  },
  { key: 'submit', variant: 'no files', role: 'worker', input: () => WAGES_REQUEST },
  { key: 'submit', variant: 'two photos', role: 'worker', input: async (w) => ({ ...WAGES_REQUEST, attachments: [await w.api.upload(WORKER), await w.api.upload(WORKER)] }) },
  {
    key: 'application.registerFile', role: 'worker',
    input: async (w) => ({ fileID: `cloud://bench-env.bucket/uploads/${(await findUserByOpenid(w.s.runtime.db, WORKER))!._id}/${randomBytes(12).toString('hex')}.png`, name: '工资条.png' }),
  },
  { key: 'application.fileLink', variant: 'own file', role: 'worker', input: (w) => ({ fileId: w.mine.photo }) },
  { key: 'application.fileLink', variant: 'as reviewer', role: 'staff', input: (w) => ({ fileId: w.mine.photo }) },
  { key: 'application.listMine', variant: '3 applications', role: 'worker', input: () => ({}) },
  // A template worker (record-set.ts) with one request, no files: the same calls but the files'.
  { key: 'application.listMine', variant: '1 application', role: 'worker', as: () => ({ openid: 'bench-w1' }), input: () => ({}) },
  // Applications of the first release keep no trail of their own: one audit query for all of them.
  { key: 'application.listMine', variant: '3 filed before the trail, 1 photo', role: 'worker', as: (w) => legacyWorker(w, 3), input: () => ({}) },
  { key: 'application.notices', variant: 'waiting for materials', role: 'worker', input: (w) => ({ id: w.mine.needsMore.id }) },
  { key: 'application.todo', variant: 'one request for materials', role: 'worker', input: () => ({}) },
  { key: 'application.getMine', variant: '2 photos, 3 steps', role: 'worker', input: (w) => ({ id: w.mine.needsMore.id }) },
  { key: 'application.getMine', variant: 'filed before the trail, 3 steps', role: 'worker', input: async (w) => ({ id: (await legacyFresh(w, 'needsMore')).id }) },
  {
    key: 'application.supplement', role: 'worker',
    input: async (w) => ({ id: (await w.fresh('needsMore')).id, note: '已补充 8 月工资条', attachments: [await w.api.upload(WORKER)] }),
  },
  { key: 'application.withdraw', role: 'worker', input: async (w) => ({ id: (await w.fresh()).id, reason: '已和站点协商解决' }) },
  { key: 'application.queue', variant: 'first page', role: 'staff', input: () => ({}) },
  { key: 'application.figures', role: 'staff', input: () => ({}) },
  { key: 'application.weekly', role: 'staff', input: () => ({}) },
  { key: 'application.detail', variant: '2 photos, 3 steps', role: 'staff', input: (w) => ({ id: w.mine.needsMore.id }) },
  { key: 'application.detail', variant: 'filed before the trail, 3 steps', role: 'staff', input: async (w) => ({ id: (await legacyFresh(w, 'needsMore')).id }) },
  // A year far ahead, so the bench's own deadlines are not moved by it.
  { key: 'application.setCalendarYear', role: 'admin', input: () => ({ year: 2099, holidays: ['2099-01-01'], workdays: [] }) },
  { key: 'application.startReview', role: 'staff', input: async (w) => w.fresh() },
  { key: 'application.requestMore', role: 'staff', input: async (w) => ({ ...(await w.fresh('inReview')), missing: '请补充工资条或银行转账记录' }) },
  { key: 'application.approve', role: 'staff', input: async (w) => approveInput(await w.fresh('inReview')) },
  { key: 'application.reject', role: 'staff', input: async (w) => ({ ...(await w.fresh('inReview')), reason: '不属于法律援助的事项范围' }) },
  { key: 'application.close', role: 'staff', input: async (w) => ({ ...(await w.fresh('approved')), note: '已由法律援助中心承办' }) },
  { key: 'application.extend', role: 'staff', input: async (w) => ({ ...(await w.fresh()), reason: '案情复杂，需要向平台核实' }) },
  { key: 'application.revealIdNumber', role: 'staff', input: (w) => ({ id: w.mine.needsMore.id }) },

  { key: 'insurance.coverage', role: 'worker', input: () => ({}) },
  {
    key: 'insurance.enrol', role: 'worker',
    as: async (w) => {
      const who = (lastFresh = w.newcomer())
      await w.api.s.call('user', 'login', {}, { token: who.token })
      await w.api.s.call('user', 'saveProfile', profile(850 + ++newcomers, { realName: '陆常熟', occupation: '网约车司机', platform: '曹操出行', districtCode: '320581' }), { token: who.token, requestId: requestId() })
      return who
    },
    input: () => ({ schemeKey: 'changshu-commercial', declaration: { noWorkInjuryInsurance: true, registeredHere: true }, beneficiary: { name: '陆小梅', relation: 'spouse', mobile: '13700009009' } }),
  },
  { key: 'insurance.policies', role: 'worker', as: () => ({ openid: 'demo-changshu' }), input: () => ({}) },
  { key: 'insurance.pay', variant: 'paid already', role: 'worker', as: () => ({ openid: 'demo-changshu' }), input: async (w) => ({ applicationId: await changshuOrder(w) }) },
  { key: 'insurance.sandboxPaid', variant: 'a repeat', role: 'worker', as: () => ({ openid: 'demo-changshu' }), input: async (w) => ({ orderId: await changshuOrder(w) }) },
  // 周小勇 rides for 美团 in 南通: the pilot covers him.
  { key: 'insurance.report', variant: 'pilot, one tap', role: 'worker', input: () => REPORT },
  { key: 'insurance.addEvidence', role: 'worker', input: async (w) => ({ applicationId: (await w.api.ok<{ id: string }>(WORKER, 'insurance', 'report', REPORT, requestId())).id, item: 'scene', attachments: [await w.api.upload(WORKER)] }) },
  { key: 'insurance.decideAdvance', role: 'staff', input: async (w) => ({ applicationId: (await w.api.ok<{ id: string }>(WORKER, 'insurance', 'report', { ...REPORT, advanceFen: 300_000 }, requestId())).id, approve: true }) },
  {
    key: 'insurance.recordPayout', role: 'staff',
    input: async (w) => {
      const claim = await w.api.ok<{ id: string }>(WORKER, 'insurance', 'report', REPORT, requestId())
      const seen = await w.api.ok<AppRef>(STAFF, 'application', 'startReview', { id: claim.id, version: 1 }, requestId())
      await w.api.ok(STAFF, 'application', 'approve', { id: claim.id, version: seen.version, details: { benefit: 'medical', amountFen: 120_000 } }, requestId())
      return { applicationId: claim.id, amountFen: 120_000, paidOn: new Date().toISOString().slice(0, 10), reference: 'BENCH-0001' }
    },
  },
  { key: 'insurance.figures', role: 'staff', input: () => ({}) },
  { key: 'insurance.schemes', role: 'admin', input: () => ({ all: true }) },
  { key: 'insurance.saveScheme', role: 'admin', input: () => ({ ...DEFAULT_SCHEMES[0], effectiveFrom: '2099-01-01' }) },

  { key: 'volunteer.tasks', role: 'worker', input: () => ({}) },
  { key: 'volunteer.task', role: 'worker', input: async (w) => ({ id: await taskAhead(w) }) },
  { key: 'volunteer.signUp', role: 'worker', as: (w) => freshWorker(w, '郑报名'), input: async (w) => ({ taskId: await taskAhead(w) }) },
  { key: 'volunteer.cancelSignup', role: 'worker', input: async (w) => { const taskId = await taskAhead(w); await w.api.ok(WORKER, 'volunteer', 'signUp', { taskId }, requestId()); return { taskId } } },
  {
    key: 'volunteer.checkIn', variant: 'by position', role: 'worker', as: (w) => freshWorker(w, '郑签到'),
    input: async (w) => { const taskId = await taskNow(w); await w.api.ok(lastFresh!.openid, 'volunteer', 'signUp', { taskId }, requestId()); return { taskId, longitude: TASK_PLACE.longitude, latitude: TASK_PLACE.latitude } },
  },
  {
    key: 'volunteer.checkOut', role: 'worker', as: (w) => freshWorker(w, '郑签退'),
    input: async (w) => {
      const taskId = await taskNow(w)
      await w.api.ok(lastFresh!.openid, 'volunteer', 'signUp', { taskId }, requestId())
      await w.api.ok(lastFresh!.openid, 'volunteer', 'checkIn', { taskId, longitude: TASK_PLACE.longitude, latitude: TASK_PLACE.latitude }, requestId())
      return { taskId, longitude: TASK_PLACE.longitude, latitude: TASK_PLACE.latitude }
    },
  },
  { key: 'volunteer.makeUpQuota', role: 'worker', input: () => ({}) },
  {
    key: 'volunteer.claimHours', role: 'worker', as: (w) => freshWorker(w, '郑补录'),
    input: () => ({ date: new Date(Date.now() - 5 * 864e5).toISOString().slice(0, 10), minutes: 120, what: '社区疫苗接种点引导', place: '和平桥社区', organiser: '和平桥社区 张主任', attachments: [] }),
  },
  { key: 'volunteer.teams', role: 'worker', input: () => ({}) },
  { key: 'volunteer.joinTeam', role: 'worker', as: (w) => freshWorker(w, '郑入队'), input: async (w) => ({ teamId: await seededTeam(w) }) },
  {
    key: 'volunteer.leaveTeam', role: 'worker', as: (w) => freshWorker(w, '郑退队'),
    input: async (w) => { await w.api.ok(lastFresh!.openid, 'volunteer', 'joinTeam', { teamId: await seededTeam(w) }, requestId()); return {} },
  },
  { key: 'volunteer.publishTask', role: 'staff', input: () => ({ title: '护学岗（测量）', description: '', place: TASK_PLACE, district: '320613', cityWide: false, date: new Date(Date.now() + 20 * 864e5).toISOString().slice(0, 10), start: '07:00', end: '08:00', slots: 10, minutes: 60 }) },
  { key: 'volunteer.cancelTask', role: 'staff', input: async (w) => ({ id: await taskAhead(w), reason: '天气预报有大雨' }) },
  { key: 'volunteer.staffTasks', role: 'staff', input: () => ({ when: 'upcoming' }) },
  { key: 'volunteer.staffTask', role: 'staff', input: async (w) => ({ id: await taskAhead(w) }) },
  { key: 'volunteer.markAttendance', role: 'staff', input: async (w) => ({ signupId: (await signedUpNow(w, false)).signupId, step: 'in' }) },
  { key: 'volunteer.confirmHours', variant: "staff's own figure", role: 'staff', input: async (w) => ({ signupId: (await signedUpNow(w, true)).signupId, minutes: 60, reason: '现场纸质签到表' }) },
  { key: 'volunteer.confirmAll', variant: 'nobody checked out', role: 'staff', input: async (w) => ({ taskId: (await signedUpNow(w, true)).taskId }) },
  { key: 'volunteer.createTeam', role: 'staff', input: () => ({ district: '320613', name: `测量队 ${++taskSerial}` }) },
  // 随手拍: one photo and a position; a report in review handed on; its possible duplicates.
  { key: 'volunteer.report', variant: 'one photo, located', role: 'worker', input: async (w) => ({ ...REPORT_SPOT, photos: [await w.api.upload(WORKER)] }) },
  { key: 'volunteer.forward', role: 'staff', input: async (w) => ({ id: (await reportInReview(w)).id, department: '崇川区城管局' }) },
  { key: 'volunteer.duplicates', role: 'staff', input: async (w) => ({ id: (await reportInReview(w)).id }) },
  // 志愿服务记录证明: the demo worker's certificate (server/seed-volunteer-record.ts) read back and checked by number.
  { key: 'volunteer.record', role: 'worker', input: async (w) => ({ number: await riderRecord(w) }) },
  { key: 'volunteer.verifyRecord', role: 'worker', input: async (w) => ({ number: await riderRecord(w) }) },
  // 积分商城: the seeded rewards read; a 1-point reward redeemed, looked up and handed over at the desk.
  { key: 'volunteer.reward', role: 'worker', input: async (w) => ({ id: await seededReward(w) }) },
  { key: 'volunteer.redeem', role: 'worker', input: async (w) => ({ rewardId: await cheapReward(w) }) },
  { key: 'volunteer.redemption', role: 'worker', input: async (w) => ({ id: (await freshRedemption(w)).id }) },
  { key: 'volunteer.staffReward', role: 'staff', input: async (w) => ({ id: await seededReward(w) }) },
  { key: 'volunteer.saveReward', role: 'staff', input: () => ({ district: '320613', name: '头盔（测量）', cost: 1500, stock: 20, pickupPlace: '崇川区和平桥暖心驿站（工农路 18 号）', limitPerPerson: 1, validUntil: '2099-12-31' }) },
  { key: 'volunteer.setRewardStatus', role: 'staff', input: async (w) => ({ id: (await w.api.ok<{ id: string }>(STAFF, 'volunteer', 'saveReward', { district: '320613', name: '雨衣（测量）', cost: 800, stock: 5, pickupPlace: '崇川区和平桥暖心驿站（工农路 18 号）', limitPerPerson: 1, validUntil: '2099-12-31' }, requestId())).id, status: 'withdrawn' }) },
  { key: 'volunteer.lookupCode', role: 'staff', input: async (w) => ({ code: (await freshRedemption(w)).code }) },
  { key: 'volunteer.pickup', role: 'staff', input: async (w) => ({ code: (await freshRedemption(w)).code }) },

  { key: 'academy.catalogue', role: 'worker', input: () => ({}) },
  { key: 'academy.catalogue', variant: 'evenings', role: 'worker', input: () => ({ tags: ['evening'] }) },
  { key: 'academy.offer', role: 'worker', input: async (w) => ({ id: await offerId(w, '网约配送员五级 周末班') }) },
  { key: 'academy.enrol', variant: 'a seat', role: 'worker', as: (w) => freshWorker(w), input: async (w) => ({ offerId: await offerId(w, '快递员四级（中级工）晚班'), attachments: [] }) },
  { key: 'academy.learning', role: 'worker', input: () => ({}) },
  { key: 'academy.transcript', role: 'worker', input: async (w) => ({ enrolmentId: await riderDiplomaEnrolment(w) }) },
  { key: 'academy.addCertificate', role: 'worker', input: async (w) => ({ number: certNumber(), level: 5, occupation: '快递员', issuedOn: '2026-09-01', photo: await w.api.upload(WORKER) }) },
  {
    key: 'academy.quoteSkillSubsidy', role: 'worker',
    input: async (w) => ({ certificateId: (await w.api.ok<{ certificates: { id: string; claim: unknown }[] }>(WORKER, 'academy', 'learning', {})).certificates.find((c) => !c.claim)!.id }),
  },
  {
    key: 'academy.claimSkillSubsidy', role: 'worker', as: (w) => freshWorker(w, '郑证书'),
    input: async (w) => {
      const who = lastFresh!
      const photo = await w.api.upload(who.openid)
      const { body } = (await w.api.s.call<{ id: string }>('academy', 'addCertificate', { number: certNumber(), level: 5, occupation: '快递员', issuedOn: '2026-09-01', photo }, { token: who.token, requestId: requestId() })) as { body: Envelope<{ id: string }> }
      if (!body.ok) throw new Error(JSON.stringify(body.error))
      return { certificateId: body.data.id }
    },
  },
  { key: 'academy.quoteTuitionSubsidy', role: 'worker', input: async (w) => ({ enrolmentId: await riderDiplomaEnrolment(w), yearNo: 1, paidFen: 680_000, tier: 'none' }) },
  { key: 'academy.claimTuitionSubsidy', role: 'worker', input: async (w) => ({ enrolmentId: await riderDiplomaEnrolment(w), yearNo: 1, paidFen: 680_000, tier: 'none', attachments: [await w.api.upload(WORKER)] }) },
  { key: 'academy.rules', role: 'worker', input: () => ({}) },
  // Public: an employer checking a number needs no account (here a signed-in caller: the same calls).
  { key: 'academy.verify', role: 'worker', input: async (w) => ({ number: (await w.api.ok<{ certificates: { number: string }[] }>(WORKER, 'academy', 'learning', {})).certificates[0].number }) },
  {
    key: 'academy.saveOffer', role: 'staff',
    input: () => ({ type: 'skill', title: '网约配送员五级 夜班', provider: '崇川区职业技能培训中心', district: '320613', cityWide: false, description: '', occupation: '网约配送员', skillLevel: 5, leadsTo: '证书', enrolUntil: '2027-01-10', seats: 30, sessions: [{ date: '2027-01-12', start: '19:00', end: '21:00', online: true }] }),
  },
  { key: 'academy.setOfferStatus', role: 'staff', input: async (w) => ({ id: (await freshClass(w)).offerId, status: 'closed' }) },
  { key: 'academy.staffOffers', role: 'staff', input: () => ({}) },
  { key: 'academy.roster', role: 'staff', input: async (w) => ({ offerId: await offerId(w, '网约配送员五级 周末班') }) },
  { key: 'academy.recordAttendance', role: 'staff', input: async (w) => { const c = await freshClass(w); return { offerId: c.offerId, sessionId: c.sessionId, present: [c.enrolmentId], absent: [] } } },
  { key: 'academy.recordCredits', role: 'staff', input: async (w) => ({ offerId: await offerId(w, '物流管理（专科）'), module: '供应链基础', yearNo: 1, rows: [{ enrolmentId: await riderDiplomaEnrolment(w), credits: 30 }] }) },
  { key: 'academy.markNoShow', role: 'staff', input: async (w) => ({ enrolmentId: (await freshClass(w)).enrolmentId }) },
  { key: 'academy.completeCourse', role: 'staff', input: async (w) => ({ offerId: (await freshClass(w)).offerId }) },
  {
    key: 'academy.issueCertificates', role: 'staff',
    input: async (w) => {
      const c = await freshClass(w)
      await w.api.ok(STAFF, 'academy', 'recordAttendance', { offerId: c.offerId, sessionId: c.sessionId, present: [c.enrolmentId], absent: [] }, requestId())
      await w.api.ok(STAFF, 'academy', 'completeCourse', { offerId: c.offerId }, requestId())
      return { offerId: c.offerId, enrolmentIds: [c.enrolmentId], issuedOn: new Date().toISOString().slice(0, 10) }
    },
  },
  { key: 'academy.figures', role: 'staff', input: () => ({}) },
  {
    key: 'academy.setRules', role: 'staff',
    input: async (w) => ({ district: '320613', ...(await w.api.ok<object>(WORKER, 'academy', 'rules', {})) }),
  },
]

interface Measured {
  ok: boolean
  error?: string
  trips: number
  depth: number
  storage: number
  calls: string
}

interface Row {
  name: string
  role: Role
  writes: boolean
  goal: number | null
  /** One measurement per record-set size. */
  at: Measured[]
}

/** Every action of the catalog, with its scenario — or a generic one for an action whose input may be empty. */
function plan(submitKey: string): { name: string; key: string; writes: boolean; scenario: Scenario | null }[] {
  const out: { name: string; key: string; writes: boolean; scenario: Scenario | null }[] = []
  for (const [fn, mod] of Object.entries(FUNCTIONS)) {
    for (const [action, { spec }] of Object.entries(mod.actions)) {
      const key = `${fn}.${action}`
      const mine = SCENARIOS.filter((sc) => (sc.key === 'submit' ? submitKey : sc.key) === key)
      if (mine.length) for (const sc of mine) out.push({ name: sc.variant ? `${key} (${sc.variant})` : key, key, writes: spec.writes, scenario: sc })
      else {
        const role = (['worker', 'staff', 'admin'] as const).find((r) => spec.roles.includes(r)) ?? 'worker'
        const generic = z.safeParse(spec.input, {}).success ? { key, role, input: () => ({}) } : null
        out.push({ name: key, key, writes: spec.writes, scenario: generic })
      }
    }
  }
  return out
}

/** Every kind's submission besides legal aid's: the same goal. */
const SUBMISSIONS = new Set(['academy.enrol', 'academy.claimSkillSubsidy', 'academy.claimTuitionSubsidy', 'insurance.enrol', 'insurance.report', 'volunteer.claimHours', 'volunteer.report'])

function goalOf(key: string, submitKey: string, role: Role, writes: boolean): number | null {
  if (key === submitKey || SUBMISSIONS.has(key)) return 6
  if (key === 'application.queue') return 4
  return role === 'worker' && !writes ? 3 : null
}

/** Counts storage calls (cloud storage is a network call too) and lets the bench register a "cloud" upload. */
function countingStore(base: FileStore, count: () => void): FileStore {
  return {
    put: (...a) => (count(), base.put(...a)),
    remove: (...a) => (count(), base.remove(...a)),
    link: (...a) => (count(), base.link(...a)),
    // A cloud fileID (application.registerFile) reads back what the phone uploaded.
    get: async (key) => (count(), key.startsWith('cloud://') ? { bytes: tinyPng(), contentType: 'image/png' } : base.get(key)),
  }
}

async function measureAt(users: number, rows: ReturnType<typeof plan>, log: (s: string) => void): Promise<Measured[]> {
  const s = await startTestServer({ seed: true })
  try {
    let storage = 0
    s.runtime.files = countingStore(s.runtime.files!, () => storage++)
    const t0 = performance.now()
    const set = await buildTemplates(s)
    const sizes = await growTo(s.runtime.db, users)
    log(`record set: ${Object.entries(sizes).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')} (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`)
    const world: World = {
      ...set,
      s,
      newcomer: () => {
        const openid = `bench-new-${process.pid}-${++newcomers}`
        return { openid, token: issueToken(s.runtime.vault, openid, s.runtime.now()) }
      },
      fresh: async (state = 'submitted') => {
        const filed = await set.api.ok<AppRef>(WORKER, set.submit.fn, set.submit.action, WAGES_REQUEST, requestId())
        const { id, version } = await bringTo(set.api, state, filed, WORKER, STAFF, async () => [await set.api.upload(WORKER)])
        return { id, version }
      },
    }
    installRoundTripCounter()
    const results: Measured[] = new Array(rows.length)
    // Reads first, so what the demo worker reads (我的申请 …) is the history built above, not the writes' leftovers.
    const order = rows.map((_, i) => i).sort((a, b) => Number(rows[a].writes) - Number(rows[b].writes))
    for (const i of order) {
      const { key, writes, scenario } = rows[i]
      if (!scenario) {
        results[i] = { ok: false, error: 'no scenario: add one to bench/round-trips.ts', trips: 0, depth: 0, storage: 0, calls: '' }
        continue
      }
      const [fn, action] = key.split('.')
      const caller = scenario.as ? await scenario.as(world) : { openid: CALLER[scenario.role] }
      const token = caller.token ?? (await set.api.token(caller.openid))
      const data = await scenario.input(world)
      const rid = writes && !NO_REQUEST_ID.has(key) ? requestId() : undefined
      resetRoundTrips()
      storage = 0
      const { body } = (await s.call(fn, action, data, { token, requestId: rid })) as { body: Envelope<unknown> }
      const { calls, depth } = takeRoundTrips()
      results[i] = { ok: body.ok, error: body.ok ? undefined : `${body.error.code}: ${body.error.message}`, trips: calls.length, depth, storage, calls: describeCalls(calls) }
    }
    return results
  } finally {
    await s.close()
  }
}

void (async () => {
  const sizes = (process.env.BENCH_RT_SIZES ?? '2000,20000').split(',').map(Number)
  const submission = submissionAction()
  const submitKey = `${submission.fn}.${submission.action}`
  const planned = plan(submitKey)
  const rows: Row[] = planned.map((p) => {
    const role = p.scenario?.role ?? 'worker'
    return { name: p.name, role, writes: p.writes, goal: goalOf(p.key, submitKey, role, p.writes), at: [] }
  })
  for (const users of sizes) {
    console.log(`— round trips with ~${users.toLocaleString('en')} users —`)
    const at = await measureAt(users, planned, (l) => console.log(l))
    at.forEach((m, i) => rows[i].at.push(m))
  }

  const head = sizes.map((n) => `trips @ ${n >= 1000 ? `${n / 1000}k` : n} users`)
  console.log(`\n| action | as | writes | ${head.join(' | ')} | sequential | storage | goal | |`)
  console.log(`|---|---|---|${head.map(() => '---|').join('')}---|---|---|---|`)
  let met = 0
  let missed = 0
  for (const r of rows) {
    const counts = r.at.map((m) => (m.ok ? String(m.trips) : `✗ ${m.error}`))
    const worst = Math.max(...r.at.map((m) => m.trips))
    const allOk = r.at.every((m) => m.ok)
    const verdict = !allOk ? '✗ call failed' : r.goal === null ? '' : worst <= r.goal ? '✓' : '✗'
    if (r.goal !== null && allOk) worst <= r.goal ? met++ : missed++
    const last = r.at[r.at.length - 1]
    console.log(`| ${r.name} | ${r.role} | ${r.writes ? 'yes' : '—'} | ${counts.join(' | ')} | ${last.depth} | ${last.storage || '—'} | ${r.goal === null ? '—' : `≤ ${r.goal}`} | ${verdict} |`)
  }
  const grew = rows.filter((r) => r.at.every((m) => m.ok) && new Set(r.at.map((m) => m.trips)).size > 1)
  console.log(`\ngoals met ${met}, missed ${missed}; counts that change with the collection size: ${grew.length ? grew.map((r) => r.name).join(', ') : 'none'}`)
  console.log('\ncalls made (largest size):')
  for (const r of rows) console.log(`  ${r.name}: ${r.at[r.at.length - 1].calls || r.at[r.at.length - 1].error}`)
  process.exit(0)
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
