import { openLocalDatabase, type Database, type LocalDatabase } from '../local'

/**
 * The SQL translation must not change an answer, only its cost. Every query here runs twice through the SDK:
 * once with pushdown (SQL where exact, mingo for the rest) and once evaluated wholly by mingo, over a dataset
 * made to trip the translation: arrays on a queried field, missing fields, nulls, mixed types, dates.
 */
type Doc = Record<string, any>

let opened: LocalDatabase[] = []
afterAll(() => opened.forEach((l) => l.close()))

function open(pushdown: boolean, trace?: (sql: string, params: unknown[]) => void): LocalDatabase {
  const local = openLocalDatabase({ file: ':memory:', pushdown, trace })
  opened.push(local)
  return local
}

/** A small deterministic PRNG, so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
}

function dataset(n: number): Doc[] {
  const rnd = random(7)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]
  const maybe = (v: () => unknown) => (rnd() < 0.15 ? undefined : rnd() < 0.1 ? null : v())
  return Array.from({ length: n }, (_, i) => {
    const doc: Doc = {
      _id: `d${String(i).padStart(4, '0')}`,
      g: maybe(() => pick(['a', 'b', 'c', 'B', '中文', ''])),
      n: maybe(() => pick([() => Math.floor(rnd() * 10), () => rnd() * 10 - 2, () => String(Math.floor(rnd() * 10))])()),
      at: maybe(() => new Date(Date.UTC(2024, 0, 1 + Math.floor(rnd() * 30)))),
      flag: maybe(() => rnd() < 0.5),
      sub: rnd() < 0.8 ? { k: maybe(() => pick(['x', 'y', 'z'])), deep: { v: maybe(() => Math.floor(rnd() * 3)) } } : maybe(() => 'flat'),
      // Scalar in most documents, an array in some: SQL may not filter on it.
      mix: rnd() < 0.7 ? maybe(() => Math.floor(rnd() * 5)) : [Math.floor(rnd() * 5), Math.floor(rnd() * 5)],
    }
    for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k]
    return doc
  })
}

interface Case {
  where: (db: Database) => Doc
  sort?: [string, 'asc' | 'desc'][]
  skip?: number
  limit?: number
}

const cases: Case[] = [
  { where: () => ({ g: 'a' }), sort: [['n', 'asc']], limit: 20 },
  { where: () => ({ g: 'B' }), sort: [['at', 'desc']], skip: 3, limit: 7 },
  { where: () => ({ g: null }), sort: [['_id', 'asc']] },
  { where: (db) => ({ n: db.command.gt(3) }), sort: [['n', 'asc'], ['g', 'desc']], limit: 30 },
  { where: (db) => ({ n: db.command.gte('3') }), sort: [['n', 'desc']] },
  { where: (db) => ({ n: db.command.lt(0) }), sort: [['n', 'asc']] },
  { where: (db) => ({ n: db.command.in([1, 2, '3', null]) }), sort: [['g', 'asc'], ['n', 'asc']], limit: 50 },
  { where: (db) => ({ n: db.command.nin([1, 2]) }), sort: [['n', 'asc']], skip: 10, limit: 10 },
  { where: (db) => ({ g: db.command.neq('a') }), sort: [['g', 'asc']], limit: 40 },
  { where: (db) => ({ at: db.command.gte(new Date(Date.UTC(2024, 0, 10))).and(db.command.lt(new Date(Date.UTC(2024, 0, 20)))) }), sort: [['at', 'asc']] },
  { where: (db) => ({ at: db.command.exists(false) }), sort: [['_id', 'desc']] },
  { where: () => ({ flag: true }), sort: [['at', 'asc']], limit: 15 },
  { where: () => ({ 'sub.k': 'x', 'sub.deep.v': 1 }), sort: [['n', 'asc']] },
  { where: () => ({ sub: 'flat' }), sort: [['_id', 'asc']] },
  { where: (db) => db.command.or([{ g: 'a' }, { n: db.command.lte(1) }]), sort: [['sub.k', 'asc'], ['n', 'desc']], limit: 25 },
  { where: () => ({ mix: 3 }), sort: [['mix', 'asc']] },
  { where: (db) => ({ mix: db.command.gt(2), g: 'c' }), sort: [['n', 'asc']], limit: 5 },
  { where: () => ({ g: /^[ab]/i }), sort: [['n', 'asc']], limit: 12 },
  { where: (db) => ({ g: 'a', n: db.command.in([1, 2, 3]), at: db.command.exists(true) }), sort: [['at', 'desc'], ['n', 'asc']] },
  { where: () => ({}), sort: [['sub', 'asc'], ['_id', 'asc']], limit: 60 },
  { where: () => ({ g: 'c' }) },
]

async function run(db: Database, c: Case): Promise<{ docs: Doc[]; total: number }> {
  let q = db.collection('items').where(c.where(db))
  for (const [f, d] of c.sort ?? []) q = q.orderBy(f, d)
  if (c.skip) q = q.skip(c.skip)
  const { data } = await q.limit(c.limit ?? 1000).get()
  const { total } = await db.collection('items').where(c.where(db)).count()
  return { docs: data as Doc[], total }
}

describe('SQL pushdown', () => {
  const sql: string[] = []
  let pushed: Database
  let reference: Database

  beforeAll(async () => {
    pushed = open(true, (s) => sql.push(s)).db
    reference = open(false).db
    const docs = dataset(600)
    await pushed.collection('items').add(docs)
    await reference.collection('items').add(docs)
  })

  it.each(cases.map((c, i) => [i, c] as const))('case %i answers as mingo alone does', async (_, c) => {
    const [a, b] = await Promise.all([run(pushed, c), run(reference, c)])
    expect(a.total).toBe(b.total)
    if (c.sort) expect(a.docs).toEqual(b.docs)
    else expect([...a.docs].sort((x, y) => (x._id < y._id ? -1 : 1))).toEqual([...b.docs].sort((x, y) => (x._id < y._id ? -1 : 1)))
  })

  it('pushes translatable filters, sorts and paging to SQL, and keeps array fields out of it', async () => {
    sql.length = 0
    await run(pushed, cases[0])
    expect(sql[0]).toContain(`nx_key(doc -> '$."g"') = ?`)
    expect(sql[0]).toMatch(/ORDER BY nx_key\(doc -> '\$\."n"'\) ASC, rowid ASC LIMIT \+\? OFFSET \+\?$/)
    sql.length = 0
    await run(pushed, cases[15])
    expect(sql.join('\n')).not.toContain('"mix"')
  })
})

describe('the review queue query on 100,000 applications', () => {
  it('reads the first page of a status filter, urgent first, through the (district, status, urgent, dueAt) index, without sorting', async () => {
    const sql: { text: string; params: unknown[] }[] = []
    const { db, engine } = open(true, (text, params) => sql.push({ text, params }))
    const day = Date.UTC(2025, 0, 1)
    const statuses = ['submitted', 'inReview', 'needsMore', 'approved', 'rejected']
    for (let batch = 0; batch < 100; batch++) {
      const docs = Array.from({ length: 1000 }, (_, j) => {
        const i = batch * 1000 + j
        return { district: `3201${String(i % 12).padStart(2, '0')}`, status: statuses[i % 5], urgent: i % 13 === 0, dueAt: new Date(day + (i % 997) * 3_600_000), applicantOpenid: `o${i % 5000}`, createdAt: new Date(day + i) }
      })
      await db.collection('applications').add(docs)
    }
    sql.length = 0
    const { data } = await db.collection('applications').where({ district: '320103', status: 'submitted' }).orderBy('urgent', 'desc').orderBy('dueAt', 'asc').limit(20).get()
    expect(data).toHaveLength(20)
    const keys = (data as Doc[]).map((d) => `${d.urgent ? 0 : 1}-${String(d.dueAt.getTime()).padStart(15, '0')}`)
    expect(keys).toEqual([...keys].sort())
    expect((data as Doc[])[0].urgent).toBe(true)
    expect(sql).toHaveLength(1)
    const plan = engine.explain(sql[0].text, sql[0].params)
    expect(plan.join('\n')).toMatch(/USING INDEX nx_applications__district_status_urgent_dueAt/)
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/)
  }, 120_000)
})

describe('an index declared with mixed directions', () => {
  it('serves the queue order (urgent first, then the soonest deadline) straight from the index', async () => {
    const sql: { text: string; params: unknown[] }[] = []
    const { db, engine } = open(true, (text, params) => sql.push({ text, params }))
    const day = Date.UTC(2026, 10, 1)
    await db.collection('applications').add(
      Array.from({ length: 500 }, (_, i) => ({ district: i % 2 ? '320613' : '320213', open: i % 5 !== 0, urgent: i % 7 === 0, dueAt: new Date(day + ((i * 37) % 500) * 3_600_000) })),
    )
    sql.length = 0
    const { data } = await db.collection('applications').where({ district: '320613', open: true }).orderBy('urgent', 'desc').orderBy('dueAt', 'asc').limit(40).get()
    const rows = data as { urgent: boolean; dueAt: Date }[]
    const key = (r: { urgent: boolean; dueAt: Date }) => `${r.urgent ? 0 : 1}-${r.dueAt.toISOString()}`
    expect(rows.map(key)).toEqual(rows.map(key).sort())
    expect(rows[0].urgent).toBe(true)
    const plan = engine.explain(sql[0].text, sql[0].params).join('\n')
    expect(plan).toMatch(/USING INDEX nx_applications__district_open_urgent_dueAt/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })
})

describe('indexes whose last key descends', () => {
  it('still serve their newest-first and oldest-first reads without a sort (messages, audit trail)', async () => {
    const sql: { text: string; params: unknown[] }[] = []
    const { db, engine } = open(true, (text, params) => sql.push({ text, params }))
    const t0 = Date.UTC(2026, 10, 1)
    await db.collection('messages').add(Array.from({ length: 300 }, (_, i) => ({ openid: `o${i % 3}`, createdAt: new Date(t0 + i * 60_000) })))
    await db.collection('audit').add(Array.from({ length: 300 }, (_, i) => ({ targetId: `a${i % 3}`, at: new Date(t0 + i * 60_000) })))
    const plans: string[] = []
    for (const read of [
      () => db.collection('messages').where({ openid: 'o1' }).orderBy('createdAt', 'desc').limit(20).get(),
      () => db.collection('audit').where({ targetId: 'a1' }).orderBy('at', 'asc').limit(200).get(),
    ]) {
      sql.length = 0
      await read()
      plans.push(engine.explain(sql[0].text, sql[0].params).join('\n'))
    }
    expect(plans[0]).toMatch(/USING INDEX nx_messages__openid_createdAt/)
    expect(plans[1]).toMatch(/USING INDEX nx_audit__targetId_at/)
    for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE/)
  })
})
