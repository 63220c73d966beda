/** 10 MiB: a phone photo of a contract or a scanned PDF fits; a video does not. */
export { MAX_FILE_BYTES } from '~types/file.schema'

import type { FileContentType } from '~types/file.schema'
export type { FileContentType }

/** File-name extensions that fit each type; the first is the one added when a name has none that fits. */
export const EXTENSIONS: Record<FileContentType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
  'text/csv': ['csv', 'txt'],
}

const SIGNATURES: readonly [FileContentType, Buffer][] = [
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['application/pdf', Buffer.from('%PDF-')],
]

/**
 * The type the bytes really are, from their magic numbers — a declared Content-Type or a file name is whatever the
 * client says it is. Anything else is null: we store only what staff can open safely.
 */
export function sniffContentType(bytes: Buffer): FileContentType | null {
  for (const [type, magic] of SIGNATURES) if (bytes.subarray(0, magic.length).equals(magic)) return type
  return null
}
