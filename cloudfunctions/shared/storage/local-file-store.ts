import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileStore } from './file-store'

/** Keys become file names as they are: only a character set that cannot name another folder is accepted. */
const SAFE_KEY = /^[A-Za-z0-9_-]{1,128}$/

/** Writing or linking under another key is a bug of ours (the server picks keys); the message keeps the key out of logs. */
function pathOf(dir: string, key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error('unsafe file-store key')
  return join(dir, key)
}

/**
 * The local twin of cloud storage: one file per key in `dir`, its first line the content type, then the bytes —
 * one file, so a write is atomic (temp file + rename) and a crash never leaves bytes without their type.
 * `linkOf` makes the read address (the local server signs a path: server/file-link.ts).
 */
export function localFileStore(dir: string, linkOf: (key: string, expiresAt: Date) => string): FileStore {
  mkdirSync(dir, { recursive: true })
  return {
    async put(key, bytes, contentType) {
      if (/[\r\n]/.test(contentType)) throw new Error('content type must be one line')
      const target = pathOf(dir, key)
      // The dot keeps temp files out of the key space: no key can start with one.
      const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`)
      try {
        await writeFile(temp, Buffer.concat([Buffer.from(`${contentType}\n`), bytes]), { mode: 0o600 })
        await rename(temp, target)
      } catch (e) {
        await unlink(temp).catch(() => undefined)
        throw e
      }
    },
    async get(key) {
      // Reads may come with a key a client sent (a cloud fileID reaching the local server): nothing can be stored
      // under a key that is not safe, so it is simply not there.
      if (!SAFE_KEY.test(key)) return null
      let raw: Buffer
      try {
        raw = await readFile(pathOf(dir, key))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
      const eol = raw.indexOf(0x0a)
      return { contentType: raw.subarray(0, eol).toString(), bytes: raw.subarray(eol + 1) }
    },
    async remove(key) {
      if (!SAFE_KEY.test(key)) return
      await unlink(pathOf(dir, key)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e
      })
    },
    async link(key, expiresAt) {
      pathOf(dir, key)
      return linkOf(key, expiresAt)
    },
  }
}
