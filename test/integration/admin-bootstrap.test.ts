import type { UserView } from '~types/user.schema'
import { startTestServer, type TestServer } from '../support/server'

let s: TestServer
beforeAll(async () => {
  s = await startTestServer({ bootstrapAdmins: ['first-admin'] })
})
afterAll(() => s.close())

test('an OPENID listed in NUANXIN_ADMIN_OPENIDS becomes admin at sign-in, once, audited; nobody else does', async () => {
  const token = await s.login('first-admin')
  const me = await s.call<UserView>('user', 'getProfile', {}, { token })
  expect(me.body).toMatchObject({ ok: true, data: { roles: { admin: true } } })
  await s.login('first-admin')
  const { data } = await s.runtime.db.collection('audit').where({ action: 'admin.bootstrap' }).get()
  expect(data).toHaveLength(1)
  expect(data[0]).toMatchObject({ actorId: 'system', note: 'NUANXIN_ADMIN_OPENIDS', from: false, to: true })

  const other = await s.login('someone-else')
  const them = await s.call<UserView>('user', 'getProfile', {}, { token: other })
  expect(them.body).toMatchObject({ ok: true, data: { roles: { admin: false } } })
})

test('a new user is created with exactly one welcome message, even when two first logins race', async () => {
  await Promise.all([s.login('twin'), s.login('twin'), s.login('twin')])
  const users = await s.runtime.db.collection('users').where({ openid: 'twin' }).count()
  const welcomes = await s.runtime.db.collection('messages').where({ openid: 'twin' }).count()
  expect([users.total, welcomes.total]).toEqual([1, 1])
})
