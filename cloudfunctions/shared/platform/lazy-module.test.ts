import { deferredCall, lazyModule } from './lazy-module'

// What the build makes of `const x_1 = require("x")` in the SDK: each way TypeScript's CommonJS output reads an
// import must behave as on the module itself, and the module must load only at the first read.
class Agent {
  constructor(readonly host: string) {}
}
const load = () => {
  loads++
  return { __esModule: true, default: { get: (url: string) => `GET ${url}` }, sign: (s: string) => `signed:${s}`, Agent, counter: 1 }
}
let loads = 0
beforeEach(() => (loads = 0))

test('loads on the first property read, once', () => {
  const m = lazyModule(load)
  expect(loads).toBe(0)
  expect(m.default.get('/a')).toBe('GET /a')
  expect((0, m.sign)('x')).toBe('signed:x')
  expect(new m.Agent('h')).toBeInstanceOf(Agent)
  expect(loads).toBe(1)
})

test('reads, writes, `in` and key listing reach the module', () => {
  const m = lazyModule(load)
  expect('sign' in m).toBe(true)
  m.counter = 2
  expect(m.counter).toBe(2)
  expect(Object.keys(m)).toEqual(['__esModule', 'default', 'sign', 'Agent', 'counter'])
  // TypeScript's __importStar copies the properties through their descriptors.
  expect(Object.getOwnPropertyDescriptor(m, 'sign')).toMatchObject({ value: expect.any(Function), enumerable: true })
  expect({ ...m }.sign('y')).toBe('signed:y')
  expect(loads).toBe(1)
})

test('a deferred call evaluates its arguments at once and makes the call on first use', () => {
  const made: unknown[][] = []
  const client = deferredCall((base: string, opts: { retries: number }) => {
    made.push([base, opts])
    return { base, list: () => [base] }
  })
  const models = client('https://x/v1/model', { retries: 2 })
  expect(made).toEqual([])
  expect(models.list()).toEqual(['https://x/v1/model'])
  expect(models.base).toBe('https://x/v1/model')
  expect(made).toEqual([['https://x/v1/model', { retries: 2 }]])
})
