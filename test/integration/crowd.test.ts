import type { ApplicationView } from '~types/application.schema'
import { submitLegalAid } from '../../cloudfunctions/shared/legal-aid/legal-aid.submit'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { okData, WAGES_REQUEST } from '../support/requests'
import { validProfile } from '../support/profiles'
import { startTestServer, type TestServer } from '../support/server'

/**
 * A crowd on one document: every submission of a day draws its case number from one counter. With the engine
 * refusing conflicting writes as CloudBase does, 200 riders filing at once must all get through, each with its own
 * number, none twice — the retry with backoff (db/transaction.ts) holds where node-sdk's three quick retries do not.
 */
let s: TestServer
beforeAll(async () => {
  s = await startTestServer()
})
afterAll(() => s.close())

test('200 riders filing at the same moment all get a case number, all different, with no gap', async () => {
  const N = 200
  const tokens: string[] = []
  for (let i = 0; i < N; i++) {
    const token = await s.login(`crowd-${i}`)
    await okData(s.call('user', 'saveProfile', validProfile(200 + i, { mobile: `137${String(i).padStart(8, '0')}` }), { token }))
    tokens.push(token)
  }
  // Straight into the service, all at once: over HTTP one server process spreads them out more than a scaled-out
  // CloudBase would.
  const users = await Promise.all(tokens.map((_, i) => findUserByOpenid(s.runtime.db, `crowd-${i}`)))
  const started = Date.now()
  const results = await Promise.allSettled(users.map((u) => submitLegalAid(s.runtime, u!, WAGES_REQUEST)))
  const ms = Date.now() - started
  expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  const views = results.map((r) => (r as PromiseFulfilledResult<ApplicationView>).value)
  const serials = views.map((v) => Number(v.caseNo.slice(-4))).sort((a, b) => a - b)
  expect(serials).toEqual(Array.from({ length: N }, (_, i) => i + 1))
  console.log(`crowd: ${N} simultaneous submissions in ${ms} ms`)
}, 120_000)
