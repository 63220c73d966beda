import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildFunctions, functionNames } from '../../scripts/build-functions'
import { FUNCTIONS } from '../../cloudfunctions/shared/functions'

/**
 * Every deployable bundle itself, loaded as CloudBase would load it. Offline we cannot reach a CloudBase database,
 * so this covers what happens before any database call: the deploy layout, the identity gate, the size guard
 * and the fail-closed key check.
 */
const root = join(__dirname, '..', '..')
type Main = (event: unknown, context: unknown) => Promise<unknown>
const mains: Record<string, Main> = {}

beforeAll(async () => {
  await buildFunctions()
  for (const name of functionNames()) mains[name] = (require(join(root, `dist/cloudfunctions/${name}/index.js`)) as { main: Main }).main
}, 60_000)

test('every function the local server serves is a deployable folder, and the other way round', () => {
  expect(functionNames().sort()).toEqual(Object.keys(FUNCTIONS).sort())
})

let callLog: jest.SpyInstance
beforeEach(() => {
  // One JSON line per call goes to stdout on CloudBase; keep it out of the test output.
  callLog = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  callLog.mockRestore()
  delete process.env.NUANXIN_MASTER_KEY
  delete process.env.WX_OPENID
})

// A representative action of each function, for the calls below (each must exist in that function).
const ACTION: Record<string, string> = { user: 'getProfile', application: 'listMine', legalAid: 'submit' }

describe.each(functionNames())('the deployable %s function', (name) => {
  const main: Main = (event, context) => mains[name](event, context)
  it('has the layout tcb fn deploy expects', () => {
    const dir = join(root, `dist/cloudfunctions/${name}`)
    for (const f of ['index.js', 'package.json', 'config.json']) expect(existsSync(join(dir, f))).toBe(true)
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(Object.keys(pkg.dependencies)).toEqual(['@cloudbase/node-sdk'])
    const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'))
    expect(rc.functions).toEqual(expect.arrayContaining([expect.objectContaining({ name, handler: 'index.main' })]))
    expect(readFileSync(join(dir, 'index.js'), 'utf8')).not.toMatch(/better-sqlite3|mingo|fastify/)
  })

  it('fails closed without the master key', async () => {
    const operatorLog = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      expect(await main({ action: ACTION[name], data: {} }, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
      expect(JSON.parse(String(operatorLog.mock.calls[0][0]))).toMatchObject({ level: 'error', where: 'config', message: 'NUANXIN_MASTER_KEY is not set' })
    } finally {
      operatorLog.mockRestore()
    }
  })

  it('ignores identity claimed in the event: no platform OPENID, no service', async () => {
    process.env.NUANXIN_MASTER_KEY = randomBytes(32).toString('base64')
    const event = { action: ACTION[name], data: {}, openid: 'demo-admin', userInfo: { openId: 'demo-admin' } }
    for (const context of [{}, { environment: JSON.stringify({ WX_APPID: 'wx1' }) }, null]) {
      expect(await main(event, context)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
  })

  it('answers typed errors for an oversized or malformed event', async () => {
    process.env.NUANXIN_MASTER_KEY = randomBytes(32).toString('base64')
    expect(await main({ action: ACTION[name], data: { pad: 'x'.repeat(70_000) } }, {})).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
    expect(await main({ data: {} }, {})).toMatchObject({ error: { code: 'MALFORMED_REQUEST' } })
    expect(await main({ action: 'nope' }, {})).toMatchObject({ error: { code: 'UNKNOWN_ACTION' } })
  })
})
