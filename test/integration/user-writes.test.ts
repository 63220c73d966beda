import type { MessageView } from '~types/inbox.schema'
import { PRIVACY_GUIDE } from '~types/privacy'
import type { StaffCandidate, UserView } from '~types/user.schema'
import { installRoundTripCounter, resetRoundTrips, takeRoundTrips } from '../../bench/lib/round-trip-counter'
import { issueToken } from '../../server/session'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * The user function's writes record their requestId inside their own transaction and answer from what they wrote:
 * a double tap still writes once, the answer is what a read afterwards says, and a grant's message lands with it.
 */
let s: TestServer
let admin: string
beforeAll(async () => {
  s = await startTestServer({ seed: true })
  admin = await s.login('demo-admin')
  installRoundTripCounter()
})
afterAll(() => s.close())

const profileOf = async (token: string) => okData<UserView>(s.call('user', 'getProfile', {}, { token }))
async function trips(run: () => Promise<unknown>): Promise<string[]> {
  resetRoundTrips()
  await run()
  return takeRoundTrips().calls.map((c) => c.label)
}

test('a first sign-in answers the user it created, with the welcome, without reading it back', async () => {
  // A session for an identity with no user record yet (the dev sign-in would create it).
  const token = issueToken(s.runtime.vault, 'writes-newcomer', s.runtime.now())
  resetRoundTrips()
  const { body } = await s.call<UserView>('user', 'login', {}, { token })
  expect(takeRoundTrips().calls.map((c) => c.label)).toEqual(['get users', 'tx.start', 'tx·add users', 'tx·add messages', 'tx.commit'])
  expect(body).toMatchObject({ ok: true, data: { profile: null, ready: false } })
  expect(body.ok && body.data).toEqual(await profileOf(token))
  const { data } = await s.runtime.db.collection('messages').where({ openid: 'writes-newcomer' }).get()
  expect(data.map((m) => m.title)).toEqual(['欢迎来到暖新'])
})

test('three taps on 保存 at once save once (one claim of the number); each answers what getProfile then says', async () => {
  const token = await s.login('writes-tapper')
  await okData(s.call('user', 'login', {}, { token }))
  const taps = await Promise.all([1, 2, 3].map(() => s.call<UserView>('user', 'saveProfile', validProfile(81), { token, requestId: 'save-1' })))
  expect(taps.map((t) => t.body.ok)).toEqual([true, true, true])
  const me = await profileOf(token)
  expect(me).toMatchObject({ ready: true, profile: { realName: '测试骑手', idNumberMasked: expect.stringMatching(/^320\*+/) } })
  for (const t of taps) expect(t.body.ok && t.body.data).toEqual(me)
  const claims = await s.runtime.db.collection('id_claims').where({ userId: me.id }).count()
  expect(claims.total).toBe(1)
  // The answer of a correction is the profile as written, consents and all; no read after the commit.
  const calls = await trips(() => s.call('user', 'saveProfile', validProfile(81, { mobile: '13900009999' }), { token, requestId: 'save-2' }))
  expect(calls).toEqual(['get users', 'tx.start', 'tx·get users', 'tx·update users', 'tx·add idempotency', 'tx.commit'])
  expect((await profileOf(token)).profile?.mobile).toBe('13900009999')
  const again = await okData<UserView>(s.call('user', 'acceptPrivacy', { privacyVersion: PRIVACY_GUIDE.version, sensitive: true }, { token, requestId: 'accept-1' }))
  expect(again).toEqual(await profileOf(token))
})

test("a grant, its audit line and the person's message are one transaction; a double tap grants and tells once", async () => {
  const token = await s.login('writes-grantee')
  await okData(s.call('user', 'login', {}, { token }))
  const me = await okData<UserView>(s.call('user', 'saveProfile', validProfile(82), { token }))
  const input = { userId: me.id, districtCode: '320613', services: ['legalAid'] }
  const taps = await Promise.all([1, 2, 3].map(() => s.call<StaffCandidate>('user', 'grantStaff', input, { token: admin, requestId: 'grant-x' })))
  expect(taps.map((t) => t.body.ok)).toEqual([true, true, true])
  const answers = taps.map((t) => (t.body.ok ? t.body.data : null))
  expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
  expect(answers[0]).toMatchObject({ id: me.id, roles: { staff: [expect.objectContaining({ districtCode: '320613', services: ['legalAid'] })] } })
  const inbox = await okData<{ items: MessageView[] }>(s.call('user', 'listMessages', {}, { token }))
  expect(inbox.items.filter((m) => m.title === '您已成为工作人员')).toHaveLength(1)
  const { total } = await s.runtime.db.collection('audit').where({ targetId: me.id, action: 'staff.grant' }).count()
  expect(total).toBe(1)

  // Refused (no such person): no message, no audit line.
  const before = (await s.runtime.db.collection('messages').count()).total
  expect((await s.call('user', 'grantStaff', { ...input, userId: 'nobody' }, { token: admin, requestId: 'grant-y' })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect((await s.runtime.db.collection('messages').count()).total).toBe(before)

  const revoked = await okData<StaffCandidate>(s.call('user', 'revokeStaff', { userId: me.id, districtCode: '320613' }, { token: admin, requestId: 'revoke-x' }))
  expect(revoked.roles.staff).toEqual([])
  expect((await profileOf(token)).roles.staff).toEqual([])
})
