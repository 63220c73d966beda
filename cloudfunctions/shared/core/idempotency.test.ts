import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalDatabase, type LocalDatabase } from '../db/local'
import { AppError } from './app-error'
import { IDEMPOTENCY, purgeIdempotencyKeys, runOnce } from './idempotency'

let local: LocalDatabase
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nx-idem-'))
  local = openLocalDatabase({ file: join(dir, 'db.sqlite') })
})
afterEach(() => {
  local.close()
  rmSync(dir, { recursive: true, force: true })
})

const t0 = new Date('2026-11-29T02:00:00Z')

test('runs once per key; a replay gets the stored result; another content with the key is refused', async () => {
  let runs = 0
  const run = async () => ({ n: ++runs })
  expect(await runOnce(local.db, 'k', { a: 1 }, t0, run)).toEqual({ n: 1 })
  expect(await runOnce(local.db, 'k', { a: 1 }, t0, run)).toEqual({ n: 1 })
  await expect(runOnce(local.db, 'k', { a: 2 }, t0, run)).rejects.toMatchObject({ code: 'CONFLICT' })
  expect(runs).toBe(1)
})

test('a failed run releases the key, and its error is the one the caller sees', async () => {
  await expect(runOnce(local.db, 'k', {}, t0, async () => { throw new AppError('INVALID_INPUT', 'bad') })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  expect(await runOnce(local.db, 'k', {}, t0, async () => 'second try')).toBe('second try')
})

test('a key left pending by a dead instance is taken over once stale, by exactly one caller', async () => {
  await local.db.collection(IDEMPOTENCY).add({ _id: createHash('sha256').update('k').digest('hex'), state: 'pending', fingerprint: 'x', createdAt: t0 })
  const fresh = new Date(t0.getTime() + 5_000)
  await expect(runOnce(local.db, 'k', {}, fresh, async () => 'too early')).rejects.toMatchObject({ code: 'CONFLICT' })
  const later = new Date(t0.getTime() + 61_000)
  let runs = 0
  const results = await Promise.allSettled([1, 2, 3].map(() => runOnce(local.db, 'k', {}, later, async () => ++runs)))
  expect(runs).toBe(1)
  // One ran it; the others replayed its result or were told it is still being processed — none ran it again.
  const values = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
  expect(values.length).toBeGreaterThan(0)
  expect(new Set(values)).toEqual(new Set([1]))
  for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' })
}, 20_000)

test('old keys (and the results they hold) are purged after a day; recent ones stay', async () => {
  await runOnce(local.db, 'old', {}, t0, async () => ({ name: '周小勇' }))
  const later = new Date(t0.getTime() + 25 * 3600 * 1000)
  await runOnce(local.db, 'new', {}, later, async () => 'recent')
  expect(await purgeIdempotencyKeys(local.db, later)).toBe(1)
  expect((await local.db.collection(IDEMPOTENCY).count()).total).toBe(1)
})
