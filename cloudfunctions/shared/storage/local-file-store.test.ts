import { readFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localFileStore } from './local-file-store'

let root: string
let dir: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nuanxin-files-'))
  dir = join(root, 'data', 'files')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))
const linkOf = (key: string, expiresAt: Date) => `/files/${key}?exp=${expiresAt.getTime()}`

describe('localFileStore', () => {
  it('round-trips bytes and type, overwrites, and removes (a missing key is not an error)', async () => {
    const store = localFileStore(dir, linkOf)
    await store.put('f_1', Buffer.from([0, 10, 13, 255]), 'image/png')
    expect(await store.get('f_1')).toEqual({ bytes: Buffer.from([0, 10, 13, 255]), contentType: 'image/png' })
    await store.put('f_1', Buffer.from('%PDF-'), 'application/pdf')
    expect(await store.get('f_1')).toEqual({ bytes: Buffer.from('%PDF-'), contentType: 'application/pdf' })
    await store.remove('f_1')
    await store.remove('f_1')
    expect(await store.get('f_1')).toBeNull()
    expect(readdirSync(dir)).toEqual([])
    expect(await store.link('f_1', new Date(5000))).toBe('/files/f_1?exp=5000')
  })

  it('never lets a key name a path outside its folder', async () => {
    const store = localFileStore(dir, linkOf)
    writeFileSync(join(root, 'secret'), 'outside')
    for (const key of ['../../secret', '../secret', '/etc/passwd', '..', '.', '', 'a/b', 'a\\b', 'f_1\0', '.tmp-x', 'x'.repeat(129)]) {
      await expect(store.put(key, Buffer.from('x'), 'image/png')).rejects.toThrow('unsafe file-store key')
      // A read or removal by such a key finds nothing (nothing can be stored under it) and touches nothing.
      expect(await store.get(key)).toBeNull()
      await store.remove(key)
      await expect(store.link(key, new Date(0))).rejects.toThrow('unsafe file-store key')
    }
    expect(readdirSync(dir)).toEqual([])
    expect(readdirSync(root).sort()).toEqual(['data', 'secret'])
    expect(readFileSync(join(root, 'secret'), 'utf8')).toBe('outside')
  })

  it('leaves no temp file behind when a write fails', async () => {
    const store = localFileStore(dir, linkOf)
    await expect(store.put('f_1', Buffer.from('x'), 'image/png\nx')).rejects.toThrow()
    // A key that is a folder makes the rename fail after the temp file was written.
    await store.put('f_dir', Buffer.from('x'), 'image/png')
    rmSync(join(dir, 'f_dir'))
    mkdirSync(join(dir, 'f_dir', 'inner'), { recursive: true })
    await expect(store.put('f_dir', Buffer.from('y'), 'image/png')).rejects.toThrow()
    expect(readdirSync(dir)).toEqual(['f_dir'])
  })
})
