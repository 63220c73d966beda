import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApplicationView } from '~types/application.schema'
import type { LegalAidInput } from '~types/legal-aid.schema'
import { demoIdNumber } from '../../server/demo-id'
import { DEMO_PEOPLE } from '../../server/seed'
import { okData, WAGES_REQUEST } from '../support/requests'
import { startTestServer, type TestServer } from '../support/server'
import { TINY_PDF } from '../support/files'
import { validProfile } from '../support/profiles'

/**
 * "ID numbers are encrypted at rest", checked the way an attacker with a copy of the data folder would: every byte
 * of every file in it (database, WAL, uploads), after every step of a session, searched for the numbers in clear and
 * as unkeyed hashes. The log lines of the session are searched too.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'nuanxin-at-rest-'))
let s: TestServer
let token: string
let staff: string
const first = validProfile(41)
const second = demoIdNumber('320613', '1995-06-15', 43)
const demoNumbers = DEMO_PEOPLE.map((p, i) => demoIdNumber(p.districtCode, p.birth, 101 + i * 2))
const secrets = [first.idNumber, second, ...demoNumbers]

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Every way a number could be found without the key: as text (UTF-8, UTF-16) and as an unkeyed SHA-256. */
function needles(id: string): Buffer[] {
  const sha = createHash('sha256').update(id).digest()
  return [Buffer.from(id), Buffer.from(id, 'utf16le'), sha, Buffer.from(sha.toString('hex')), Buffer.from(sha.toString('base64')), Buffer.from(sha.toString('base64url'))]
}

let out: jest.SpyInstance
let err: jest.SpyInstance
/** What the process wrote while the server ran (spies that pass everything through). */
const captured = () => [...out.mock.calls, ...err.mock.calls].map((c) => String(c[0])).join('')
function expectNothingAtRest(step: string) {
  const found: string[] = []
  for (const file of filesUnder(dataDir)) {
    const bytes = readFileSync(file)
    for (const id of secrets) if (needles(id).some((n) => bytes.includes(n))) found.push(`${file.slice(dataDir.length)}: ${id.slice(0, 6)}…`)
  }
  const logs = JSON.stringify(s.logs) + captured()
  for (const id of secrets) if (logs.includes(id)) found.push(`log: ${id.slice(0, 6)}…`)
  expect({ step, found }).toEqual({ step, found: [] })
}

const ok = okData

let stopped = false
beforeAll(async () => {
  out = jest.spyOn(process.stdout, 'write')
  err = jest.spyOn(process.stderr, 'write')
  s = await startTestServer({ seed: true, dataDir })
  token = await s.login('at-rest-rider')
  staff = await s.login('demo-staff-nantong')
})
afterAll(async () => {
  out.mockRestore()
  err.mockRestore()
  if (!stopped) await s.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('no ID number rests in clear or as an unkeyed hash, in any file of the data folder or the log, at any step', async () => {
  expectNothingAtRest('seeded')

  await ok(s.call('user', 'saveProfile', first, { token, requestId: 'p1' }))
  expectNothingAtRest('profile saved')
  await ok(s.call('user', 'saveProfile', first, { token, requestId: 'p1' }))
  expectNothingAtRest('profile save replayed')

  const { idNumber: _kept, ...withoutNumber } = first
  await ok(s.call('user', 'saveProfile', { ...withoutNumber, mobile: '13912345678' }, { token, requestId: 'p2' }))
  expectNothingAtRest('profile edited, number kept')
  await ok(s.call('user', 'saveProfile', { ...first, idNumber: second }, { token, requestId: 'p3' }))
  expectNothingAtRest('profile edited, number changed')

  const res = await fetch(`${s.url}/api/files`, { method: 'POST', headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` }, body: TINY_PDF })
  const { data: file } = (await res.json()) as { data: { fileId: string } }
  const request: LegalAidInput = { ...WAGES_REQUEST, attachments: [file.fileId] }
  const filed = await ok<ApplicationView>(s.call('legalAid', 'submit', request, { token, requestId: 'a1' }))
  expectNothingAtRest('legal aid filed')

  const shown = await ok<{ idNumber: string }>(s.call('application', 'revealIdNumber', { id: filed.id }, { token: staff, requestId: 'r1' }))
  expect(shown.idNumber).toBe(second)
  await ok(s.call('application', 'revealIdNumber', { id: filed.id }, { token: staff, requestId: 'r1' }))
  expectNothingAtRest('number revealed, twice')

  stopped = true
  await s.close()
  expectNothingAtRest('clean stop')
})
