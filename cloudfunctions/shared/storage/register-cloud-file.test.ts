import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Runtime, Transaction } from '../core/context'
import { openLocalDatabase, type LocalDatabase } from '../db/local'
import { createVault } from '../security/vault'
import type { UserDoc } from '../user/user.doc'
import type { FileStore, StoredBytes } from './file-store'
import { attachFiles, fileLink, findFile, registerCloudFile } from './files'

/**
 * registerCloudFile against a Map standing in for CloudBase storage (which has no offline twin): the same
 * FileStore contract, keyed by cloud fileID as the cloud store is.
 */
class MemoryCloud implements FileStore {
  readonly files = new Map<string, StoredBytes>()
  async put(key: string, bytes: Buffer) {
    this.files.set(key, { bytes, contentType: 'application/octet-stream' })
  }
  async get(key: string) {
    return this.files.get(key) ?? null
  }
  async remove(key: string) {
    this.files.delete(key)
  }
  async link(key: string, expiresAt: Date) {
    return `https://temp.example/${encodeURIComponent(key)}?expires=${expiresAt.getTime()}`
  }
}

const rider = { _id: 'u_rider', openid: 'o_rider' } as UserDoc
const other = { _id: 'u_other', openid: 'o_other' } as UserDoc
const fileID = (owner: string, name: string) => `cloud://nuanxin-prod.6e75-nuanxin-prod/uploads/${owner}/${name}`
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n')

let local: LocalDatabase
let dir: string
let cloud: MemoryCloud
let rt: Runtime
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nx-cloudfile-'))
  local = openLocalDatabase({ file: join(dir, 'db.sqlite') })
  cloud = new MemoryCloud()
  rt = {
    stage: 'production',
    db: local.db,
    vault: createVault(randomBytes(32)),
    log: () => undefined,
    files: cloud,
    now: () => new Date('2026-11-29T02:00:00Z'),
    bootstrapAdmins: new Set(),
  }
})
afterEach(() => {
  local.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('registerCloudFile', () => {
  it('records an upload from the caller’s own folder with the sniffed type; a retry answers the same', async () => {
    const id = fileID('u_rider', 'lq3x9a-7f2k1m0p9z.pdf')
    await cloud.put(id, PDF)
    const view = await registerCloudFile(rt, rider, { fileID: id, name: '欠条.pdf' })
    expect(view).toEqual({ fileId: expect.stringMatching(/^c_[0-9a-f]{32}$/), name: '欠条.pdf', size: PDF.length, contentType: 'application/pdf' })
    expect(await findFile(rt.db, view.fileId)).toMatchObject({ ownerOpenid: 'o_rider', key: id })
    expect(await registerCloudFile(rt, rider, { fileID: id, name: '欠条.pdf' })).toEqual(view)
    await rt.db.runTransaction((tx: Transaction) => attachFiles(rt, tx, 'o_rider', [view.fileId], 'app-1'))
    expect(await findFile(rt.db, view.fileId)).toMatchObject({ attached: true, attachedTo: ['app-1'] })
  })

  it('refuses a file outside the caller’s own upload folder, without reading it', async () => {
    const theirs = fileID('u_other', 'lq3x9a-7f2k1m0p9z.pdf')
    await cloud.put(theirs, PDF)
    for (const id of [theirs, fileID('u_rider/../u_other', 'lq3x9a-7f2k1m0p9z.pdf'), 'cloud://env/avatars/u_rider/lq3x9a-7f2k1m0p9z.pdf', fileID('u_rider', 'short'), 'https://example.com/x.pdf']) {
      await expect(registerCloudFile(rt, rider, { fileID: id })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { fileID: expect.any(String) } })
    }
    expect(cloud.files.has(theirs)).toBe(true)
    await registerCloudFile(rt, other, { fileID: theirs })
  })

  it('refuses and deletes an upload that is not an allowed type or too large; a missing one is a field error', async () => {
    const text = fileID('u_rider', 'aaaaaaaaaaaaaaaa.png')
    const huge = fileID('u_rider', 'bbbbbbbbbbbbbbbb.pdf')
    await cloud.put(text, Buffer.from('not a picture'))
    await cloud.put(huge, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))
    await expect(registerCloudFile(rt, rider, { fileID: text })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { fileID: '只能上传 JPG、PNG 照片或 PDF 文件' } })
    await expect(registerCloudFile(rt, rider, { fileID: huge })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
    expect(cloud.files.size).toBe(0)
    await expect(registerCloudFile(rt, rider, { fileID: fileID('u_rider', 'cccccccccccccccc.jpg') })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { fileID: expect.any(String) } })
  })

  it('answers NOT_AVAILABLE where no file store is configured', async () => {
    const id = fileID('u_rider', 'dddddddddddddddd.pdf')
    await expect(registerCloudFile({ ...rt, files: undefined }, rider, { fileID: id })).rejects.toMatchObject({ code: 'NOT_AVAILABLE' })
  })
})

describe('fileLink on cloud storage', () => {
  it('hands the owner the store’s temporary URL for the cloud fileID, ten minutes long; nobody else gets one', async () => {
    const id = fileID('u_rider', 'eeeeeeeeeeeeeeee.pdf')
    await cloud.put(id, PDF)
    const view = await registerCloudFile(rt, rider, { fileID: id, name: '欠条.pdf' })
    expect(await fileLink(rt, view.fileId, rider, [])).toEqual({
      ...view,
      url: `https://temp.example/${encodeURIComponent(id)}?expires=${Date.parse('2026-11-29T02:10:00Z')}`,
      expiresAt: '2026-11-29T02:10:00.000Z',
    })
    await expect(fileLink(rt, view.fileId, { ...other, roles: { staff: [] } } as unknown as UserDoc, [])).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
