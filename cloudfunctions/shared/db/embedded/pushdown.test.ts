import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalDatabase, type Database, type LocalDatabase } from '../local'

/**
 * The SQL translation must not change an answer, only its cost. Every query here runs twice through the SDK:
 * once with pushdown (SQL where exact, mingo for the rest) and once evaluated wholly by mingo, over a dataset
 * made to trip the translation: arrays on a queried field, missing fields, nulls, mixed types, dates.
 */
type Doc = Record<string, any>

let opened: LocalDatabase[] = []
afterAll(() => opened.forEach((l) => l.close()))

function open(pushdown: boolean, trace?: (sql: string, params: unknown[]) => void, indexesFile?: string): LocalDatabase {
  const local = openLocalDatabase({ file: ':memory:', pushdown, trace, indexesFile })
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

/**
 * Near queries with a maxDistance read only the geo index's bounding box (and the odd points' partial index)
 * from SQL; the exact haversine filter and sort stay in JS. The box must never lose a document the full scan
 * finds: every answer here (documents, order, distances, counts) is compared with the engine that reads all.
 * Points crowd where a box is easiest to get wrong: across the antimeridian, near and at the poles, on ±180,
 * at one spot (distance ties), and with coordinates out of range or not numbers at all.
 */
describe('geo near queries narrowed by the geo index', () => {
  const sql: { text: string; params: unknown[] }[] = []
  let pushed: LocalDatabase
  let reference: LocalDatabase
  let dir: string
  const rnd = random(2024)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]
  /** Places where a box is easy to get wrong, and a city. */
  const spots: [number, number][] = [[118.8, 32.05], [179.99, 0], [-179.99, 65], [180, -30], [-180, 10], [0, 89.9], [120, -89.95], [45, 90], [-170, -90]]

  function lngLat(): [number, number] {
    switch (pick(['sphere', 'sphere', 'antimeridian', 'polar', 'pole', 'spot', 'spot', 'edge'])) {
      case 'sphere':
        return [rnd() * 360 - 180, (Math.asin(2 * rnd() - 1) * 180) / Math.PI]
      case 'antimeridian':
        return [(rnd() < 0.5 ? -1 : 1) * (178 + 2 * rnd()), rnd() * 160 - 80]
      case 'polar':
        return [rnd() * 360 - 180, (rnd() < 0.5 ? -1 : 1) * (80 + 10 * rnd())]
      case 'pole':
        return [rnd() * 360 - 180, rnd() < 0.5 ? 90 : -90]
      case 'edge':
        return [rnd() < 0.5 ? 180 : -180, rnd() * 180 - 90]
      default: {
        // Within ~30 km of a spot, clamped into range; a few exactly on it.
        const [lng, lat] = pick(spots)
        if (rnd() < 0.15) return [lng, lat]
        const la = Math.max(-90, Math.min(90, lat + (rnd() - 0.5) * 0.5))
        let lo = lng + (rnd() - 0.5) * 0.5 / Math.max(0.01, Math.cos((la * Math.PI) / 180))
        lo = ((((lo + 180) % 360) + 360) % 360) - 180
        return [lo, la]
      }
    }
  }

  function dataset(db: Database): Doc[] {
    const P = (lng: number, lat: number) => new db.Geo.Point(lng, lat)
    const odd: (() => unknown)[] = [
      () => undefined,
      () => null,
      () => 'here',
      () => ({ type: 'LineString', coordinates: [[1, 2], [3, 4]] }),
      () => ({ type: 'Point', coordinates: ['120', '32'] }),
      () => ({ type: 'Point', coordinates: [120] }),
      () => ({ type: 'Point', coordinates: [true, 32] }),
      () => ({ type: 'Point', coordinates: { 0: 120, 1: 32 } }),
      () => [P(118.8, 32.05)],
      // Out of range or not finite: distanceM still computes a distance (or NaN, which no range excludes).
      () => ({ type: 'Point', coordinates: [200, 10] }),
      () => ({ type: 'Point', coordinates: [-181.5, 65] }),
      () => ({ type: 'Point', coordinates: [118.8, 95] }),
      () => ({ type: 'Point', coordinates: [0, -90.5] }),
      () => ({ type: 'Point', coordinates: [Infinity, 32] }),
      () => P(NaN, 32),
    ]
    const docs: Doc[] = []
    let last: [number, number] = [0, 0]
    for (let i = 0; i < 1200; i++) {
      const doc: Doc = { _id: `p${String(i).padStart(4, '0')}`, kind: pick(['a', 'b', 'c']), n: Math.floor(rnd() * 10), name: pick(['x1', 'y2', 'x3']) }
      const r = rnd()
      if (r < 0.08) {
        const v = pick(odd)()
        if (v !== undefined) doc.location = v
      } else {
        // Some share a place with the one before: distance ties, which keep insertion order.
        const p = r < 0.15 ? last : lngLat()
        last = p
        doc.location = P(...p)
      }
      if (rnd() < 0.3) doc.home = { loc: P(...lngLat()) }
      docs.push(doc)
    }
    return docs
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nx-geo-'))
    const indexes = join(dir, 'indexes.json')
    writeFileSync(indexes, JSON.stringify({ collections: { places: [
      { name: 'location_geo', keys: [['location', '2dsphere']] },
      { name: 'home_geo', keys: [['home.loc', '2dsphere']] },
      { name: 'kind', keys: [['kind', 1]] },
    ] } }))
    pushed = open(true, (text, params) => sql.push({ text, params }), indexes)
    reference = open(false, undefined, indexes)
    const docs = dataset(pushed.db)
    for (let i = 0; i < docs.length; i += 500) {
      await pushed.db.collection('places').add(docs.slice(i, i + 500))
      await reference.db.collection('places').add(docs.slice(i, i + 500))
    }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  interface NearCase {
    field: 'location' | 'home.loc'
    center: [number, number]
    maxDistance?: number
    minDistance?: number
    query: (db: Database) => Doc
    sort?: [string, 'asc' | 'desc']
    /** A page: only the nearest are built (query-runner's nearest), and must be the reference's first ones. */
    page?: { skip: number; limit: number }
  }
  const radii = [0, 1, 500, 5_000, 30_000, 200_000, 1_500_000, 6_000_000, 10_500_000, 25_000_000]
  const queries: ((db: Database) => Doc)[] = [
    () => ({}),
    () => ({ kind: 'a' }),
    (db) => ({ n: db.command.gt(3) }),
    (db) => ({ kind: db.command.in(['a', 'c']), n: db.command.lte(7) }),
    (db) => ({ name: db.RegExp({ regexp: '^x' }) }),
    (db) => ({ n: db.command.lt(2).or(db.command.gt(8)) }),
  ]
  function nearCase(): NearCase {
    const maxDistance = rnd() < 0.05 ? undefined : pick(radii) * (0.5 + rnd())
    return {
      field: rnd() < 0.85 ? 'location' : 'home.loc',
      center: rnd() < 0.4 ? pick(spots) : lngLat(),
      maxDistance,
      minDistance: rnd() < 0.2 ? (maxDistance ?? 1_000_000) * rnd() * 0.8 : undefined,
      query: pick(queries),
      sort: rnd() < 0.15 ? ['n', pick(['asc', 'desc'])] : undefined,
      page: rnd() < 0.5 ? { skip: rnd() < 0.3 ? Math.floor(rnd() * 20) : 0, limit: 1 + Math.floor(rnd() * 60) } : undefined,
    }
  }
  const cases = Array.from({ length: 100 }, nearCase)
  // The box's corner cases, whatever the draw gave.
  cases.push(
    { field: 'location', center: [179.99, 0], maxDistance: 50_000, query: () => ({}) },
    { field: 'location', center: [-180, 10], maxDistance: 200_000, query: () => ({}) },
    { field: 'location', center: [0, 89.9], maxDistance: 30_000, query: () => ({}) },
    { field: 'location', center: [120, -89.95], maxDistance: 5_000, query: () => ({ kind: 'a' }) },
    { field: 'location', center: [45, 90], maxDistance: 0, query: () => ({}) },
    { field: 'location', center: [118.8, 32.05], maxDistance: 0, query: () => ({}) },
    { field: 'location', center: [118.8, 32.05], maxDistance: 3_000, minDistance: 500, query: (db) => ({ n: db.command.gt(3) }) },
    // Pages where ties, odd points and NaN distances crowd the cut.
    { field: 'location', center: [118.8, 32.05], maxDistance: 5_000, query: () => ({}), page: { skip: 0, limit: 5 } },
    { field: 'location', center: [118.8, 32.05], maxDistance: 30_000, query: (db) => ({ name: db.RegExp({ regexp: '^x' }) }), page: { skip: 3, limit: 7 } },
    { field: 'location', center: [179.99, 0], maxDistance: 200_000, query: () => ({ kind: 'b' }), page: { skip: 0, limit: 2 } },
    { field: 'location', center: [118.8, 32.05], query: () => ({}), page: { skip: 0, limit: 40 } },
  )

  const without = (d: Doc): Doc => {
    const { location, home, ...rest } = d
    return { ...rest, hasLocation: location !== undefined, hasHome: home !== undefined }
  }

  async function where(db: Database, c: NearCase) {
    const _ = db.command
    const near = _.geoNear({ geometry: new db.Geo.Point(...c.center), maxDistance: c.maxDistance, minDistance: c.minDistance })
    const filter = { [c.field]: near, ...c.query(db) }
    let q = db.collection('places').where(filter)
    if (c.sort) q = q.orderBy(...c.sort)
    // The odd points cannot be read back as Geo.Points (the SDK refuses them): leave both geo fields out.
    const { data } = await q.field({ location: false, home: false }).skip(c.page?.skip ?? 0).limit(c.page?.limit ?? 1000).get()
    const { total } = await db.collection('places').where(filter).count()
    return { docs: data as Doc[], total }
  }

  async function stage(db: Database, c: NearCase) {
    const spec: Doc = { near: new db.Geo.Point(...c.center), spherical: true, distanceField: 'distance', query: c.query(db), key: c.field }
    if (c.maxDistance !== undefined) spec.maxDistance = c.maxDistance
    if (c.minDistance !== undefined) spec.minDistance = c.minDistance
    let pipeline = db.collection('places').aggregate().geoNear(spec)
    if (c.page?.skip) pipeline = pipeline.skip(c.page.skip)
    if (c.page) pipeline = pipeline.limit(c.page.limit)
    const { data } = await pipeline.end()
    return (data as Doc[]).map(without)
  }

  it.each(cases.map((c, i) => [i, c] as const))('where(geoNear) case %i answers as the full scan does', async (_, c) => {
    const [a, b] = await Promise.all([where(pushed.db, c), where(reference.db, c)])
    expect(a.total).toBe(b.total)
    expect(a.docs).toEqual(b.docs)
  })

  let nonEmpty = 0
  it.each(cases.map((c, i) => [i, c] as const))('$geoNear case %i answers as the full scan does', async (_, c) => {
    const [a, b] = await Promise.all([stage(pushed.db, c), stage(reference.db, c)])
    expect(a).toEqual(b)
    if (a.length > 0) nonEmpty++
  })

  it('found something in most cases, so the comparisons above are not of empty answers; odd points too', async () => {
    expect(nonEmpty).toBeGreaterThan(cases.length * 0.7)
    // A non-finite coordinate makes the distance NaN, which no maxDistance excludes: the box must not either.
    const odd = await stage(pushed.db, { field: 'location', center: [118.8, 32.05], maxDistance: 5_000, query: () => ({}) })
    expect(odd.filter((d) => Number.isNaN(d.distance)).length).toBeGreaterThan(0)
  })

  it('reads the box through the (latitude, longitude) index and the odd points through their partial index', async () => {
    const plans: string[] = []
    for (const read of [
      () => stage(pushed.db, { field: 'location', center: [118.8, 32.05], maxDistance: 5_000, query: () => ({}) }),
      () => where(pushed.db, { field: 'location', center: [118.8, 32.05], maxDistance: 5_000, query: (db) => ({ n: db.command.gt(3) }) }),
      // Across the antimeridian: two longitude ranges.
      () => stage(pushed.db, { field: 'location', center: [179.99, 0], maxDistance: 50_000, query: () => ({}) }),
      // A pole within reach: every longitude, the latitude band only.
      () => stage(pushed.db, { field: 'location', center: [0, 89.9], maxDistance: 30_000, query: () => ({}) }),
      () => stage(pushed.db, { field: 'home.loc', center: [118.8, 32.05], maxDistance: 5_000, query: () => ({}) }),
    ]) {
      sql.length = 0
      await read()
      const near = sql.find((s) => s.text.includes('rowid IN ('))!
      expect(near).toBeDefined()
      plans.push(pushed.engine.explain(near.text, near.params).join('\n'))
    }
    for (const plan of plans.slice(0, 4)) {
      expect(plan).toMatch(/SEARCH places USING COVERING INDEX nx_places__location_geo \(<expr>>\? AND <expr><\?\)/)
      expect(plan).toMatch(/SCAN places USING INDEX nx_places__location_geo__odd/)
      expect(plan).not.toMatch(/SCAN places$/m)
    }
    expect(plans[2].match(/USING COVERING INDEX nx_places__location_geo /g)).toHaveLength(2)
    expect(plans[4]).toMatch(/USING COVERING INDEX nx_places__home_geo /)
  })

  it('reads everything, as before, without a maxDistance', async () => {
    sql.length = 0
    await stage(pushed.db, { field: 'location', center: [118.8, 32.05], query: () => ({}) })
    expect(sql.some((s) => s.text.includes('rowid IN ('))).toBe(false)
  })
})
