import type { CloudBase } from '@cloudbase/node-sdk'
import type { FileStore } from './file-store'

/** `cloud://<env>.<bucket>/<path>` → `<path>`, the cloudPath uploadFile wants. */
function cloudPathOf(fileID: string): string {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
  if (!match) throw new Error('not a cloud fileID')
  return match[1]
}

/**
 * CloudBase cloud storage through @cloudbase/node-sdk (admin rights: storage security rules do not apply, so every
 * access decision is made before calling this). Keys are cloud fileIDs, as `Taro.cloud.uploadFile` returns them.
 * Not exercised offline — there is no local CloudBase storage — so it stays a thin mapping onto the SDK.
 * Cloud storage keeps no content type we can read back: callers use the type sniffed into the `files` document.
 */
export function cloudFileStore(app: CloudBase): FileStore {
  return {
    async put(fileID, bytes) {
      await app.uploadFile({ cloudPath: cloudPathOf(fileID), fileContent: bytes })
    },
    async save(cloudPath, bytes) {
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes })
      return fileID
    },
    async get(fileID) {
      try {
        const { fileContent } = await app.downloadFile({ fileID })
        const bytes = typeof fileContent === 'string' ? Buffer.from(fileContent) : (fileContent ?? Buffer.alloc(0))
        return { bytes, contentType: 'application/octet-stream' }
      } catch (e) {
        if ((e as { code?: string }).code === 'STORAGE_FILE_NONEXIST') return null
        throw e
      }
    },
    async remove(fileID) {
      await app.deleteFile({ fileList: [fileID] })
    },
    async link(fileID, expiresAt) {
      const maxAge = Math.max(60, Math.round((expiresAt.getTime() - Date.now()) / 1000))
      const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge }] })
      const url = fileList?.[0]?.tempFileURL
      if (!url) throw new Error(`no temporary URL for a stored file (${fileList?.[0]?.code ?? 'no answer'})`)
      return url
    },
  }
}
