/**
 * A realistic record set for the round-trip bench: the demo people (server/seed.ts), a history for the demo worker,
 * and workers with applications in every one of Jiangsu's 13 cities in every state of the workflow — all made
 * through the HTTP API, so every record obeys the rules the app obeys. To reach thousands of users cheaply, those
 * template records are then cloned (new ids, openids and case numbers, references kept consistent).
 */
import * as z from 'zod/mini'
import type { Envelope } from '~types/errors'
import { PRIVACY_GUIDE } from '~types/privacy'
import { SERVICES } from '~types/roles'
import { OCCUPATIONS } from '~types/user.schema'
import { JIANGSU_REGIONS } from '../../types/regions.generated'
import type { Database } from '../../cloudfunctions/shared/core/context'
import { FUNCTIONS } from '../../cloudfunctions/shared/functions'
import { demoIdNumber } from '../../server/demo-id'
import { tinyPng } from '../../test/support/files'
import { WAGES_REQUEST } from '../../test/support/requests'
import type { TestServer } from '../../test/support/server'

export const WORKER = 'demo-rider'
export const STAFF = 'demo-staff-nantong'
export const ADMIN = 'demo-admin'
/** Reviews the template applications in every city (the demo staff cover two districts only). */
const REVIEWER = 'bench-reviewer'
const TEMPLATE_PREFIX = 'bench-w'

/** One district per city (Nantong's is 崇川, the demo staff's), as bench/queue.ts spreads its applications. */
export const CITY_DISTRICTS = JIANGSU_REGIONS.cities.map(
  (c) => JIANGSU_REGIONS.districts.find((d) => d.cityCode === c.code && (c.code !== '320600' || d.code === '320613'))!.code,
)

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = ['建国', '小勇', '海燕', '志强', '丽娟', '文博', '国华', '秀英', '晓东', '春梅', '立新', '红霞', '子涵', '浩然', '雨欣']

type AppRef = { id: string; version: number }

/** The HTTP API as a bench client: tokens per openid, typed answers, failures thrown with their envelope. */
export class BenchApi {
  private readonly tokens = new Map<string, string>()
  constructor(readonly s: TestServer) {}

  async token(openid: string): Promise<string> {
    let t = this.tokens.get(openid)
    if (!t) this.tokens.set(openid, (t = await this.s.login(openid)))
    return t
  }

  async call<T = unknown>(openid: string, fn: string, action: string, data: unknown, requestId?: string): Promise<Envelope<T>> {
    return (await this.s.call<T>(fn, action, data, { token: await this.token(openid), requestId })).body
  }

  async ok<T = unknown>(openid: string, fn: string, action: string, data: unknown, requestId?: string): Promise<T> {
    const env = await this.call<T>(openid, fn, action, data, requestId)
    if (!env.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(env.error)}`)
    return env.data
  }

  /** A photo uploaded as the H5 app does (POST /api/files); its fileId. */
  async upload(openid: string, name = '工资条.png'): Promise<string> {
    const res = await fetch(`${this.s.url}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${await this.token(openid)}`, 'x-file-name': encodeURIComponent(name) },
      body: tinyPng(),
    })
    const env = (await res.json()) as Envelope<{ fileId: string }>
    if (!env.ok) throw new Error(`upload as ${openid}: ${JSON.stringify(env.error)}`)
    return env.data.fileId
  }
}

let rid = 0
export const requestId = () => `bench-${process.pid}-${++rid}`

/** The first of `candidates` the action's input schema accepts (inputs change shape as the contracts evolve). */
export function pickInput(fn: string, action: string, candidates: unknown[]): unknown {
  const def = (FUNCTIONS as Record<string, { actions: Record<string, { spec: { input: z.ZodMiniType } }> }>)[fn]?.actions[action]
  if (!def) throw new Error(`no action ${fn}.${action}`)
  const fit = candidates.find((c) => z.safeParse(def.spec.input, c).success)
  if (fit === undefined) throw new Error(`${fn}.${action}: none of the bench's inputs fits its schema — update bench/lib/record-set.ts`)
  return fit
}

/** The legal-aid submission action, wherever the catalog has it (legalAid.submit, or application.submitLegalAid before). */
export function submissionAction(): { fn: string; action: string } {
  for (const [fn, mod] of Object.entries(FUNCTIONS)) {
    for (const [action, { spec }] of Object.entries(mod.actions)) {
      if (spec.writes && spec.roles.includes('worker') && /submit/i.test(action) && z.safeParse(spec.input, WAGES_REQUEST).success) return { fn, action }
    }
  }
  throw new Error('no action accepts a legal-aid request')
}

export const approveInput = (app: AppRef) =>
  pickInput('application', 'approve', [
    { id: app.id, version: app.version, details: { agency: '崇川区法律援助中心', contact: '0513-85000000' } },
    { id: app.id, version: app.version, agency: '崇川区法律援助中心', contact: '0513-85000000' },
  ])

/** The steps that bring a fresh submission to each state; the reviewer acts, the applicant answers or withdraws. */
export async function bringTo(api: BenchApi, state: string, app: AppRef, applicant: string, reviewer: string, files: () => Promise<string[]>): Promise<AppRef> {
  let a = app
  const review = async (action: string, data: object) => (a = await api.ok<AppRef>(reviewer, 'application', action, { id: a.id, version: a.version, ...data }, requestId()))
  if (state === 'withdrawn') return api.ok<AppRef>(applicant, 'application', 'withdraw', { id: a.id, reason: '已和站点协商解决' }, requestId())
  if (state === 'submitted') return a
  await review('startReview', {})
  if (state === 'inReview') return a
  if (state === 'approved') return api.ok<AppRef>(reviewer, 'application', 'approve', approveInput(a), requestId())
  if (state === 'rejected') return review('reject', { reason: '不属于法律援助的事项范围' })
  await review('requestMore', { missing: '请补充工资条或银行转账记录' })
  if (state === 'needsMore') return a
  return api.ok<AppRef>(applicant, 'application', 'supplement', { id: a.id, note: '已补充 8 月工资条', attachments: await files() }, requestId())
}

export const STATES = ['submitted', 'inReview', 'needsMore', 'resubmitted', 'approved', 'rejected', 'withdrawn'] as const

async function completeProfile(api: BenchApi, openid: string, i: number, districtCode: string) {
  await api.ok(openid, 'user', 'login', {})
  await api.ok(openid, 'user', 'saveProfile', {
    realName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
    idNumber: demoIdNumber(districtCode, `19${80 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`, 100 + (i % 800)),
    mobile: String(13700000000 + i * 7),
    occupation: OCCUPATIONS[i % OCCUPATIONS.length],
    platform: ['美团外卖', '饿了么', '顺丰速运', '满帮', '滴滴出行', '抖音'][i % 6],
    districtCode,
    consents: { privacyVersion: PRIVACY_GUIDE.version, sensitive: true },
  }, requestId())
}

export interface RecordSet {
  api: BenchApi
  submit: { fn: string; action: string }
  /** The demo worker's applications: one waiting for materials (two photos), one approved, one urgent and new. */
  mine: { needsMore: AppRef; approved: AppRef; fresh: AppRef; photo: string }
}

/**
 * The demo seed (startTestServer({ seed: true })) plus: the demo worker's own history, and `perCity` template workers
 * in each city, each with one legal-aid request in one of the workflow's states (a third with a photo).
 */
export async function buildTemplates(s: TestServer, perCity = 3): Promise<RecordSet> {
  const api = new BenchApi(s)
  const submit = submissionAction()
  const file = (who: string) => async () => [await api.upload(who)]
  const request = (patch: object = {}) => ({ ...WAGES_REQUEST, ...patch })

  // A reviewer for every template district (granted by the admin, as in the app).
  await completeProfile(api, REVIEWER, 0, CITY_DISTRICTS[0])
  const reviewerId = (await api.ok<{ id: string }[]>(ADMIN, 'user', 'findUsers', { query: '13700000000' }))[0].id
  for (const districtCode of CITY_DISTRICTS) {
    await api.ok(ADMIN, 'user', 'grantStaff', { userId: reviewerId, districtCode, services: [...SERVICES] }, requestId())
  }

  let i = 1
  for (const districtCode of CITY_DISTRICTS) {
    for (let k = 0; k < perCity; k++, i++) {
      const who = `${TEMPLATE_PREFIX}${i}`
      await completeProfile(api, who, i, districtCode)
      const attachments = i % 3 === 0 ? [await api.upload(who)] : []
      const filed = await api.ok<AppRef>(who, submit.fn, submit.action, request({ attachments, urgent: { limitationEndsSoon: i % 11 === 0, preservationNeeded: false } }), requestId())
      await bringTo(api, STATES[i % STATES.length], filed, who, REVIEWER, file(who))
    }
  }

  // The demo worker's own history, reviewed by the demo staff of their district.
  const photos = [await api.upload(WORKER, '工资条.png'), await api.upload(WORKER, '聊天记录.png')]
  const a1 = await api.ok<AppRef>(WORKER, submit.fn, submit.action, request({ attachments: photos }), requestId())
  const needsMore = await bringTo(api, 'needsMore', a1, WORKER, STAFF, file(WORKER))
  const a2 = await api.ok<AppRef>(WORKER, submit.fn, submit.action, request({ facts: '2026 年 6 月的工资也没有结算，站长说等总部打款。' }), requestId())
  const approved = await bringTo(api, 'approved', a2, WORKER, STAFF, file(WORKER))
  const fresh = await api.ok<AppRef>(WORKER, submit.fn, submit.action, request({ urgent: { limitationEndsSoon: true, preservationNeeded: false } }), requestId())
  return { api, submit, mine: { needsMore, approved, fresh, photo: photos[0] } }
}

type Doc = Record<string, unknown> & { _id: string }

async function all(db: Database, coll: string): Promise<Doc[]> {
  const out: Doc[] = []
  for (;;) {
    const { data } = await db.collection(coll).skip(out.length).limit(1000).get()
    out.push(...(data as Doc[]))
    if (data.length < 1000) return out
  }
}

async function addAll(db: Database, coll: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 1000) await db.collection(coll).add(docs.slice(i, i + 1000))
}

const strip = ({ _id, ...rest }: Doc) => (void _id, rest)

/**
 * Clones the template workers (and their claims, applications, files, audit lines and messages) until `users`
 * holds about `targetUsers` documents. Each clone is consistent: its application points at its user, its files and
 * messages at its application.
 */
export async function growTo(db: Database, targetUsers: number): Promise<Record<string, number>> {
  const users = (await all(db, 'users')).filter((u) => String(u.openid).startsWith(TEMPLATE_PREFIX))
  const userIds = new Set(users.map((u) => u._id))
  const openids = new Set(users.map((u) => String(u.openid)))
  const claims = (await all(db, 'id_claims')).filter((c) => userIds.has(String(c.userId)))
  const apps = (await all(db, 'applications')).filter((a) => openids.has(String(a.applicantOpenid)))
  const appIds = new Set(apps.map((a) => a._id))
  const audit = (await all(db, 'audit')).filter((e) => appIds.has(String(e.targetId)))
  const messages = (await all(db, 'messages')).filter((m) => openids.has(String(m.openid)))
  const files = (await all(db, 'files')).filter((f) => openids.has(String(f.ownerOpenid)))
  const { total } = await db.collection('users').count()
  const copies = Math.max(0, Math.ceil((targetUsers - total) / users.length))

  for (let c = 1; c <= copies; c++) {
    const id = (x: unknown) => `${String(x)}-c${c}`
    const openid = (x: unknown) => `${String(x)}~${c}`
    const ids = (xs: unknown) => (Array.isArray(xs) ? xs.map((x) => id(x)) : xs)
    await addAll(db, 'users', users.map((u) => ({ ...u, _id: id(u._id), openid: openid(u.openid), ...(u.idHash ? { idHash: id(u.idHash) } : {}) })))
    await addAll(db, 'id_claims', claims.map((cl) => ({ ...cl, _id: id(cl._id), userId: id(cl.userId) })))
    await addAll(db, 'files', files.map((f) => ({ ...f, _id: id(f._id), ownerOpenid: openid(f.ownerOpenid), attachedTo: ids(f.attachedTo) })))
    await addAll(db, 'applications', apps.map((a) => {
      const supplement = a.supplement as { answerAttachments?: unknown } | null
      return {
        ...a, _id: id(a._id), caseNo: `${String(a.caseNo)}-${c}`, applicantId: id(a.applicantId), applicantOpenid: openid(a.applicantOpenid),
        attachments: ids(a.attachments), supplement: supplement?.answerAttachments ? { ...supplement, answerAttachments: ids(supplement.answerAttachments) } : supplement,
      }
    }))
    await addAll(db, 'audit', audit.map((e) => ({ ...strip(e), targetId: id(e.targetId), actorId: userIds.has(String(e.actorId)) ? id(e.actorId) : e.actorId })))
    await addAll(db, 'messages', messages.map((m) => {
      const target = m.target as { id?: unknown } | undefined
      return { ...strip(m), openid: openid(m.openid), ...(target?.id ? { target: { ...target, id: id(target.id) } } : {}) }
    }))
  }
  const sizes: Record<string, number> = {}
  for (const coll of ['users', 'applications', 'audit', 'messages', 'files']) sizes[coll] = (await db.collection(coll).count()).total
  return sizes
}
