import type { ApplicationView, ReviewView } from '~types/application.schema'
import type { StaffCandidate } from '~types/user.schema'
import { okData, WAGES_REQUEST } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'

/**
 * A repeat of a request (same requestId) must never hand back what the caller may no longer see. Staff with grants
 * for two districts act on an application; the admin revokes the grant that covered it; then every repeat answers
 * as a fresh call would — NOT_FOUND — and a reveal is never answered from a store, each one checked and audited.
 */
let s: TestServer
const t: Record<string, string> = {}
let filed: ApplicationView
let staffId: string

const wages = WAGES_REQUEST

const call = (who: string, fn: string, action: string, data: unknown, requestId?: string) => s.call(fn, action, data, { token: t[who], requestId })
const ok = okData
const reveals = async () => (await s.runtime.db.collection('audit').where({ targetId: filed.id, action: 'application.revealId' }).count()).total

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  for (const who of ['demo-rider', 'demo-staff-wuxi', 'demo-admin']) t[who] = await s.login(who)
  // 钱伟 (无锡梁溪) is given 南通崇川 too, where the rider files.
  const staff = await ok<StaffCandidate[]>(call('demo-admin', 'user', 'listStaff', {}))
  staffId = staff.find((p) => p.realName === '钱伟')!.id
  await ok(call('demo-admin', 'user', 'grantStaff', { userId: staffId, districtCode: '320613', services: ['legalAid'] }, 'grant-1'))
  filed = await ok<ApplicationView>(call('demo-rider', 'legalAid', 'submit', wages, 'file-1'))
})
afterAll(() => s.close())

test('a replayed reveal after the grant is revoked answers NOT_FOUND, and every reveal that answered is audited', async () => {
  const first = await ok<{ idNumber: string }>(call('demo-staff-wuxi', 'application', 'revealIdNumber', { id: filed.id }, 'X'))
  expect(first.idNumber).toMatch(/^320613/)
  // Repeats in scope run again — and are audited again: each showing of the number is on the record.
  expect(await ok(call('demo-staff-wuxi', 'application', 'revealIdNumber', { id: filed.id }, 'X'))).toEqual(first)
  expect(await reveals()).toBe(2)

  const review = await ok<ReviewView>(call('demo-staff-wuxi', 'application', 'startReview', { id: filed.id, version: 1 }, 'S'))
  await ok(call('demo-admin', 'user', 'revokeStaff', { userId: staffId, districtCode: '320613' }, 'revoke-1'))

  expect((await call('demo-staff-wuxi', 'application', 'detail', { id: filed.id })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await call('demo-staff-wuxi', 'application', 'revealIdNumber', { id: filed.id })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await call('demo-staff-wuxi', 'application', 'revealIdNumber', { id: filed.id }, 'X')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  // A repeated review step answers through today's access rule too: no applicant's details after the revocation.
  expect((await call('demo-staff-wuxi', 'application', 'startReview', { id: filed.id, version: 1 }, 'S')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(review.version).toBe(2)
  expect(await reveals()).toBe(2)
})

test('a repeated submission answers the first one, sealed, and never files twice', async () => {
  const again = await ok<ApplicationView>(call('demo-rider', 'legalAid', 'submit', wages, 'file-1'))
  expect(again.id).toBe(filed.id)
  // The first answer, as it was (legalAid.submit keeps it sealed: the applicant's own application).
  expect(again.status).toBe('submitted')
  expect((await ok<ApplicationView[]>(call('demo-rider', 'application', 'listMine', {}))).filter((a) => a.id === filed.id)).toHaveLength(1)
  // The same requestId with other content is refused, not answered with the first application.
  expect((await call('demo-rider', 'legalAid', 'submit', { ...wages, amountFen: 1 }, 'file-1')).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})
