import { PRIVACY_GUIDE } from '~types/privacy'
import type { UserView } from '~types/user.schema'
import { USERS } from '../../cloudfunctions/shared/user/user.doc'
import { okData } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/** A changed privacy guide: an older agreement stops the services until the worker agrees again; the record keeps both. */
let s: TestServer
beforeAll(async () => {
  s = await startTestServer()
})
afterAll(() => s.close())

test('an older agreement asks again, refuses services meanwhile, and keeps the earlier consent on record', async () => {
  const token = await s.login('privacy-rider')
  const saved = await okData<UserView>(s.call('user', 'saveProfile', validProfile(61), { token }))
  // As if agreed before the guide changed.
  await s.runtime.db.collection(USERS).doc(saved.id).update({ privacyVersion: '2026-11-29', consents: [{ kind: 'privacy', version: '2026-11-29', acceptedAt: new Date('2026-11-29T02:00:00Z') }, { kind: 'sensitive', version: '2026-11-29', acceptedAt: new Date('2026-11-29T02:00:00Z') }] })

  expect(await okData<UserView>(s.call('user', 'getProfile', {}, { token }))).toMatchObject({ ready: false, reconsent: true, privacyVersionAccepted: '2026-11-29' })
  expect((await s.call('application', 'listMine', {}, { token })).body).toMatchObject({ ok: false, error: { code: 'PROFILE_INCOMPLETE' } })

  expect((await s.call('user', 'acceptPrivacy', { privacyVersion: '2026-11-29', sensitive: true }, { token })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { privacyVersion: expect.any(String) } } })
  expect((await s.call('user', 'acceptPrivacy', { privacyVersion: PRIVACY_GUIDE.version, sensitive: false }, { token })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { sensitive: expect.any(String) } } })

  const agreed = await okData<UserView>(s.call('user', 'acceptPrivacy', { privacyVersion: PRIVACY_GUIDE.version, sensitive: true }, { token, requestId: 'p1' }))
  expect(agreed).toMatchObject({ ready: true, reconsent: false, privacyVersionAccepted: PRIVACY_GUIDE.version })
  expect(agreed.consents.map((c) => `${c.kind}@${c.version}`).sort()).toEqual(['privacy@2026-11-29', `privacy@${PRIVACY_GUIDE.version}`, 'sensitive@2026-11-29', `sensitive@${PRIVACY_GUIDE.version}`].sort())
  expect(await okData(s.call('application', 'listMine', {}, { token }))).toEqual([])
})

test('a worker without a profile agrees on the profile form, not here', async () => {
  const token = await s.login('privacy-new')
  expect((await s.call('user', 'acceptPrivacy', { privacyVersion: PRIVACY_GUIDE.version, sensitive: true }, { token })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await okData<UserView>(s.call('user', 'getProfile', {}, { token }))).toMatchObject({ reconsent: false, ready: false })
})
