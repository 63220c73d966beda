import * as z from 'zod/mini'

/**
 * Attachments: photos and PDFs, at most 10 MiB each — checked on the phone first, enforced on the server. Staff may
 * also upload CSV text (a district's stations), and the server makes CSV files (exports).
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024
export type FileContentType = 'image/jpeg' | 'image/png' | 'application/pdf' | 'text/csv'

/** What a client learns about a file: enough to list it and attach it by `fileId`. */
export interface FileView {
  fileId: string
  name: string
  size: number
  contentType: FileContentType
}

/** A short-lived address to read one file from: how both the browser and the mini-program open an attachment. */
export interface FileLink extends FileView {
  url: string
  expiresAt: string
}

export const FileLinkInput = z.strictObject({
  fileId: z.string({ error: '缺少文件' }).check(z.minLength(1, '缺少文件'), z.maxLength(80, '文件编号不对')),
})

/** WeChat: after `wx.cloud.uploadFile`, the app registers the cloud fileID so the server can check and track it. */
export const RegisterFileInput = z.strictObject({
  fileID: z.string({ error: '缺少文件' }).check(z.minLength(1, '缺少文件'), z.maxLength(300, '文件编号不对')),
  name: z.optional(z.string().check(z.maxLength(255, '文件名太长'))),
})
