import type { OfferInput, SessionInput } from '~types/academy.schema'
import { inZone } from '~types/time'
import { CERTIFICATES, type CertificateDoc } from '../cloudfunctions/shared/academy/certificate.doc'
import { enrol } from '../cloudfunctions/shared/academy/enrolment.submit'
import { recordCredits } from '../cloudfunctions/shared/academy/learning.service'
import { saveOffer, setOfferStatus } from '../cloudfunctions/shared/academy/offer.service'
import type { Runtime } from '../cloudfunctions/shared/core/context'
import { registerFile } from '../cloudfunctions/shared/storage/files'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { tinyPng } from './demo-files'
import { approve, loadInScope, startReview } from '../cloudfunctions/shared/workflow/review.service'

/**
 * The academy's demo: a diploma programme open to all of 南通, skill courses for couriers, riders and drivers in
 * 崇川 and 梁溪 (one nearly full), 网络主播第一课, an e-commerce contest — dated from today so they stay open — and
 * 周小勇 enrolled with first-year credits and a certificate inside its subsidy window. All through the services.
 */
export async function seedAcademy(rt: Runtime): Promise<void> {
  const today = inZone(rt.now()).startOf('day')
  const day = (n: number) => today.add(n, 'day').format('YYYY-MM-DD')
  /** The next `weekday` (0 = Sunday) at least `from` days ahead. */
  const next = (weekday: number, from: number) => {
    let d = today.add(from, 'day')
    while (d.day() !== weekday) d = d.add(1, 'day')
    return d
  }
  const evenings = (from: number, n: number, place?: string): SessionInput[] =>
    Array.from({ length: n }, (_, i) => ({ date: next(2, from).add(i * 7, 'day').format('YYYY-MM-DD'), start: '19:00', end: '21:00', online: !place, ...(place ? { place } : {}) }))
  const saturdays = (from: number, n: number, place: string): SessionInput[] =>
    Array.from({ length: n }, (_, i) => ({ date: next(6, from).add(i * 7, 'day').format('YYYY-MM-DD'), start: '09:00', end: '12:00', online: false, place }))

  const nantong = (await findUserByOpenid(rt.db, 'demo-staff-nantong'))!
  const wuxi = (await findUserByOpenid(rt.db, 'demo-staff-wuxi-academy'))!
  const offers: [typeof nantong, OfferInput][] = [
    [nantong, {
      type: 'diploma', title: '物流管理（专科）', provider: '江苏开放大学南通分校', district: '320613', cityWide: true,
      description: '线上听课、周末面授答疑，两年半修满 80 学分拿专科毕业证书。每学年学分修满后可以申请学费补贴。',
      leadsTo: '物流管理专科毕业证书', enrolUntil: day(60), sessions: [],
      diploma: { level: 'associate', major: '物流管理', university: '江苏开放大学', lengthMonths: 30, creditsRequired: 800, tuitionFenPerYear: 680_000 },
    }],
    [nantong, {
      type: 'diploma', title: '连锁经营与管理（专升本）', provider: '江苏开放大学南通分校', district: '320613', cityWide: true,
      description: '已有大专学历的可以报，线上为主，两年半修满 80 学分。',
      leadsTo: '本科毕业证书', enrolUntil: day(60), sessions: [],
      diploma: { level: 'bachelor', major: '连锁经营与管理', university: '江苏开放大学', lengthMonths: 30, creditsRequired: 800, tuitionFenPerYear: 760_000 },
    }],
    [nantong, {
      type: 'skill', title: '快递员四级（中级工）晚班', provider: '崇川区职业技能培训中心', district: '320613', cityWide: false,
      description: '每周二晚上线上课，共 6 次，免费。结业后参加四级认定，拿证后可以申请 1500 元技能提升补贴。',
      occupation: '快递员', skillLevel: 4, leadsTo: '快递员四级证书', enrolUntil: day(8), seats: 40, sessions: evenings(10, 6),
    }],
    [nantong, {
      type: 'skill', title: '网约配送员五级 周末班', provider: '崇川区职业技能培训中心', district: '320613', cityWide: false,
      description: '周六上午上课，共 4 次，免费。名额不多，满了可以候补。',
      occupation: '网约配送员', skillLevel: 5, leadsTo: '网约配送员五级证书', enrolUntil: day(6), seats: 2, sessions: saturdays(9, 4, '崇川区工农路 88 号 3 楼'),
    }],
    [nantong, {
      type: 'skill', title: '货车司机安全驾驶与应急处置', provider: '南通市交通技师学院', district: '320613', cityWide: true,
      description: '周日全天一次课，讲疲劳驾驶、货物固定和事故应急，免费。',
      occupation: '道路货运汽车驾驶员', skillLevel: 5, leadsTo: '道路货运汽车驾驶员五级证书', enrolUntil: day(12), seats: 60, sessions: saturdays(14, 1, '南通市交通技师学院 实训楼').map((s) => ({ ...s, date: inZone(s.date).add(1, 'day').format('YYYY-MM-DD'), end: '17:00' })),
    }],
    [nantong, {
      type: 'contest', title: '网络主播第一课（岗前培训）', provider: '南通市网络直播行业协会', district: '320613', cityWide: true,
      description: '入行前的标准课：直播规范、平台规则、消费者权益和税务常识，线上两晚学完。',
      occupation: '互联网营销师', skillLevel: 5, leadsTo: '岗前培训合格证明与五级认定资格', enrolUntil: day(20), seats: 300, sessions: evenings(21, 2),
    }],
    [nantong, {
      type: 'contest', title: '崇川区电商直播技能大赛', provider: '崇川区人社局', district: '320613', cityWide: false,
      description: '预赛线上、决赛现场，获奖选手直接获得互联网营销师四级证书。',
      occupation: '互联网营销师', skillLevel: 4, leadsTo: '互联网营销师四级证书（获奖者）', enrolUntil: day(25), seats: 100, sessions: saturdays(28, 2, '崇川区电商产业园 直播基地'),
    }],
    [wuxi, {
      type: 'skill', title: '快递员五级 晚班', provider: '梁溪区职业技能培训中心', district: '320213', cityWide: false,
      description: '每周二晚上线上课，共 4 次，免费。',
      occupation: '快递员', skillLevel: 5, leadsTo: '快递员五级证书', enrolUntil: day(8), seats: 30, sessions: evenings(10, 4),
    }],
    [wuxi, {
      type: 'skill', title: '网约配送员四级 周末班', provider: '梁溪区职业技能培训中心', district: '320213', cityWide: false,
      description: '周六上午线下课，共 3 次，免费。',
      occupation: '网约配送员', skillLevel: 4, leadsTo: '网约配送员四级证书', enrolUntil: day(10), seats: 25, sessions: saturdays(12, 3, '梁溪区解放西路 168 号'),
    }],
  ]
  const ids: string[] = []
  for (const [staff, input] of offers) {
    const saved = await saveOffer(rt, staff, input)
    await setOfferStatus(rt, staff, saved.id, 'published')
    ids.push(saved.id)
  }

  // 周小勇: in the diploma programme with the first year's credits (the tuition subsidy is open to him), and
  // holding one of the two seats of the weekend course (so it shows "1 seat left"), not yet reviewed.
  const rider = (await findUserByOpenid(rt.db, 'demo-rider'))!
  const proof = await registerFile(rt, rider.openid, { bytes: tinyPng(), name: '中专毕业证.png' })
  const diploma = await enrol(rt, rider, { offerId: ids[0], education: 'vocational', attachments: [proof.fileId] })
  {
    let app = await loadInScope(rt, nantong, diploma.id)
    await startReview(rt, nantong, { id: app._id, version: app.version })
    app = await loadInScope(rt, nantong, diploma.id)
    await approve(rt, nantong, { id: app._id, version: app.version, details: {} })
    const enrolmentId = diploma.payload.enrolmentId as string
    await recordCredits(rt, nantong, { offerId: ids[0], module: '物流管理概论', yearNo: 1, rows: [{ enrolmentId, credits: 150 }] })
    await recordCredits(rt, nantong, { offerId: ids[0], module: '仓储与配送实务', yearNo: 1, rows: [{ enrolmentId, credits: 120 }] })
  }
  await enrol(rt, rider, { offerId: ids[3], attachments: [] })
  const other = (await findUserByOpenid(rt.db, 'demo-other'))!
  await enrol(rt, other, { offerId: ids[7], attachments: [] })

  // A certificate from last spring's course, inside its 12-month subsidy window: history, written as issued.
  const issuedOn = today.subtract(200, 'day').format('YYYY-MM-DD')
  const number = `S032632320613${issuedOn.slice(2, 4)}5000001`
  const cert: Omit<CertificateDoc, '_id'> = {
    service: 'academy', district: '320613', holderId: rider._id, holderOpenid: rider.openid, holderName: rider.profile!.realName,
    occupation: '网约配送员', level: 5, issuedOn, issuer: '崇川区职业技能培训中心', source: 'academy', offerId: null, photoFileId: null,
    createdAt: rt.now(), createdBy: nantong._id,
  }
  await rt.db.collection(CERTIFICATES).doc(number).set(cert)
  // And a courier's one from the same course history, a little older: two windows counting down.
  const older = today.subtract(100, 'day').format('YYYY-MM-DD')
  await rt.db.collection(CERTIFICATES).doc(`S032632320613${older.slice(2, 4)}5000002`).set({ ...cert, occupation: '快递员', issuedOn: older })
}
