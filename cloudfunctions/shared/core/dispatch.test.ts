import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { action } from '~types/contract'
import { PRIVACY_GUIDE } from '~types/privacy'
import { Empty } from '~types/user.schema'
import { openLocalDatabase, type LocalDatabase } from '../db/local'
import { createVault } from '../security/vault'
import { USERS } from '../user/user.doc'
import type { Runtime } from './context'
import { defineFunction } from './define-function'
import { dispatch } from './dispatch'

/** The dispatcher's service gate, on a function made for the test: staff of the declared service only. */
let local: LocalDatabase
let dir: string
let rt: Runtime
const profile = { realName: '测试', idNumberSealed: 'x', idNumberMasked: 'x', mobile: '13800000000', occupation: '其他', platform: 'x', cityCode: '3206', districtCode: '320613' }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nx-dispatch-'))
  local = openLocalDatabase({ file: join(dir, 'db.sqlite') })
  rt = { stage: 'local', db: local.db, vault: createVault(randomBytes(32)), log: () => undefined, now: () => new Date(), bootstrapAdmins: new Set() }
  const user = (openid: string, services: string[]) => ({
    _id: openid, openid, createdAt: new Date(), updatedAt: new Date(), profile, privacyVersion: PRIVACY_GUIDE.version, consents: [],
    roles: { admin: false, staff: services.length ? [{ districtCode: '320613', services, grantedAt: new Date(), grantedBy: 'a' }] : [] },
  })
  for (const u of [user('academy-staff', ['academy']), user('legal-staff', ['legalAid']), user('worker', [])]) await local.db.collection(USERS).add(u)
})
afterAll(() => {
  local.close()
  rmSync(dir, { recursive: true, force: true })
})

const contract = {
  listCourses: action<string>()({ input: Empty, roles: ['staff'], service: 'academy', writes: false, summary: 'test' }),
  anyStaff: action<string>()({ input: Empty, roles: ['staff'], writes: false, summary: 'test' }),
}
const mod = defineFunction('academyTest', contract, { listCourses: async () => 'courses', anyStaff: async () => 'any' })

test('an action declaring a service admits staff of that service only; without one, staff of any service', async () => {
  expect(await dispatch(mod, { action: 'listCourses' }, { openid: 'academy-staff' }, rt)).toEqual({ ok: true, data: 'courses' })
  expect(await dispatch(mod, { action: 'listCourses' }, { openid: 'legal-staff' }, rt)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await dispatch(mod, { action: 'listCourses' }, { openid: 'worker' }, rt)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await dispatch(mod, { action: 'anyStaff' }, { openid: 'legal-staff' }, rt)).toEqual({ ok: true, data: 'any' })
})
