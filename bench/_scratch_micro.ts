import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLocalRuntime } from '../server/local-runtime'
import { seedDemoData } from '../server/seed'
import { dispatch } from '../cloudfunctions/shared/core/dispatch'
import { FUNCTIONS } from '../cloudfunctions/shared/functions'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'

void (async () => {
  const { runtime: rt } = openLocalRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'nx-')), log: () => undefined })
  await seedDemoData(rt)
  const engine = (rt.db as any).config.embeddedEngine
  const store = engine.store
  console.log('users:', store.sqlite.prepare('SELECT count(*) n, avg(length(doc)) len FROM users').get())
  const st = store.sqlite.prepare(`SELECT rowid, doc FROM "users" WHERE nx_key(doc -> '$."openid"') = ? LIMIT ? OFFSET ?`)
  console.log(store.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT rowid, doc FROM "users" WHERE nx_key(doc -> '$."openid"') = ? LIMIT ? OFFSET ?`).all(Buffer.from('\x03demo-rider'), 1, 0))
  const key = Buffer.concat([Buffer.from([3]), Buffer.from('demo-rider')])
  const time = async (name: string, n: number, f: () => unknown) => {
    for (let i = 0; i < n / 10; i++) await f()
    const t = performance.now()
    for (let i = 0; i < n; i++) await f()
    console.log(name.padEnd(20), ((performance.now() - t) / n * 1000).toFixed(1), 'µs')
  }
  console.log(st.all(key, 1, 0).length)
  await time('sql all', 20000, () => st.all(key, 1, 0))
  const st2 = store.sqlite.prepare(`SELECT rowid FROM "users" WHERE nx_key(doc -> '$."openid"') = ? LIMIT ? OFFSET ?`)
  await time('sql rowid only', 20000, () => st2.all(key, 1, 0))
  const st3 = store.sqlite.prepare(`SELECT doc FROM "users" WHERE _id = ?`)
  const id = (st.get(key, 1, 0) as any).doc && JSON.parse((st.get(key, 1, 0) as any).doc)._id
  await time('sql by _id', 20000, () => st3.get(id))
  const tok = { openid: 'demo-rider' }
  await time('findUserByOpenid', 20000, () => findUserByOpenid(rt.db, 'demo-rider'))
  await time('engine.handle', 20000, () => engine.handle('database.getDocument', { collectionName: 'users', query: '{"openid":"demo-rider"}', queryType: 'WHERE', limit: 1, offset: 0 }))
  await time('dispatch', 20000, () => dispatch(FUNCTIONS.user as any, { action: 'getProfile', data: {} }, tok, rt))
  if (process.env.LOOP) { const end = Date.now() + 5000; while (Date.now() < end) await dispatch(FUNCTIONS.user as any, { action: 'getProfile', data: {} }, tok, rt) }
})()
