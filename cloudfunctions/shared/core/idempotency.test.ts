import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalDatabase, type LocalDatabase } from '../db/local'
import { createVault } from '../security/vault'
import { AppError } from './app-error'
import { inTransaction } from '../db/transaction'
import type { Transaction } from './context'
import { IDEMPOTENCY, idempotencyId, purgeIdempotencyKeys, runOnce, runOnceWithin, type ReplayRecorder, type ReplayStore } from './idempotency'

let local: LocalDatabase
let dir: string
let store: ReplayStore
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nx-idem-'))
  local = openLocalDatabase({ file: join(dir, 'db.sqlite') })
  store = { db: local.db, vault: createVault(randomBytes(32)) }
})
afterEach(() => {
  local.close()
  rmSync(dir, { recursive: true, force: true })
})

const t0 = new Date('2026-11-29T02:00:00Z')
const value = <T>(o: { ran: boolean; result?: T; kept?: unknown }) => (o.ran ? o.result : o.kept)

test('runs once per key; a replay gets what was kept; another content with the key is refused', async () => {
  let runs = 0
  const run = async () => ({ n: ++runs })
  expect(await runOnce(store, 'k', { a: 1 }, t0, run)).toEqual({ ran: true, result: { n: 1 } })
  expect(await runOnce(store, 'k', { a: 1 }, t0, run)).toEqual({ ran: false, kept: { n: 1 } })
  await expect(runOnce(store, 'k', { a: 2 }, t0, run)).rejects.toMatchObject({ code: 'CONFLICT' })
  expect(runs).toBe(1)
})

test('keeps only what `keep` picks of the answer', async () => {
  await runOnce(store, 'k', {}, t0, async () => ({ id: 'a1', name: '周小勇' }), (r) => ({ id: r.id }))
  expect(await runOnce(store, 'k', {}, t0, async () => ({ id: 'x', name: 'x' }))).toEqual({ ran: false, kept: { id: 'a1' } })
})

test('nothing in the store is personal data in clear or an unkeyed hash: the input and the answer are unreadable without the key', async () => {
  const idNumber = '32061319940312101X'
  await runOnce(store, 'caller|user.saveProfile|r1', { idNumber }, t0, async () => ({ idNumber }))
  local.close()
  const bytes = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))))
  expect(bytes.includes(idNumber)).toBe(false)
  expect(bytes.includes('caller')).toBe(false)
  local = openLocalDatabase({ file: join(dir, 'db.sqlite') })
  const { data } = await local.db.collection(IDEMPOTENCY).get()
  expect(data).toHaveLength(1)
  const doc = data[0] as Record<string, string>
  // Keyed: another key gives other values, so a copy of the database cannot be searched by guessing inputs.
  const other = createVault(randomBytes(32))
  expect(doc._id).toBe(idempotencyId(store.vault, 'caller|user.saveProfile|r1'))
  expect(doc._id).not.toBe(idempotencyId(other, 'caller|user.saveProfile|r1'))
  expect(() => other.open('idempotency/result', doc.kept)).toThrow()
})

test('a failed run releases the key, and its error is the one the caller sees', async () => {
  await expect(runOnce(store, 'k', {}, t0, async () => { throw new AppError('INVALID_INPUT', 'bad') })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  expect(value(await runOnce(store, 'k', {}, t0, async () => 'second try'))).toBe('second try')
})

test('a key left pending by a dead instance is taken over once stale, by exactly one caller', async () => {
  await local.db.collection(IDEMPOTENCY).add({ _id: idempotencyId(store.vault, 'k'), state: 'pending', fingerprint: 'x', createdAt: t0 })
  const fresh = new Date(t0.getTime() + 5_000)
  await expect(runOnce(store, 'k', {}, fresh, async () => 'too early')).rejects.toMatchObject({ code: 'CONFLICT' })
  const later = new Date(t0.getTime() + 61_000)
  let runs = 0
  const results = await Promise.allSettled([1, 2, 3].map(() => runOnce(store, 'k', {}, later, async () => ++runs)))
  expect(runs).toBe(1)
  // One ran it; the others replayed its result or were told it is still being processed — none ran it again.
  const values = results.flatMap((r) => (r.status === 'fulfilled' ? [value(r.value)] : []))
  expect(values.length).toBeGreaterThan(0)
  expect(new Set(values)).toEqual(new Set([1]))
  for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' })
}, 20_000)

test('old keys (and what they keep) are purged after a day; recent ones stay', async () => {
  await runOnce(store, 'old', {}, t0, async () => ({ name: '周小勇' }))
  const later = new Date(t0.getTime() + 25 * 3600 * 1000)
  await runOnce(store, 'new', {}, later, async () => 'recent')
  // A record of the first release, answer in clear: removed whatever its age.
  await local.db.collection(IDEMPOTENCY).add({ _id: 'legacy', state: 'done', fingerprint: 'x', result: { idNumber: '32061319940312101X' }, createdAt: later })
  expect(await purgeIdempotencyKeys(local.db, later)).toBe(2)
  expect((await local.db.collection(IDEMPOTENCY).count()).total).toBe(1)
})

describe('runOnceWithin: the record is written by the write\'s own transaction', () => {
  /** A write as the workflow makes one: a counter moved in a transaction that records the call last. */
  const bump = (within: ReplayRecorder, answer: (n: number) => unknown = (n) => ({ n })) =>
    inTransaction(store.db, async (tx: Transaction) => {
      const { data } = await tx.collection('counters').doc('c').get()
      const n = ((data as { n?: number } | null)?.n ?? 0) + 1
      await tx.collection('counters').doc('c').set({ n })
      await within.record(tx, answer(n))
      return answer(n)
    })
  const counter = async () => ((await store.db.collection('counters').doc('c').get()).data[0] as { n: number } | undefined)?.n ?? 0

  test('runs once; a repeat (its transaction rolled back) gets what was kept; other content with the key is refused', async () => {
    expect(await runOnceWithin(store, 'k', { a: 1 }, t0, (r) => bump(r))).toEqual({ ran: true, result: { n: 1 } })
    expect(await runOnceWithin(store, 'k', { a: 1 }, t0, (r) => bump(r))).toEqual({ ran: false, kept: { n: 1 } })
    await expect(runOnceWithin(store, 'k', { a: 2 }, t0, (r) => bump(r))).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await counter()).toBe(1)
    // One write for the record, in the transaction: done from the start, never pending.
    const { data } = await store.db.collection(IDEMPOTENCY).get()
    expect(data).toEqual([expect.objectContaining({ state: 'done', fingerprint: expect.any(String), kept: expect.stringMatching(/^v1\./) })])
  })

  test('simultaneous double taps: one transaction commits, every other answers what it kept', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => runOnceWithin(store, 'tap', {}, t0, (r) => bump(r))))
    expect(await counter()).toBe(1)
    expect(results.filter((r) => r.ran)).toHaveLength(1)
    expect(results.map(value)).toEqual(Array(5).fill({ n: 1 }))
  }, 20_000)

  test('a failed run records nothing: the error is the answer, and the same key runs again', async () => {
    const refuse = (r: ReplayRecorder) =>
      inTransaction(store.db, async (tx: Transaction) => {
        await tx.collection('counters').doc('c').set({ n: 99 })
        await r.record(tx, 'never kept')
        throw new AppError('CONFLICT', '这份申请刚被其他人处理过')
      })
    await expect(runOnceWithin(store, 'k', {}, t0, refuse)).rejects.toMatchObject({ code: 'CONFLICT', message: '这份申请刚被其他人处理过' })
    expect((await store.db.collection(IDEMPOTENCY).count()).total).toBe(0)
    expect(value(await runOnceWithin(store, 'k', {}, t0, (r) => bump(r)))).toEqual({ n: 1 })
  })

  test('a repeat whose own step is refused because the first one ran replays instead of answering the refusal', async () => {
    // The first tap moved the version; the second meets the moved version (a CONFLICT) before its record.
    let version = 1
    const step = (seen: number) => (r: ReplayRecorder) =>
      inTransaction(store.db, async (tx: Transaction) => {
        if (version !== seen) throw new AppError('CONFLICT', 'stale')
        await tx.collection('counters').doc('c').set({ n: ++version })
        await r.record(tx, { id: 'app-1' })
        return { id: 'app-1', version }
      })
    const keepId = (r: { id: string }) => ({ id: r.id })
    expect(value(await runOnceWithin(store, 'k', {}, t0, step(1), keepId))).toEqual({ id: 'app-1', version: 2 })
    expect(await runOnceWithin(store, 'k', {}, t0, step(1), keepId)).toEqual({ ran: false, kept: { id: 'app-1' } })
  })

  test('recorded from part of the answer where the whole answer is kept: corrected after the commit', async () => {
    const r1 = await runOnceWithin(store, 'k', {}, t0, (r) => bump(r, (n) => (n ? { n } : null)).then(async () => ({ n: 1, more: true })))
    expect(r1).toEqual({ ran: true, result: { n: 1, more: true } })
    expect(await runOnceWithin(store, 'k', {}, t0, (r) => bump(r))).toEqual({ ran: false, kept: { n: 1, more: true } })
  })

  test('a claim left pending by runOnce (an earlier release) is waited for, and taken over once stale', async () => {
    await local.db.collection(IDEMPOTENCY).add({ _id: idempotencyId(store.vault, 'k'), state: 'pending', fingerprint: 'x', createdAt: t0 })
    await expect(runOnceWithin(store, 'k', {}, new Date(t0.getTime() + 5_000), (r) => bump(r))).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await counter()).toBe(0)
    expect(await runOnceWithin(store, 'k', {}, new Date(t0.getTime() + 61_000), (r) => bump(r))).toEqual({ ran: true, result: { n: 1 } })
  }, 20_000)

  test('nothing personal in the record: keyed id and fingerprint, the answer sealed', async () => {
    const idNumber = '32061319940312101X'
    await runOnceWithin(store, 'caller|legalAid.submit|r1', { idNumber }, t0, (r) => bump(r, () => ({ idNumber })))
    local.close()
    const bytes = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))))
    expect(bytes.includes(idNumber)).toBe(false)
    expect(bytes.includes('caller')).toBe(false)
    local = openLocalDatabase({ file: join(dir, 'db.sqlite') })
  })
})
