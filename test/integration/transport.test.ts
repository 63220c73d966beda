import { startTestServer, type TestServer } from '../support/server'

let s: TestServer
beforeAll(async () => {
  s = await startTestServer()
})
afterAll(() => s.close())

describe('the local server transport', () => {
  it('malformed JSON → MALFORMED_REQUEST', async () => {
    expect(await s.post('/api/fn/user', '{"action": "login",')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'MALFORMED_REQUEST' } } })
  })

  it('a body over 64 KiB → PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ action: 'login', data: { pad: 'x'.repeat(65 * 1024) } })
    expect(await s.post('/api/fn/user', body)).toMatchObject({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } })
  })

  it('unknown function and unknown action are typed errors', async () => {
    expect(await s.post('/api/fn/nope', '{"action":"login"}')).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_FUNCTION' } } })
    expect(await s.post('/api/fn/user', '{"action":"nope"}')).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_ACTION' } } })
    expect(await s.post('/api/fn/user', '{"action":"toString"}')).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_ACTION' } } })
    expect(await s.post('/api/fn/__proto__', '{"action":"login"}')).toMatchObject({ status: 404, body: { error: { code: 'UNKNOWN_FUNCTION' } } })
  })

  it('a missing action or a non-JSON content type → MALFORMED_REQUEST', async () => {
    expect(await s.post('/api/fn/user', '{"data":{}}')).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED_REQUEST' } } })
    const res = await fetch(`${s.url}/api/fn/user`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'MALFORMED_REQUEST' } })
  })

  it('a forged or garbled token is UNAUTHENTICATED, never another user', async () => {
    const token = await s.login('someone')
    const [payload] = token.split('.')
    const forged = `${Buffer.from(JSON.stringify({ openid: 'demo-admin', exp: Date.now() + 1e6 })).toString('base64url')}.${token.split('.')[1]}`
    for (const t of [forged, `${payload}.x`, 'garbage', '']) {
      const res = await s.call('user', 'getProfile', {}, { token: t || 'x.y' })
      expect(res).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } })
    }
  })

  it('identity comes from the session, never the body', async () => {
    const token = await s.login('body-claimer')
    const res = await s.post('/api/fn/user', JSON.stringify({ action: 'getProfile', data: {}, openid: 'demo-admin', userInfo: { openId: 'demo-admin' } }), { authorization: `Bearer ${token}` })
    expect(res).toMatchObject({ status: 200, body: { ok: true, data: { roles: { admin: false } } } })
  })

  it('dev login validates its input', async () => {
    expect(await s.post('/api/dev/login', '{"openid":""}')).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', fields: { openid: expect.any(String) } } } })
  })

  it('unknown API paths are typed errors', async () => {
    const res = await fetch(`${s.url}/api/nothing`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
  })
})
