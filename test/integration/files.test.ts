import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Envelope } from '~types/errors'
import type { FileLink } from '~types/file.schema'
import type { FileView } from '../../cloudfunctions/shared/storage/file.doc'
import type { Transaction } from '../../cloudfunctions/shared/core/context'
import { attachFiles, fileLink, type FileReadRule, findFile, purgeUnattachedFiles, UNATTACHED_FILE_TTL_MS } from '../../cloudfunctions/shared/storage/files'
import { findUserByOpenid } from '../../cloudfunctions/shared/user/user.repository'
import { signFilePath } from '../../server/file-link'
import { TINY_PDF, tinyPng } from '../support/files'
import { startTestServer, type TestServer } from '../support/server'


const PDF = TINY_PDF

const START = '2026-11-29T02:00:00Z'
let clock = new Date(START)
let s: TestServer
const t: Record<string, string> = {}
beforeAll(async () => {
  s = await startTestServer({ seed: true, now: () => clock })
  for (const who of ['demo-rider', 'demo-courier', 'demo-staff-nantong']) t[who] = await s.login(who)
})
afterAll(() => s.close())

async function upload(who: string | null, body: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}/api/files`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', ...(who ? { authorization: `Bearer ${t[who]}` } : {}), ...headers },
    body,
  })
  return { status: res.status, body: (await res.json()) as Envelope<FileView> }
}

async function uploaded(who: string, body: Buffer, headers: Record<string, string> = {}): Promise<FileView> {
  const { body: env } = await upload(who, body, headers)
  if (!env.ok) throw new Error(JSON.stringify(env.error))
  return env.data
}

/** How any client opens a file: `application.fileLink` (the access check), then a plain GET of the link. */
async function linkFor(who: string | null, fileId: string) {
  return s.call<FileLink>('application', 'fileLink', { fileId }, who ? { token: t[who] } : {})
}
async function read(who: string | null, fileId: string): Promise<Response | string> {
  const link = await linkFor(who, fileId)
  return link.body.ok ? fetch(`${s.url}${link.body.data.url}`) : link.body.error.code
}

describe('uploading an attachment', () => {
  it('stores a PNG with the type sniffed from its bytes and a cleaned name', async () => {
    const file = await uploaded('demo-rider', tinyPng(), { 'x-file-name': encodeURIComponent('工资条 8月.png') })
    expect(file).toEqual({ fileId: expect.stringMatching(/^f_[0-9a-f]{24}$/), name: '工资条 8月.png', size: tinyPng().length, contentType: 'image/png' })
  })

  it('stores a PDF whatever type the request declared, and gives a name the right extension', async () => {
    const file = await uploaded('demo-rider', PDF, { 'content-type': 'image/jpeg', 'x-file-name': encodeURIComponent('../../合同') })
    expect(file).toMatchObject({ contentType: 'application/pdf', name: '合同.pdf', size: PDF.length })
  })

  it('refuses a text file named .png and an executable, naming the field', async () => {
    const text = await upload('demo-rider', Buffer.from('just some text, not a picture'), { 'x-file-name': 'photo.png' })
    const exe = await upload('demo-rider', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), { 'content-type': 'application/octet-stream' })
    const html = await upload('demo-rider', Buffer.from('<html><script>alert(1)</script>'), { 'content-type': 'text/html' })
    for (const res of [text, exe, html]) {
      expect(res).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { file: '只能上传 JPG、PNG 照片或 PDF 文件' } } } })
    }
    expect(await upload('demo-rider', Buffer.alloc(0))).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT', fields: { file: expect.any(String) } } } })
  })

  it('refuses more than 10 MiB with PAYLOAD_TOO_LARGE, while exactly 10 MiB is fine', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length)])
    expect((await uploaded('demo-rider', big)).size).toBe(10 * 1024 * 1024)
    expect(await upload('demo-rider', Buffer.concat([big, Buffer.from('x')]))).toMatchObject({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } })
  })

  it('the JSON API keeps its 64 KiB limit', async () => {
    const body = JSON.stringify({ action: 'login', data: { pad: 'x'.repeat(65 * 1024) } })
    expect(await s.post('/api/fn/user', body)).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } })
  })

  it('refuses a caller without identity, with a bad token, or before the profile is complete', async () => {
    expect(await upload(null, tinyPng())).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } })
    t['bad'] = 'garbage.token'
    expect(await upload('bad', tinyPng())).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } })
    t['newcomer'] = await s.login('newcomer')
    expect(await upload('newcomer', tinyPng())).toMatchObject({ status: 403, body: { error: { code: 'PROFILE_INCOMPLETE' } } })
  })
})

describe('registering a cloud upload on the local server (where no cloud storage exists)', () => {
  it('answers a typed error naming fileID, never a 500, and logs nothing about the caller', async () => {
    const me = (await findUserByOpenid(s.runtime.db, 'demo-rider'))!
    const stderr = jest.spyOn(process.stderr, 'write')
    try {
      for (const fileID of [`cloud://env/uploads/${me._id}/abcdefghijklmnopqrst.png`, `cloud://env/uploads/${me._id}/../../x`, 'cloud://env/uploads/other/abcdefghijklmnopqrst.png']) {
        const res = await s.call('application', 'registerFile', { fileID }, { token: t['demo-rider'] })
        expect(res).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { fileID: expect.stringMatching(/文件/) } } } })
      }
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).not.toContain(me._id)
      expect(JSON.stringify(s.logs)).not.toContain(me._id)
    } finally {
      stderr.mockRestore()
    }
  })
})

describe('reading an attachment', () => {
  it('the owner gets a 10-minute link that reads it back byte-identical, with headers that keep it private and un-sniffed', async () => {
    const file = await uploaded('demo-rider', tinyPng(), { 'x-file-name': encodeURIComponent('伤情 "照片".png') })
    const link = await linkFor('demo-rider', file.fileId)
    if (!link.body.ok) throw new Error(JSON.stringify(link.body.error))
    expect(link.body.data).toMatchObject({ ...file, url: expect.stringMatching(/^\/api\/files\/f_[0-9a-f]{24}\?exp=\d+&sig=[\w-]+$/) })
    expect(Date.parse(link.body.data.expiresAt) - clock.getTime()).toBe(10 * 60 * 1000)
    const res = await fetch(`${s.url}${link.body.data.url}`)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(tinyPng())).toBe(true)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="_____.png"; filename*=UTF-8''${encodeURIComponent('伤情 照片.png')}`)
  })

  it('anyone else gets the same NOT_FOUND as for a file that does not exist; no identity gets UNAUTHENTICATED', async () => {
    const file = await uploaded('demo-rider', PDF)
    const other = await linkFor('demo-courier', file.fileId)
    const missing = await linkFor('demo-courier', 'f_000000000000000000000000')
    expect(other).toEqual(missing)
    expect(missing).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } })
    expect(await linkFor(null, file.fileId)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } })
  })

  it('a read rule the caller passes grants access, only what it grants, and each opening by another is audited', async () => {
    const file = await uploaded('demo-rider', PDF)
    expect(await read('demo-staff-nantong', file.fileId)).toBe('NOT_FOUND')
    const staff = (await findUserByOpenid(s.runtime.db, 'demo-staff-nantong'))!
    const courier = (await findUserByOpenid(s.runtime.db, 'demo-courier'))!
    const rule: FileReadRule = async (f, user) => user.roles.staff.length > 0 && f._id === file.fileId
    const link = await fileLink(s.runtime, file.fileId, staff, [rule])
    expect(Buffer.from(await (await fetch(`${s.url}${link.url}`)).arrayBuffer())).toEqual(PDF)
    await expect(fileLink(s.runtime, file.fileId, courier, [rule])).rejects.toMatchObject({ code: 'NOT_FOUND' })
    // Each opening by someone other than the owner is audited; the owner's own are not.
    await read('demo-rider', file.fileId)
    const { data: opened } = await s.runtime.db.collection('audit').where({ targetType: 'file', targetId: file.fileId }).get()
    expect(opened).toEqual([expect.objectContaining({ action: 'file.open', actorId: staff._id, actorRole: 'staff' })])
    // Without the rule (the application function's own rules: no application lists this file) nothing is granted.
    expect(await read('demo-staff-nantong', file.fileId)).toBe('NOT_FOUND')
  })

  it('a link is the whole permission, for that file and until it expires: tampered, borrowed or stale links read nothing', async () => {
    const file = await uploaded('demo-rider', PDF)
    const another = await uploaded('demo-rider', tinyPng())
    const link = await linkFor('demo-rider', file.fileId)
    if (!link.body.ok) throw new Error('no link')
    const url = new URL(link.body.data.url, s.url)
    const get = (mutate: (u: URL) => void) => {
      const u = new URL(url)
      mutate(u)
      return fetch(u)
    }
    expect((await get(() => undefined)).status).toBe(200)
    // One character of the signature changed (never to itself).
    const sig = url.searchParams.get('sig')!
    expect((await get((u) => u.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`))).status).toBe(404)
    expect((await get((u) => u.searchParams.delete('sig'))).status).toBe(404)
    expect((await get((u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 3600_000)))).status).toBe(404)
    expect((await get((u) => (u.pathname = `/api/files/${another.fileId}`))).status).toBe(404)
    clock = new Date(clock.getTime() + 10 * 60 * 1000 + 1)
    try {
      const stale = await get(() => undefined)
      expect(stale.status).toBe(403)
      expect(await stale.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '附件链接已过期，请回到页面重新打开' } })
    } finally {
      clock = new Date(START)
    }
  })

  it('a key that tries to leave the files folder is just not found, even with a valid signature for it', async () => {
    const exp = new Date(clock.getTime() + 60_000)
    for (const key of ['../../master.key', '../nuanxin.sqlite', '..', 'f_x\0']) {
      const signed = signFilePath(s.runtime.vault, key, exp)
      const res = await fetch(`${s.url}${signed}`)
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ ok: false })
    }
  })
})

describe('attaching files to a submission', () => {
  const attach = (openid: string, ids: string[], recordId: string) =>
    s.runtime.db.runTransaction((tx: Transaction) => attachFiles(s.runtime, tx, openid, ids, recordId))

  it('marks the caller’s own files as attached to the record, once each, and a file may serve two records', async () => {
    const a = await uploaded('demo-rider', tinyPng())
    const b = await uploaded('demo-rider', PDF)
    expect(await findFile(s.runtime.db, a.fileId)).toMatchObject({ attached: false, attachedTo: [] })
    await attach('demo-rider', [a.fileId, a.fileId, b.fileId], 'app-1')
    await attach('demo-rider', [a.fileId], 'app-1')
    await attach('demo-rider', [a.fileId], 'app-2')
    expect(await findFile(s.runtime.db, a.fileId)).toMatchObject({ attached: true, attachedTo: ['app-1', 'app-2'] })
    expect(await findFile(s.runtime.db, b.fileId)).toMatchObject({ attached: true, attachedTo: ['app-1'] })
  })

  it('refuses someone else’s file or a made-up id, naming the field, and marks nothing', async () => {
    const mine = await uploaded('demo-rider', tinyPng())
    const theirs = await uploaded('demo-courier', PDF)
    for (const ids of [[mine.fileId, theirs.fileId], [mine.fileId, 'f_000000000000000000000000']]) {
      await expect(attach('demo-rider', ids, 'app-x')).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { attachments: expect.any(String) } })
    }
    expect(await findFile(s.runtime.db, mine.fileId)).toMatchObject({ attached: false, attachedTo: [] })
  })

  it('keeps the bytes inside <dataDir>/files, one file per upload', async () => {
    const file = await uploaded('demo-rider', tinyPng())
    expect(existsSync(join(s.dataDir, 'files', file.fileId))).toBe(true)
    // Every name is one the server chose: an upload's id, or a file it made itself (the demo's record certificate, vr_<number>).
    const names = readdirSync(join(s.dataDir, 'files'))
    expect(names.filter((n) => !/^([fc]_[0-9a-f]+|vr_ZYZM-\d{4}-\d{6})$/.test(n))).toEqual([])
  })
})

describe('purging uploads nobody attached', () => {
  it('deletes the record and the bytes of an upload left unattached for 14 days; attached or younger ones stay', async () => {
    const stale = await uploaded('demo-rider', PDF)
    const kept = await uploaded('demo-rider', PDF)
    await s.runtime.db.runTransaction((tx: Transaction) => attachFiles(s.runtime, tx, 'demo-rider', [kept.fileId], 'app-purge'))
    clock = new Date(clock.getTime() + UNATTACHED_FILE_TTL_MS - 1000)
    t['demo-rider'] = await s.login('demo-rider') // a local sign-in lasts a week of the server's clock
    const young = await uploaded('demo-rider', PDF)
    try {
      clock = new Date(Date.parse(START) + UNATTACHED_FILE_TTL_MS + 1)
      const purged = await purgeUnattachedFiles(s.runtime)
      expect(purged).toBeGreaterThanOrEqual(1)
      expect(await findFile(s.runtime.db, stale.fileId)).toBeNull()
      expect(existsSync(join(s.dataDir, 'files', stale.fileId))).toBe(false)
      for (const f of [kept, young]) {
        expect(await findFile(s.runtime.db, f.fileId)).not.toBeNull()
        expect(existsSync(join(s.dataDir, 'files', f.fileId))).toBe(true)
      }
      expect(await purgeUnattachedFiles(s.runtime)).toBe(0)
    } finally {
      clock = new Date(START)
    }
  })
})
