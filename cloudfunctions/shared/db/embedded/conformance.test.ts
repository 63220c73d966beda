import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index'
import { isDuplicateKeyError } from '..'
import { openLocalDatabase, type Database, type LocalDatabase } from '../local'

/**
 * What a CloudBase user relies on, driven only through @cloudbase/node-sdk's public database API over the embedded
 * engine. If an SDK upgrade changes what it sends or expects back, this is where it shows.
 */
type Doc = Record<string, any>

let opened: LocalDatabase[] = []
function open(options: Partial<Parameters<typeof openLocalDatabase>[0]> = {}): Database {
  const local = openLocalDatabase({ file: ':memory:', ...options })
  opened.push(local)
  return local.db
}
afterEach(() => {
  opened.forEach((l) => l.close())
  opened = []
})

async function seed(db: Database, coll: string, docs: Doc[]): Promise<void> {
  await db.collection(coll).add(docs)
}
const ids = (docs: Doc[]) => docs.map((d) => d._id)

describe('document shapes', () => {
  it('add answers { id } with a 32-hex id, or the _id given', async () => {
    const db = open()
    const res = await db.collection('things').add({ name: 'a' })
    expect(res.id).toMatch(/^[0-9a-f]{32}$/)
    expect(typeof res.requestId).toBe('string')
    expect((await db.collection('things').add({ _id: 'mine', name: 'b' })).id).toBe('mine')
    expect((await db.collection('things').add([{ name: 'c' }, { name: 'd' }])).ids).toHaveLength(2)
  })

  it('doc(id).get answers { data: [doc] }, or an empty array', async () => {
    const db = open()
    const { id } = await db.collection('things').add({ name: 'a', nested: { n: 1 }, list: [1, 'x'] })
    expect((await db.collection('things').doc(id as string).get()).data).toEqual([{ _id: id, name: 'a', nested: { n: 1 }, list: [1, 'x'] }])
    expect((await db.collection('things').doc('nope').get()).data).toEqual([])
    expect((await db.collection('never-written').where({ a: 1 }).get()).data).toEqual([])
  })

  it('count answers { total }, update { updated }, remove { deleted }', async () => {
    const db = open()
    await seed(db, 'things', [{ k: 1 }, { k: 1 }, { k: 2 }])
    expect((await db.collection('things').where({ k: 1 }).count()).total).toBe(2)
    expect((await db.collection('things').where({ k: 1 }).update({ seen: true })).updated).toBe(2)
    expect((await db.collection('things').where({ k: 1 }).update({ seen: true })).updated).toBe(0)
    const [one] = (await db.collection('things').where({ k: 2 }).get()).data as Doc[]
    expect((await db.collection('things').doc(one._id).update({ k: 3 })).updated).toBe(1)
    expect((await db.collection('things').doc(one._id).remove()).deleted).toBe(1)
    expect((await db.collection('things').doc(one._id).remove()).deleted).toBe(0)
    expect((await db.collection('things').where({ k: 1 }).remove()).deleted).toBe(2)
    expect((await db.collection('things').count()).total).toBe(0)
  })

  it('refuses a collection-wide update or remove without where()', async () => {
    const db = open()
    await seed(db, 'things', [{ k: 1 }])
    await expect(db.collection('things').remove()).rejects.toMatchObject({ code: 'INVALID_PARAM' })
    expect((await db.collection('things').where({}).remove()).deleted).toBe(1)
  })

  it('keeps two open databases apart', async () => {
    const a = open()
    const b = open()
    await a.collection('things').add({ in: 'a' })
    expect((await b.collection('things').count()).total).toBe(0)
    expect((await a.collection('things').count()).total).toBe(1)
  })

  it('persists across close and reopen of a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nx-db-'))
    try {
      const first = openLocalDatabase({ file: join(dir, 'db.sqlite') })
      await first.db.collection('users').add({ _id: 'u1', openid: 'o1', at: new Date(42) })
      first.close()
      const second = openLocalDatabase({ file: join(dir, 'db.sqlite') })
      expect((await second.db.collection('users').doc('u1').get()).data).toEqual([{ _id: 'u1', openid: 'o1', at: new Date(42) }])
      await expect(second.db.collection('users').add({ openid: 'o1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
      second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('query operators', () => {
  let db: Database
  const docs: Doc[] = [
    { _id: 'a', n: 1, s: 'apple', tags: ['x', 'y'], sub: { k: 'p' }, items: [{ q: 1 }, { q: 5 }] },
    { _id: 'b', n: 5, s: 'Banana', tags: ['y'], sub: { k: 'q' }, items: [{ q: 2 }] },
    { _id: 'c', n: 10, s: 'cherry', tags: [], sub: { k: 'p' }, nil: null },
    { _id: 'd', s: '10', tags: ['x', 'y', 'z'] },
  ]
  beforeEach(async () => {
    db = open()
    await seed(db, 'things', docs)
  })
  const find = async (where: Doc) => ids((await db.collection('things').where(where).orderBy('_id', 'asc').get()).data as Doc[])

  it('compares within a type, like MongoDB', async () => {
    const _ = db.command
    expect(await find({ n: 5 })).toEqual(['b'])
    expect(await find({ n: _.eq(5) })).toEqual(['b'])
    expect(await find({ n: _.neq(5) })).toEqual(['a', 'c', 'd'])
    expect(await find({ n: _.gt(1) })).toEqual(['b', 'c'])
    expect(await find({ n: _.gte(1).and(_.lt(10)) })).toEqual(['a', 'b'])
    expect(await find({ n: _.lte(5) })).toEqual(['a', 'b'])
    expect(await find({ s: _.gt('a') })).toEqual(['a', 'c'])
    expect(await find({ n: _.in([1, 10]) })).toEqual(['a', 'c'])
    expect(await find({ n: _.nin([1, 10]) })).toEqual(['b', 'd'])
  })

  it('matches null and missing alike, and tests existence', async () => {
    const _ = db.command
    expect(await find({ nil: null })).toEqual(['a', 'b', 'c', 'd'])
    expect(await find({ n: null })).toEqual(['d'])
    expect(await find({ nil: _.exists(true) })).toEqual(['c'])
    expect(await find({ n: _.exists(false) })).toEqual(['d'])
  })

  it('combines with and / or / nor / not', async () => {
    const _ = db.command
    expect(await find({ n: _.gt(1), s: 'cherry' })).toEqual(['c'])
    expect(await find(_.or([{ n: 1 }, { s: '10' }]))).toEqual(['a', 'd'])
    expect(await find(_.and([{ tags: 'y' }, { n: _.gt(1) }]))).toEqual(['b'])
    expect(await find(_.nor([{ n: 1 }, { s: '10' }]))).toEqual(['b', 'c'])
    expect(await find({ n: _.not(_.gt(1)) })).toEqual(['a', 'd'])
    expect(await find({ n: _.gt(5).or(_.lt(2)) })).toEqual(['a', 'c'])
  })

  it('matches regular expressions', async () => {
    expect(await find({ s: db.RegExp({ regexp: '^b', options: 'i' }) })).toEqual(['b'])
    expect(await find({ s: /rr/ })).toEqual(['c'])
    // The SDK encodes only a JS RegExp under _.not (a db.RegExp there is lost in its serializer).
    expect(await find({ s: db.command.not(/an/) })).toEqual(['a', 'c', 'd'])
  })

  it('matches arrays element-wise, with elemMatch, size and all', async () => {
    const _ = db.command
    expect(await find({ tags: 'x' })).toEqual(['a', 'd'])
    expect(await find({ tags: _.all(['x', 'y']) })).toEqual(['a', 'd'])
    expect(await find({ tags: _.size(0) })).toEqual(['c'])
    expect(await find({ items: _.elemMatch({ q: _.gt(4) }) })).toEqual(['a'])
    expect(await find({ 'items.q': 2 })).toEqual(['b'])
    expect(await find({ sub: { k: 'p' } })).toEqual(['a', 'c'])
    expect(await find({ 'sub.k': 'q' })).toEqual(['b'])
  })
})

describe('query operators CloudBase reads differently from mingo', () => {
  const find = async (db: Database, where: Doc) => ids((await db.collection('things').where(where).orderBy('_id', 'asc').get()).data as Doc[])

  it('elemMatch on fields tests sub-documents only; on operators alone, values', async () => {
    const db = open()
    await seed(db, 'things', [{ _id: 'scalars', list: [5, 8] }, { _id: 'docs', list: [{ value: 5 }, { value: 8 }] }, { _id: 'mixed', list: [5, { value: 9 }] }])
    const _ = db.command
    expect(await find(db, { list: _.elemMatch({ value: 5 }) })).toEqual(['docs'])
    expect(await find(db, { list: _.elemMatch({ value: _.gt(4) }) })).toEqual(['docs', 'mixed'])
    expect(await find(db, { list: _.elemMatch(_.gt(6)) })).toEqual(['scalars'])
    // A logical operator makes it a query on sub-documents too. (The SDK sends `_.elemMatch(_.or(…))` as a raw
    // command object, so spell it `$or`.)
    expect(await find(db, { list: _.elemMatch({ $or: [{ value: 9 }, { value: 8 }] }) })).toEqual(['docs', 'mixed'])
  })

  it('filters with $jsonSchema, MongoDB’s dialect (bsonType; no integer type)', async () => {
    const db = open()
    await seed(db, 'things', [{ _id: 'a', n: 5, s: 'x' }, { _id: 'b', n: 2.5, s: 'yy' }, { _id: 'c', s: 'zzz' }, { _id: 'd', n: 7, s: 1, at: new Date(1) }])
    const _ = db.command
    expect(await find(db, _.jsonSchema({ required: ['n'], properties: { n: { bsonType: 'int', minimum: 3 } } }))).toEqual(['a', 'd'])
    expect(await find(db, _.jsonSchema({ properties: { s: { type: 'string', maxLength: 2 } } }))).toEqual(['a', 'b'])
    expect(await find(db, _.jsonSchema({ properties: { at: { bsonType: 'date' } }, required: ['at'] }))).toEqual(['d'])
    expect(await find(db, _.and([{ n: _.exists(true) }, _.jsonSchema({ properties: { n: { bsonType: 'double' } } })]))).toEqual(['b'])
    expect(await find(db, _.jsonSchema({ properties: { n: { not: { enum: [5, 7] } } } }))).toEqual(['b', 'c'])
    await expect(db.collection('things').where(_.jsonSchema({ properties: { n: { type: 'integer' } } })).get()).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  })
})

describe('order, paging and projection', () => {
  it('sorts by several fields, skips, limits and projects', async () => {
    const db = open()
    await seed(db, 'things', [
      { _id: '1', a: 2, b: 'x', c: 1 },
      { _id: '2', a: 1, b: 'y', c: 2 },
      { _id: '3', a: 2, b: 'a', c: 3 },
      { _id: '4', a: 1, b: 'z', c: 4 },
    ])
    const q = db.collection('things').where({}).orderBy('a', 'desc').orderBy('b', 'asc')
    expect(ids((await q.get()).data as Doc[])).toEqual(['3', '1', '2', '4'])
    expect(ids((await q.skip(1).limit(2).get()).data as Doc[])).toEqual(['1', '2'])
    expect((await q.limit(1).field({ b: true }).get()).data).toEqual([{ _id: '3', b: 'a' }])
    expect((await db.collection('things').doc('4').field({ a: false, b: false }).get()).data).toEqual([{ _id: '4', c: 4 }])
  })

  it('returns 100 documents by default and never more than 1000', async () => {
    const db = open()
    await seed(db, 'things', Array.from({ length: 1100 }, (_, i) => ({ i })))
    expect((await db.collection('things').get()).data).toHaveLength(100)
    expect((await db.collection('things').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('things').count()).total).toBe(1100)
  })
})

describe('update operators', () => {
  async function updated(start: Doc, update: (db: Database) => Doc): Promise<Doc> {
    const db = open()
    await db.collection('things').add({ _id: 'x', ...start })
    await db.collection('things').doc('x').update(update(db))
    const { _id, ...rest } = ((await db.collection('things').doc('x').get()).data as Doc[])[0]
    return rest
  }

  it('sets (merging sub-documents), replaces with _.set, and removes fields', async () => {
    expect(await updated({ p: { a: 1, b: 2 } }, () => ({ p: { a: 9 } }))).toEqual({ p: { a: 9, b: 2 } })
    expect(await updated({ p: { a: 1, b: 2 } }, (db) => ({ p: db.command.set({ a: 9 }) }))).toEqual({ p: { a: 9 } })
    expect(await updated({ a: 1, b: 2 }, (db) => ({ b: db.command.remove() }))).toEqual({ a: 1 })
    expect(await updated({ a: 1 }, (db) => ({ a: db.command.rename('z') }))).toEqual({ z: 1 })
  })

  it('does arithmetic: inc, mul, min, max', async () => {
    expect(await updated({ n: 5 }, (db) => ({ n: db.command.inc(2) }))).toEqual({ n: 7 })
    expect(await updated({ n: 5 }, (db) => ({ n: db.command.mul(3) }))).toEqual({ n: 15 })
    expect(await updated({ n: 5, m: 5 }, (db) => ({ n: db.command.min(2), m: db.command.max(2) }))).toEqual({ n: 2, m: 5 })
    expect(await updated({ d: new Date(5) }, (db) => ({ d: db.command.max(new Date(9)) }))).toEqual({ d: new Date(9) })
  })

  it('edits arrays: push (each, position, slice), pull, pullAll, addToSet, pop, shift, unshift', async () => {
    const _ = (db: Database) => db.command
    expect(await updated({ a: [1] }, (db) => ({ a: _(db).push(2, 3) }))).toEqual({ a: [1, 2, 3] })
    expect(await updated({ a: [1, 2] }, (db) => ({ a: _(db).push({ each: [8, 9], position: 0, slice: 3 }) }))).toEqual({ a: [8, 9, 1] })
    expect(await updated({ a: [1, 2, 3, 4] }, (db) => ({ a: _(db).pull(_(db).gt(2)) }))).toEqual({ a: [1, 2] })
    expect(await updated({ a: [1, 2, 1] }, (db) => ({ a: _(db).pullAll([1]) }))).toEqual({ a: [2] })
    expect(await updated({ a: [1] }, (db) => ({ a: _(db).addToSet(1) }))).toEqual({ a: [1] })
    expect(await updated({ a: [1] }, (db) => ({ a: _(db).addToSet({ $each: [1, 2] }) }))).toEqual({ a: [1, 2] })
    expect(await updated({ a: [1, 2] }, (db) => ({ a: _(db).pop() }))).toEqual({ a: [1] })
    expect(await updated({ a: [1, 2] }, (db) => ({ a: _(db).shift() }))).toEqual({ a: [2] })
    expect(await updated({ a: [1, 2] }, (db) => ({ a: _(db).unshift(0) }))).toEqual({ a: [0, 1, 2] })
  })

  it('replaces a whole document with doc.set(), or creates it', async () => {
    const db = open()
    await db.collection('things').add({ _id: 'x', a: 1, b: 2 })
    expect((await db.collection('things').doc('x').set({ c: 3 })).updated).toBe(1)
    expect((await db.collection('things').doc('x').get()).data).toEqual([{ _id: 'x', c: 3 }])
    const created = await db.collection('things').doc('y').set({ d: 4 })
    expect(created).toMatchObject({ updated: 0, upsertedId: 'y' })
    expect((await db.collection('things').doc('y').get()).data).toEqual([{ _id: 'y', d: 4 }])
  })

  it('updates and returns the first match with updateAndReturn', async () => {
    const db = open()
    await seed(db, 'things', [{ _id: 'x', k: 1, n: 1 }])
    const res = await db.collection('things').where({ k: 1 }).updateAndReturn({ n: db.command.inc(1) })
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'x', k: 1, n: 2 } })
  })
})

describe('dates, server date and geo points', () => {
  it('round-trips dates and compares them; serverDate is the server clock plus the offset', async () => {
    const clock = new Date('2030-01-02T03:04:05.000Z')
    const db = open({ now: () => clock })
    const { id } = await db.collection('things').add({ at: new Date('2024-05-01T00:00:00Z'), stamped: db.serverDate(), later: db.serverDate({ offset: 60_000 }) })
    const [doc] = (await db.collection('things').doc(id as string).get()).data as Doc[]
    expect(doc.at).toEqual(new Date('2024-05-01T00:00:00Z'))
    expect(doc.stamped).toEqual(clock)
    expect(doc.later).toEqual(new Date(clock.getTime() + 60_000))
    const _ = db.command
    expect((await db.collection('things').where({ at: _.lt(db.serverDate()) }).count()).total).toBe(1)
    expect((await db.collection('things').where({ at: _.gt(new Date('2025-01-01')) }).count()).total).toBe(0)
    await db.collection('things').doc(id as string).update({ touched: db.serverDate() })
    expect(((await db.collection('things').doc(id as string).get()).data as Doc[])[0].touched).toEqual(clock)
  })

  it('returns stored points as Point objects, and finds the nearest first within maxDistance', async () => {
    const db = open()
    const P = (lng: number, lat: number) => new db.Geo.Point(lng, lat)
    await seed(db, 'stations', [
      { _id: 'far', location: P(121.0, 32.0) },
      { _id: 'near', location: P(120.001, 32.0) },
      { _id: 'mid', location: P(120.05, 32.0) },
      { _id: 'none' },
    ])
    const [near] = (await db.collection('stations').doc('near').get()).data as Doc[]
    expect(near.location).toBeInstanceOf(db.Geo.Point)
    expect(near.location).toMatchObject({ longitude: 120.001, latitude: 32.0 })
    const _ = db.command
    const around = (opts: Doc) => db.collection('stations').where({ location: _.geoNear({ geometry: P(120, 32), ...opts }) }).get()
    expect(ids((await around({})).data as Doc[])).toEqual(['near', 'mid', 'far'])
    expect(ids((await around({ maxDistance: 10_000 })).data as Doc[])).toEqual(['near', 'mid'])
    expect(ids((await around({ minDistance: 1_000, maxDistance: 10_000 })).data as Doc[])).toEqual(['mid'])
  })

  it('refuses a near query on a field without a geo index, as CloudBase does', async () => {
    const db = open()
    await seed(db, 'things', [{ at: new db.Geo.Point(1, 1) }])
    const query = db.collection('things').where({ at: db.command.geoNear({ geometry: new db.Geo.Point(1, 1) }) })
    await expect(query.get()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })
})

describe('aggregation', () => {
  let db: Database
  beforeEach(async () => {
    db = open()
    await seed(db, 'orders', [
      { _id: 'o1', who: 'ann', qty: 2, tags: ['a', 'b'] },
      { _id: 'o2', who: 'ann', qty: 4, tags: ['b'] },
      { _id: 'o3', who: 'bob', qty: 1, tags: [] },
    ])
    await seed(db, 'people', [{ _id: 'ann', city: 'Nanjing' }, { _id: 'bob', city: 'Suzhou' }])
  })

  it('matches, groups with accumulators, sorts, skips and limits', async () => {
    const $ = db.command.aggregate
    const { data } = await db
      .collection('orders')
      .aggregate()
      .match({ qty: db.command.gt(0) })
      .group({ _id: '$who', total: $.sum('$qty'), avg: $.avg('$qty'), min: $.min('$qty'), max: $.max('$qty'), first: $.first('$_id'), last: $.last('$_id'), all: $.push('$qty'), set: $.addToSet('$who') })
      .sort({ total: -1 })
      .end()
    expect(data).toEqual([
      { _id: 'ann', total: 6, avg: 3, min: 2, max: 4, first: 'o1', last: 'o2', all: [2, 4], set: ['ann'] },
      { _id: 'bob', total: 1, avg: 1, min: 1, max: 1, first: 'o3', last: 'o3', all: [1], set: ['bob'] },
    ])
    expect((await db.collection('orders').aggregate().sort({ qty: 1 }).skip(1).limit(1).end()).data).toEqual([{ _id: 'o1', who: 'ann', qty: 2, tags: ['a', 'b'] }])
  })

  it('projects, counts, unwinds, adds fields and looks up', async () => {
    const $ = db.command.aggregate
    expect((await db.collection('orders').aggregate().project({ _id: 0, qty: 1 }).sort({ qty: 1 }).end()).data).toEqual([{ qty: 1 }, { qty: 2 }, { qty: 4 }])
    expect((await db.collection('orders').aggregate().match({ who: 'ann' }).count('n').end()).data).toEqual([{ n: 2 }])
    expect((await db.collection('orders').aggregate().unwind('$tags').count('n').end()).data).toEqual([{ n: 3 }])
    expect((await db.collection('orders').aggregate().match({ _id: 'o1' }).addFields({ double: $.multiply(['$qty', 2]) }).project({ double: 1 }).end()).data).toEqual([{ _id: 'o1', double: 4 }])
    const looked = await db.collection('orders').aggregate().match({ _id: 'o3' }).lookup({ from: 'people', localField: 'who', foreignField: '_id', as: 'person' }).end()
    expect((looked.data as Doc[])[0].person).toEqual([{ _id: 'bob', city: 'Suzhou' }])
  })

  it('evaluates $indexOfCP, $substr and $substrBytes as the server does (length -1: the rest)', async () => {
    await seed(db, 'strings', [{ _id: 's', s: 'héllo wörld' }, { _id: 'none' }])
    const $ = db.command.aggregate
    const { data } = await db
      .collection('strings')
      .aggregate()
      .sort({ _id: -1 })
      .project({
        at: $.indexOfCP(['$s', 'wö']),
        from: $.indexOfCP(['$s', 'l', 3]),
        within: $.indexOfCP(['$s', 'l', 4, 9]),
        missing: $.indexOfCP(['$s', 'z']),
        rest: $.substr(['$s', 7, -1]),
        restBytes: $.substrBytes(['$s', 3, -1]),
        head: $.substrBytes(['$s', 0, 3]),
        beyond: $.substrBytes(['$s', 10, 100]),
        past: $.substrBytes(['$s', 50, 2]),
      })
      .end()
    expect(data).toEqual([
      { _id: 's', at: 6, from: 3, within: -1, missing: -1, rest: 'wörld', restBytes: 'llo wörld', head: 'hé', beyond: 'rld', past: '' },
      { _id: 'none', at: null, from: null, within: null, missing: null, rest: '', restBytes: '', head: '', beyond: '', past: '' },
    ])
    // Cutting a character in two is an error, as on the server.
    await expect(db.collection('strings').aggregate().project({ x: $.substrBytes(['$s', 0, 2]) }).end()).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('counts $week from Sunday: days before the first Sunday of the year are week 0', async () => {
    await seed(db, 'days', [
      { _id: 1, d: new Date('2022-01-01T12:00:00Z') }, // Saturday
      { _id: 2, d: new Date('2022-01-02T12:00:00Z') }, // the first Sunday
      { _id: 3, d: new Date('2023-01-01T12:00:00Z') }, // a Sunday, 1 January
      { _id: 4, d: new Date('2023-01-02T12:00:00Z') }, // Monday
      { _id: 5, d: new Date('2024-12-31T12:00:00Z') }, // Tuesday
      { _id: 6, d: new Date('2022-12-31T20:00:00Z') }, // Saturday in UTC, Sunday 1 January in +08:00
    ])
    const $ = db.command.aggregate
    const { data } = await db
      .collection('days')
      .aggregate()
      .sort({ _id: 1 })
      .project({ _id: 0, w: $.week('$d'), local: $.week({ date: '$d', timezone: '+08:00' }), text: $.dateToString({ date: '$d', format: '%Y-%U' }) })
      .end()
    expect(data).toEqual([
      { w: 0, local: 0, text: '2022-00' },
      { w: 1, local: 1, text: '2022-01' },
      { w: 1, local: 1, text: '2023-01' },
      { w: 1, local: 1, text: '2023-01' },
      { w: 52, local: 52, text: '2024-52' },
      { w: 52, local: 1, text: '2022-52' },
    ])
  })

  it('runs a $geoNear stage with the distance', async () => {
    const P = (lng: number, lat: number) => new db.Geo.Point(lng, lat)
    await seed(db, 'stations', [{ _id: 'far', location: P(120.1, 32) }, { _id: 'near', location: P(120.01, 32) }])
    const { data } = await db.collection('stations').aggregate().geoNear({ near: P(120, 32), distanceField: 'd', spherical: true, maxDistance: 50_000 }).end()
    expect(ids(data as Doc[])).toEqual(['near', 'far'])
    expect((data as Doc[])[0].d).toBeCloseTo(943, -1)
  })
})

describe('unique indexes', () => {
  it('answers a duplicate with DATABASE_DUPLICATE_WRITE and writes nothing', async () => {
    const db = open()
    await db.collection('users').add({ openid: 'o1' })
    const err = await db.collection('users').add({ openid: 'o1', extra: true }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect(isDuplicateKeyError(err)).toBe(true)
    expect((await db.collection('users').count()).total).toBe(1)
    await expect(db.collection('users').add([{ openid: 'o2' }, { openid: 'o2' }])).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect((await db.collection('users').where({ openid: 'o2' }).count()).total).toBe(0)
    await expect(db.collection('users').add({ _id: (await db.collection('users').get()).data[0]._id, openid: 'o3' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
  })

  it('lets documents without the field share a sparse index, but not one value', async () => {
    // The app declares no sparse index (CloudBase's index API cannot), but the engine keeps MongoDB's semantics.
    const dir = mkdtempSync(join(tmpdir(), 'nx-sparse-'))
    const indexesFile = join(dir, 'indexes.json')
    writeFileSync(indexesFile, JSON.stringify({ collections: { users: [
      { name: 'openid_unique', keys: [['openid', 1]], unique: true },
      { name: 'idHash_unique', keys: [['idHash', 1]], unique: true, sparse: true },
    ] } }))
    const db = open({ indexesFile })
    await seed(db, 'users', [{ _id: 'u1', openid: 'o1' }, { _id: 'u2', openid: 'o2' }])
    await db.collection('users').doc('u1').update({ idHash: 'h' })
    await expect(db.collection('users').doc('u2').update({ idHash: 'h', other: 1 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect((await db.collection('users').doc('u2').get()).data).toEqual([{ _id: 'u2', openid: 'o2' }])
    expect(ids((await db.collection('users').where({ idHash: 'h' }).get()).data as Doc[])).toEqual(['u1'])
  })

  it('is not fooled by a non-error', () => {
    expect(isDuplicateKeyError(null)).toBe(false)
    expect(isDuplicateKeyError({ code: 'DATABASE_REQUEST_FAILED', message: 'duplicate of something' })).toBe(false)
    expect(isDuplicateKeyError({ code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error collection: users' })).toBe(true)
  })
})

describe('transactions', () => {
  it('commits what runTransaction wrote, and returns the callback result', async () => {
    const db = open()
    await db.collection('things').add({ _id: 'c', n: 1 })
    const result = await db.runTransaction(async (tx: Transaction) => {
      const { data } = await tx.collection('things').doc('c').get()
      await tx.collection('things').doc('c').update({ n: (data as unknown as Doc).n + 1 })
      await tx.collection('things').add({ _id: 'log', note: 'bumped' })
      return 'done'
    })
    expect(result).toBe('done')
    expect(((await db.collection('things').doc('c').get()).data as Doc[])[0].n).toBe(2)
    expect((await db.collection('things').count()).total).toBe(2)
  })

  it('leaves nothing behind when the callback throws', async () => {
    const db = open()
    await db.collection('things').add({ _id: 'c', n: 1 })
    const failing = db.runTransaction(async (tx: Transaction) => {
      await tx.collection('things').doc('c').update({ n: 100 })
      await tx.collection('things').doc('new').set({ made: true })
      await tx.collection('other').add({ also: true })
      await tx.collection('things').doc('c').get()
      throw new Error('boom')
    })
    await expect(failing).rejects.toThrow('boom')
    expect((await db.collection('things').doc('c').get()).data).toEqual([{ _id: 'c', n: 1 }])
    expect((await db.collection('things').count()).total).toBe(1)
    expect((await db.collection('other').count()).total).toBe(0)
  })

  it('sees its own writes, and rolls them back on rollback()', async () => {
    const db = open()
    await db.collection('things').add({ _id: 'gone', n: 1 })
    const tx = await db.startTransaction()
    await tx.collection('things').add({ _id: 'fresh', n: 2 })
    await tx.collection('things').doc('gone').remove()
    expect((await tx.collection('things').doc('fresh').get()).data).toEqual({ _id: 'fresh', n: 2 })
    expect((await tx.collection('things').doc('gone').get()).data).toBeNull()
    expect((await db.collection('things').doc('fresh').get()).data).toEqual([])
    await tx.rollback()
    expect(ids((await db.collection('things').get()).data as Doc[])).toEqual(['gone'])
  })

  it('runs transactions at once: a second one neither waits for the first nor sees its writes', async () => {
    const db = open()
    await db.collection('things').add({ _id: 'a', n: 1 })
    const first = await db.startTransaction()
    await first.collection('things').doc('a').update({ n: 2 })
    const started = Date.now()
    const seen = await db.runTransaction(async (tx: Transaction) => (await tx.collection('things').doc('a').get()).data)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(seen).toEqual({ _id: 'a', n: 1 })
    await first.commit()
    expect((await db.collection('things').doc('a').get()).data).toEqual([{ _id: 'a', n: 2 }])
  })

  it('reads a snapshot: a document first read after an outside write shows it as it was when the transaction started', async () => {
    const db = open()
    await seed(db, 'things', [{ _id: 'a', n: 1 }, { _id: 'b', n: 1 }, { _id: 'gone', n: 1 }])
    const tx = await db.startTransaction()
    expect((await tx.collection('things').doc('a').get()).data).toEqual({ _id: 'a', n: 1 })
    await db.collection('things').doc('a').update({ n: 2 })
    await db.collection('things').doc('b').update({ n: 2 })
    await db.collection('things').doc('b').update({ n: 3 })
    await db.collection('things').doc('gone').remove()
    await db.collection('things').add({ _id: 'new', n: 1 })
    expect((await tx.collection('things').doc('a').get()).data).toEqual({ _id: 'a', n: 1 })
    expect((await tx.collection('things').doc('b').get()).data).toEqual({ _id: 'b', n: 1 })
    expect((await tx.collection('things').doc('gone').get()).data).toEqual({ _id: 'gone', n: 1 })
    expect((await tx.collection('things').doc('new').get()).data).toBeNull()
    // A transaction started now sees all of it.
    const later = await db.startTransaction()
    expect((await later.collection('things').doc('b').get()).data).toEqual({ _id: 'b', n: 3 })
    expect((await later.collection('things').doc('gone').get()).data).toBeNull()
    await Promise.all([tx.commit(), later.commit()])
  })

  it('refuses a write to a document changed after the transaction started, at the write, and ends that transaction', async () => {
    const db = open()
    await seed(db, 'things', [{ _id: 'a', n: 1 }, { _id: 'b', n: 1 }])
    const tx = await db.startTransaction()
    await tx.collection('things').doc('b').update({ n: 5 })
    await db.collection('things').doc('a').update({ n: 2 })
    const err = await tx.collection('things').doc('a').update({ n: 10 }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    // MongoDB aborts a transaction on a write conflict: its earlier write is gone, and so is the transaction.
    await expect(tx.collection('things').doc('b').get()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('TransactionNotExist') })
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
    expect(ids((await db.collection('things').where({ n: 1 }).get()).data as Doc[])).toEqual(['b'])
  })

  it('lets the first writer of a document win: a second transaction conflicts at once, also on a unique value', async () => {
    const db = open()
    await seed(db, 'things', [{ _id: 'a', n: 1 }])
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1.collection('things').doc('a').update({ n: 2 })
    await t1.collection('users').add({ _id: 'u1', openid: 'o1' })
    const started = Date.now()
    await expect(t2.collection('things').doc('a').update({ n: 3 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(Date.now() - started).toBeLessThan(1000)
    const t3 = await db.startTransaction()
    await expect(t3.collection('users').add({ _id: 'u2', openid: 'o1' })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    await t1.commit()
    expect((await db.collection('things').doc('a').get()).data).toEqual([{ _id: 'a', n: 2 }])
    // Once the first has committed, the same value is a plain duplicate for a transaction that sees it.
    const t4 = await db.startTransaction()
    await expect(t4.collection('users').add({ _id: 'u3', openid: 'o1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    await t4.rollback()
  })

  it('makes a plain write to a document an open transaction wrote wait until that transaction ends', async () => {
    const db = open()
    await seed(db, 'things', [{ _id: 'a', n: 1 }, { _id: 'b', n: 1 }])
    const tx = await db.startTransaction()
    await tx.collection('things').doc('a').update({ n: 10 })
    let done = false
    const plain = db.collection('things').doc('a').update({ n: db.command.inc(1) }).then(() => (done = true))
    // Other documents are not held up, and nor are reads.
    await db.collection('things').doc('b').update({ n: 2 })
    expect((await db.collection('things').doc('a').get()).data).toEqual([{ _id: 'a', n: 1 }])
    await new Promise((r) => setTimeout(r, 30))
    expect(done).toBe(false)
    await tx.commit()
    await plain
    expect((await db.collection('things').doc('a').get()).data).toEqual([{ _id: 'a', n: 11 }])

    // After a rollback the waiting write applies to what was there before.
    const undone = await db.startTransaction()
    await undone.collection('things').doc('b').remove()
    const waiting = db.collection('things').where({ _id: 'b' }).update({ n: db.command.inc(1) })
    await undone.rollback()
    expect(await waiting).toMatchObject({ updated: 1 })
    expect((await db.collection('things').doc('b').get()).data).toEqual([{ _id: 'b', n: 3 }])
  })

  it('retries a transaction that a plain write overtook at once, in a new transaction', async () => {
    const db = open()
    await db.collection('counters').add({ _id: 'c', n: 0 })
    let attempts = 0
    const started = Date.now()
    await db.runTransaction(async (tx: Transaction) => {
      attempts++
      const { data } = await tx.collection('counters').doc('c').get()
      if (attempts === 1) await db.collection('counters').doc('c').update({ n: db.command.inc(10) })
      await tx.collection('counters').doc('c').update({ n: (data as unknown as Doc).n + 1 })
    })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(attempts).toBe(2)
    expect(((await db.collection('counters').doc('c').get()).data as Doc[])[0].n).toBe(11)
  })

  it('never loses an increment: with the SDK’s 3 retries some of 20 at once may give up, each with a conflict', async () => {
    const db = open()
    await db.collection('counters').add({ _id: 'seats', taken: 0 })
    const bump = () =>
      db.runTransaction(async (tx: Transaction) => {
        const { data } = await tx.collection('counters').doc('seats').get()
        await new Promise((r) => setTimeout(r, 1))
        await tx.collection('counters').doc('seats').update({ taken: (data as unknown as Doc).taken + 1 })
      })
    const results = await Promise.allSettled(Array.from({ length: 20 }, bump))
    const failed = results.filter((r) => r.status === 'rejected')
    for (const f of failed) expect((f as PromiseRejectedResult).reason).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(((await db.collection('counters').doc('seats').get()).data as Doc[])[0].taken).toBe(20 - failed.length)
  })

  it('sells exactly 50 seats to 200 callers racing through runTransaction, never below zero', async () => {
    const db = open()
    await db.collection('shows').add({ _id: 'show', seats: 50 })
    let attempts = 0
    let conflicts = 0
    let gaveUp = 0
    const lowest = { seats: 50 }
    const buy = async (): Promise<boolean> => {
      for (let call = 0; ; call++) {
        try {
          return await db.runTransaction(async (tx: Transaction) => {
            attempts++
            const { data } = await tx.collection('shows').doc('show').get()
            const seats = (data as unknown as Doc).seats as number
            if (seats <= 0) return false
            await tx.collection('shows').doc('show').update({ seats: seats - 1 })
            return true
          })
        } catch (e) {
          if ((e as Doc).code !== 'DATABASE_TRANSACTION_CONFLICT') throw e
          conflicts++
          if (call === 0) gaveUp++
        }
      }
    }
    const watcher = setInterval(async () => {
      const [doc] = (await db.collection('shows').doc('show').get()).data as Doc[]
      lowest.seats = Math.min(lowest.seats, doc.seats)
    }, 1)
    const started = Date.now()
    const outcomes = await Promise.all(Array.from({ length: 200 }, buy))
    const ms = Date.now() - started
    clearInterval(watcher)
    expect(outcomes.filter(Boolean)).toHaveLength(50)
    expect((await db.collection('shows').doc('show').get()).data).toEqual([{ _id: 'show', seats: 0 }])
    expect(lowest.seats).toBeGreaterThanOrEqual(0)
    // The figures README.md quotes: time, callbacks run, runTransaction calls that ran out of the SDK's retries.
    process.stdout.write(`seat race: 200 callers in ${ms} ms, ${attempts} transaction attempts, ${conflicts} runTransaction calls out of retries (${gaveUp} on the first call)\n`)
  }, 120_000)

  it('answers DATABASE_TRANSACTION_FAIL (TransactionNotExist) for anything done with an ended transaction', async () => {
    const db = open()
    const tx = await db.startTransaction()
    await tx.collection('things').add({ _id: 'x' })
    await tx.commit()
    const ended = { code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('TransactionNotExist') }
    await expect(tx.collection('things').add({ _id: 'y' })).rejects.toMatchObject(ended)
    await expect(tx.collection('things').doc('x').update({ n: 1 })).rejects.toMatchObject(ended)
    await expect(tx.collection('things').doc('x').get()).rejects.toMatchObject(ended)
    await expect(tx.commit()).rejects.toMatchObject(ended)
    const rolled = await db.startTransaction()
    await rolled.rollback()
    await expect(rolled.collection('things').doc('x').remove()).rejects.toMatchObject(ended)
    await expect(rolled.rollback()).rejects.toMatchObject(ended)
    expect(ids((await db.collection('things').get()).data as Doc[])).toEqual(['x'])
  })

  it('takes numeric _ids, in a transaction and out, apart from the same digits as a string', async () => {
    const db = open()
    await db.collection('things').add([{ _id: 1, kind: 'number' }, { _id: '1', kind: 'string' }, { _id: 2.5, kind: 'number' }])
    await db.runTransaction(async (tx: Transaction) => {
      const { data } = await tx.collection('things').doc(1).get()
      await tx.collection('things').doc(1).update({ seen: (data as unknown as Doc).kind })
      await tx.collection('things').doc(3).set({ kind: 'number' })
      await tx.collection('things').add({ _id: 4, kind: 'number' })
    })
    expect((await db.collection('things').doc(1).get()).data).toEqual([{ _id: 1, kind: 'number', seen: 'number' }])
    expect((await db.collection('things').doc('1').get()).data).toEqual([{ _id: '1', kind: 'string' }])
    await expect(db.collection('things').add({ _id: 1 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    const _ = db.command
    expect(ids((await db.collection('things').where({ _id: _.gt(2) }).orderBy('_id', 'asc').get()).data as Doc[])).toEqual([2.5, 3, 4])
    expect(ids((await db.collection('things').where({ _id: _.in([1, '1']) }).orderBy('_id', 'asc').get()).data as Doc[])).toEqual([1, '1'])
    expect(ids((await db.collection('things').where({}).orderBy('_id', 'desc').get()).data as Doc[])).toEqual(['1', 4, 3, 2.5, 1])
    expect((await db.collection('things').doc(3).remove()).deleted).toBe(1)
  })

  it('refuses queries inside a transaction and reports duplicates at the write', async () => {
    const db = open()
    await db.collection('users').add({ _id: 'u1', openid: 'o1' })
    const tx = await db.startTransaction()
    await expect(tx.collection('users').where({ openid: 'o1' }).get()).rejects.toMatchObject({ code: 'INVALID_PARAM' })
    await expect(tx.collection('users').add({ openid: 'o1' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    await expect(tx.collection('users').add({ _id: 'u1', openid: 'o9' })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    await tx.collection('users').add({ _id: 'u2', openid: 'o2' })
    await tx.commit()
    expect((await db.collection('users').count()).total).toBe(2)
  })

  it('aborts a transaction left open past its lifetime, releasing what it held', async () => {
    const db = open({ transactionTimeoutMs: 50 })
    await db.collection('things').add({ _id: 'c', n: 1 })
    // Its lifetime runs from the start: on a busy machine the two writes below may use up most of it already.
    const opened = Date.now()
    const abandoned = await db.startTransaction()
    await abandoned.collection('things').add({ _id: 'lost' })
    await abandoned.collection('things').doc('c').update({ n: 100 })
    await db.collection('things').doc('c').update({ n: db.command.inc(1) })
    // The plain write waited for the abandoned transaction's lifetime to run out (it held the document).
    expect(Date.now() - opened).toBeGreaterThanOrEqual(45)
    await expect(abandoned.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('TransactionNotExist') })
    expect((await db.collection('things').get()).data).toEqual([{ _id: 'c', n: 2 }])
  })
})
