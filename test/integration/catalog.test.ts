import { ERROR_CODES, type Envelope } from '~types/errors'
import { ROLES } from '~types/roles'
import type { CatalogEntry } from '../../server/catalog'
import { startTestServer, type TestServer } from '../support/server'

/**
 * Generic tests driven by the catalog: they cover every action that exists now and every one added later,
 * without naming any of them.
 */
let s: TestServer
let catalog: CatalogEntry[]
let tokens: { worker: string; super: string }

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  catalog = (await (await fetch(`${s.url}/api/catalog`)).json()) as CatalogEntry[]
  // One caller who holds every role, so input validation is reached for every action.
  const superToken = await s.login('demo-admin')
  await s.runtime.db.collection('users').where({ openid: 'demo-admin' }).update({
    'roles.staff': [{ districtCode: '320102', services: ['academy', 'insurance', 'legalAid', 'volunteer', 'station'], grantedAt: new Date(), grantedBy: 'test' }],
  })
  tokens = { worker: await s.login('demo-rider'), super: superToken }
})
afterAll(() => s.close())

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[] }

/** A value of the wrong JSON type for a schema. */
function wrongTypeFor(schema: Schema): unknown {
  return schema.type === 'number' || schema.type === 'integer' ? 'not-a-number' : schema.type === 'array' ? { not: 'array' } : 12345
}

function expectTypedFailure(res: { status: number; body: Envelope<unknown> }, code?: string) {
  expect(res.status).not.toBe(500)
  expect(res.body.ok).toBe(false)
  if (!res.body.ok) {
    expect(ERROR_CODES).toContain(res.body.error.code)
    if (code) expect(res.body.error.code).toBe(code)
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/)
  }
}

// Every action of every function, one call after another: the two sweeps below grow with the catalog.
describe('the catalog', () => {
  it('lists every action with roles, writes and a JSON Schema input', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(9)
    for (const e of catalog) {
      expect(e.roles.length).toBeGreaterThan(0)
      for (const r of e.roles) expect(ROLES).toContain(r)
      expect(typeof e.writes).toBe('boolean')
      expect(e.input).toMatchObject({ type: 'object' })
    }
  })

  it('every non-public action refuses a caller without identity: UNAUTHENTICATED', async () => {
    for (const e of catalog.filter((x) => !x.roles.includes('public'))) {
      const res = await s.call(e.function, e.action, {})
      expect({ action: `${e.function}.${e.action}`, status: res.status }).toEqual({ action: `${e.function}.${e.action}`, status: 401 })
      expectTypedFailure(res, 'UNAUTHENTICATED')
    }
  })

  it('every staff- or admin-only action refuses a worker: FORBIDDEN', async () => {
    const restricted = catalog.filter((x) => !x.roles.includes('worker') && !x.roles.includes('public'))
    expect(restricted.length).toBeGreaterThan(0)
    for (const e of restricted) expectTypedFailure(await s.call(e.function, e.action, {}, { token: tokens.worker }), 'FORBIDDEN')
  })

  it('every service-scoped action refuses staff without that service: FORBIDDEN', async () => {
    // Demo staff: 顾敏 holds every service in 南通崇川; 钱伟 legal aid, volunteer and stations in 无锡梁溪.
    const wuxi = await s.login('demo-staff-wuxi')
    const wuxiServices = ['legalAid', 'volunteer', 'station']
    for (const e of catalog.filter((x) => x.service && !wuxiServices.includes(x.service))) {
      expectTypedFailure(await s.call(e.function, e.action, {}, { token: wuxi }), 'FORBIDDEN')
    }
  })

  it('every action answers garbage input with INVALID_INPUT naming the fields', async () => {
    for (const e of catalog) {
      const schema = e.input as Schema
      const garbage: unknown[] = ['garbage', 42, [], null, { surely_not_a_field: true }]
      for (const [name, prop] of Object.entries(schema.properties ?? {})) garbage.push({ [name]: wrongTypeFor(prop) })
      for (const data of garbage) {
        const res = await s.call(e.function, e.action, data, { token: tokens.super })
        expectTypedFailure(res, 'INVALID_INPUT')
        if (!res.body.ok) expect(Object.keys(res.body.error.fields ?? {}).length).toBeGreaterThan(0)
      }
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        const res = await s.call(e.function, e.action, { [name]: wrongTypeFor(prop) }, { token: tokens.super })
        expect({ action: `${e.function}.${e.action}`, field: name, ok: res.body.ok }).toEqual({ action: `${e.function}.${e.action}`, field: name, ok: false })
        if (!res.body.ok) expect(Object.keys(res.body.error.fields ?? {}).some((f) => f === name || f.startsWith(`${name}.`))).toBe(true)
      }
    }
  }, 60_000)

  it('never answers 500, whatever the body', async () => {
    const bodies = ['{}', '[]', 'null', '"x"', '{"action":1}', '{"action":"login","requestId":7}', '{"action":"__proto__"}', '{"action":"constructor"}', '{"action":"login","data":{"__proto__":{"admin":true}}}']
    for (const e of catalog) bodies.push(JSON.stringify({ action: e.action, data: { deep: { deeper: [1, 2, { x: null }] } }, requestId: 'r'.repeat(200) }))
    for (const body of bodies) {
      for (const fn of [...new Set(catalog.map((e) => e.function))]) {
        const res = await s.post(`/api/fn/${fn}`, body, { authorization: `Bearer ${tokens.super}` })
        expect(res.status).not.toBe(500)
        expect(res.status).not.toBe(200)
      }
    }
  }, 60_000)
})
