import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions, functionNames, SDK_EXTRAS } from '../../scripts/build-functions'
import { PRIVACY_GUIDE } from '~types/privacy'
import { FUNCTIONS } from '../../cloudfunctions/shared/functions'
import { demoIdNumber } from '../../server/demo-id'
import { WAGES_REQUEST } from '../support/requests'
import { startCloudBaseStub, STUB_ENV_ID, type CloudBaseStub, type RecordedRequest } from '../../cloudfunctions/shared/platform/cloudbase-stub'

/**
 * Every deployable bundle itself, loaded as CloudBase would load it: in this process for what happens before any
 * database call (the deploy layout, the identity gate, the size guard, the fail-closed key check), and in a fresh
 * process from a copy of its folder with no node_modules anywhere above it, talking to CloudBase's HTTP API as
 * served by the CloudBase stub — the SDK bundled into it does the signing and the transport, and is compared with
 * the SDK installed from npm doing the same calls.
 */
const root = join(__dirname, '..', '..')
type Main = (event: unknown, context: unknown) => Promise<unknown>
const mains: Record<string, Main> = {}
/** The previous layout (SDK left to package.json), for comparison; inside the repo so node_modules resolves. */
const externalRoot = join(root, 'node_modules/.cache/nuanxin-bundle-test')
const SDK_VERSION: string = JSON.parse(readFileSync(join(root, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')).version

beforeAll(async () => {
  await buildFunctions()
  await buildFunctions({ sdk: 'external', outRoot: externalRoot })
  for (const name of functionNames()) mains[name] = (require(join(root, `dist/cloudfunctions/${name}/index.js`)) as { main: Main }).main
}, 120_000)

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

// A representative action of each function, for the calls below; for a function not listed, its first action that
// needs a user.
const ACTION: Record<string, string> = { user: 'getProfile', application: 'listMine', legalAid: 'submit' }
const actionOf = (name: string) =>
  ACTION[name] ?? Object.entries(FUNCTIONS[name as keyof typeof FUNCTIONS].actions).find(([, a]) => !a.spec.roles.includes('public') && !a.spec.createsUser)![0]

describe.each(functionNames())('the deployable %s function', (name) => {
  const main: Main = (event, context) => mains[name](event, context)
  it('has the layout tcb fn deploy expects, the SDK inside and nothing to install', () => {
    const dir = join(root, `dist/cloudfunctions/${name}`)
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'index.js', 'package.json', SDK_EXTRAS].sort())
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({ main: 'index.js', dependencies: {} })
    const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'))
    expect(rc.functions).toEqual(expect.arrayContaining([expect.objectContaining({ name, handler: 'index.main' })]))
    for (const file of ['index.js', SDK_EXTRAS]) expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/better-sqlite3|mingo|fastify/)
    // The one place the SDK read a file beside itself (its version, for the User-Agent) is written in at build time.
    expect(readFileSync(join(dir, 'index.js'), 'utf8')).not.toMatch(/package\.json/)
  })

  it('fails closed without the master key', async () => {
    const operatorLog = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      expect(await main({ action: actionOf(name), data: {} }, {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
      expect(JSON.parse(String(operatorLog.mock.calls[0][0]))).toMatchObject({ level: 'error', where: 'config', message: 'NUANXIN_MASTER_KEY is not set' })
    } finally {
      operatorLog.mockRestore()
    }
  })

  it('ignores identity claimed in the event: no platform OPENID, no service', async () => {
    process.env.NUANXIN_MASTER_KEY = randomBytes(32).toString('base64')
    const event = { action: actionOf(name), data: {}, openid: 'demo-admin', userInfo: { openId: 'demo-admin' } }
    for (const context of [{}, { environment: JSON.stringify({ WX_APPID: 'wx1' }) }, null]) {
      expect(await main(event, context)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
  })

  it('answers typed errors for an oversized or malformed event', async () => {
    process.env.NUANXIN_MASTER_KEY = randomBytes(32).toString('base64')
    expect(await main({ action: actionOf(name), data: { pad: 'x'.repeat(70_000) } }, {})).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
    expect(await main({ data: {} }, {})).toMatchObject({ error: { code: 'MALFORMED_REQUEST' } })
    expect(await main({ action: 'nope' }, {})).toMatchObject({ error: { code: 'UNKNOWN_ACTION' } })
  })
})

// ---------------------------------------------------------------------------------------------------------------
// A fresh instance, against CloudBase's HTTP API.

interface Call {
  fn: string
  action: string
  data?: unknown
  requestId?: string
  openid?: string
}

interface InstanceRun {
  answers: unknown[]
  /** Files of the function folder the process loaded (relative names). */
  loaded: string[]
}

/**
 * One fresh `node` per run, as a new instance: `calls` are made in order on the bundles in `dir`, each with the
 * caller's OPENID in the context as CloudBase passes it; the process sees the stub's platform variables.
 */
function runInstance(dir: string, calls: Call[], stub: CloudBaseStub, extra = ''): Promise<InstanceRun> {
  const script = `
const dir = ${JSON.stringify(dir)}
const calls = ${JSON.stringify(calls)}
;(async () => {
  const answers = []
  for (const c of calls) {
    const { main } = require(dir + '/' + c.fn + '/index.js')
    const context = c.openid ? { environment: JSON.stringify({ WX_OPENID: c.openid, WX_APPID: 'wx-test' }) } : {}
    answers.push(await main({ action: c.action, data: c.data ?? {}, requestId: c.requestId }, context))
  }
  ${extra}
  const loaded = Object.keys(require.cache).filter((f) => f.startsWith(dir + '/')).map((f) => f.slice(dir.length + 1)).sort()
  process.stderr.write('RESULT ' + JSON.stringify({ answers, loaded }) + '\\n')
})().catch((e) => { process.stderr.write('FAILED ' + (e && e.stack || e) + '\\n'); process.exit(1) })`
  // Nothing of this process's environment that could point the SDK elsewhere: only what an instance has.
  const env = { PATH: process.env.PATH ?? '', ...stub.env, NUANXIN_MASTER_KEY: MASTER_KEY }
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { env, cwd: dir, timeout: 30_000 }, (error, _stdout, stderr) => {
      const line = stderr.split('\n').find((l) => l.startsWith('RESULT '))
      if (error || !line) return reject(new Error(`instance failed: ${error?.message ?? ''}\n${stderr}`))
      resolve(JSON.parse(line.slice(7)) as InstanceRun)
    })
  })
}

const MASTER_KEY = randomBytes(32).toString('base64')
const WORKER = 'o-bundle-test-worker'
/**
 * A worker's first session: sign-in (the user created in a transaction), the profile with an ID number (encrypted,
 * its uniqueness hash claimed), a legal-aid request (case number counter, application, audit, inbox, notice outbox),
 * the reads after it, and a caller with no account.
 */
const SESSION: Call[] = [
  { fn: 'user', action: 'login', openid: WORKER },
  {
    fn: 'user', action: 'saveProfile', openid: WORKER, requestId: 'bundle-test-profile',
    data: {
      realName: '周小勇', mobile: '13900001000', occupation: '外卖配送员', platform: '美团外卖', districtCode: '320613',
      idNumber: demoIdNumber('320613', '1997-02-03', 7), consents: { privacyVersion: PRIVACY_GUIDE.version, sensitive: true },
    },
  },
  { fn: 'legalAid', action: 'submit', openid: WORKER, requestId: 'bundle-test-submit', data: WAGES_REQUEST },
  { fn: 'application', action: 'listMine', openid: WORKER },
  { fn: 'user', action: 'listMessages', openid: WORKER },
  { fn: 'user', action: 'getProfile', openid: 'o-bundle-test-nobody' },
]

/** What must be the same whichever copy of the SDK sent it (the clock, ids and the signature itself aside). */
function shape(r: RecordedRequest) {
  const h = r.headers
  const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/\d{4}-\d{2}-\d{2}\/tcb\/tc3_request, SignedParams=([^,]*), SignedHeaders=([^,]*), Signature=[0-9a-f]{64}$/.exec(String(h.authorization))
  return {
    method: r.method,
    path: r.path,
    query: Object.keys(r.query).sort(),
    env: r.query.env,
    headers: Object.keys(h).filter((k) => !['host', 'connection'].includes(k)).sort(),
    fixed: { ua: h['user-agent'], sdk: h['x-sdk-version'], source: h['x-tcb-source'], type: h['content-type'], region: h['x-tcb-region'], expires: h['x-signature-expires'] },
    authorization: auth && { credential: auth[1], signedParams: auth[2], signedHeaders: auth[3] },
    action: r.body.action,
    collection: r.body.collectionName,
    body: Object.keys(r.body).sort(),
  }
}

describe('a fresh instance of each bundle, on CloudBase’s HTTP API (the CloudBase stub)', () => {
  let bundledDir: string
  beforeAll(() => {
    // A copy outside the repo: no node_modules to fall back on, as on CloudBase with nothing installed.
    bundledDir = mkdtempSync(join(tmpdir(), 'nuanxin-fn-'))
    for (const name of functionNames()) cpSync(join(root, 'dist/cloudfunctions', name), join(bundledDir, name), { recursive: true })
  })
  afterAll(() => rmSync(bundledDir, { recursive: true, force: true }))

  it('signs in, reads and answers through its own SDK, exactly as the SDK from npm does', async () => {
    const stubs = [await startCloudBaseStub(), await startCloudBaseStub()]
    try {
      const [bundled, external] = await Promise.all([runInstance(bundledDir, SESSION, stubs[0]), runInstance(externalRoot, SESSION, stubs[1])])
      expect(existsSync(join(externalRoot, 'user/package.json')) && JSON.parse(readFileSync(join(externalRoot, 'user/package.json'), 'utf8')).dependencies).toEqual({
        '@cloudbase/node-sdk': expect.any(String),
      })
      type Answer = { ok: boolean; data?: Record<string, unknown> & { items?: unknown[] }; error?: { code: string } }
      const [login, profile, submit, mine, messages, nobody] = bundled.answers as Answer[]
      expect(login).toMatchObject({ ok: true, data: { profile: null, ready: false } })
      expect(profile).toMatchObject({ ok: true, data: { id: login.data!.id, ready: true } })
      expect(submit).toMatchObject({ ok: true, data: { caseNo: expect.any(String) } })
      expect(mine).toMatchObject({ ok: true })
      expect(JSON.stringify(mine.data)).toContain(String(submit.data!.caseNo))
      expect(messages.data!.items!.length).toBeGreaterThan(0)
      expect(nobody).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      // The same answers as the npm SDK gives (generated ids and times aside).
      const strip = (v: unknown) => JSON.stringify(v).replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"<time>"').replace(/"[0-9a-f]{24,32}"/g, '"<id>"')
      expect(strip(bundled.answers)).toEqual(strip(external.answers))

      const [sent, expected] = stubs.map((s) => s.requests.map(shape))
      expect(sent.length).toBeGreaterThanOrEqual(SESSION.length)
      expect(sent).toEqual(expected)
      for (const r of sent) {
        expect(r).toMatchObject({ method: 'POST', path: '/admin', env: STUB_ENV_ID })
        expect(r.fixed).toMatchObject({ ua: `tcb-node-sdk/${SDK_VERSION}`, sdk: `tcb-node-sdk/${SDK_VERSION}`, source: ',scf' })
        expect(r.authorization).toMatchObject({ credential: stubs[0].env.TENCENTCLOUD_SECRETID })
      }
      // The sign-in writes in a transaction, as it does through the npm SDK.
      expect(sent.map((r) => r.action)).toEqual(expect.arrayContaining(['database.startTransaction', 'database.commitTransaction']))
    } finally {
      await Promise.all(stubs.map((s) => s.close()))
    }
  }, 60_000)

  it('never reads sdk-extras.js for database work, and everything in it still loads on demand', async () => {
    const stub = await startCloudBaseStub()
    try {
      const extras = `
  const beforeExtras = Object.keys(require.cache).some((f) => f.endsWith('/${SDK_EXTRAS}'))
  if (beforeExtras) throw new Error('${SDK_EXTRAS} was loaded by database work')
  const packages = require(dir + '/user/${SDK_EXTRAS}')
  for (const [name, load] of Object.entries(packages)) if (load() == null) throw new Error(name + ' did not load')
  answers.push(Object.keys(packages).sort())`
      const run = await runInstance(bundledDir, SESSION.slice(0, 2), stub, extras)
      expect(run.answers[0]).toMatchObject({ ok: true })
      expect(run.answers[2]).toEqual(expect.arrayContaining(['@cloudbase/ai', '@cloudbase/wx-cloud-client-sdk', 'axios', 'jsonwebtoken', 'xml2js']))
      expect(run.loaded).toEqual(['user/index.js', `user/${SDK_EXTRAS}`])
    } finally {
      await stub.close()
    }
  }, 60_000)
})
