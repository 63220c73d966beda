import type { FileContentType, FileView } from '~types/file.schema'

/** An uploaded file as stored in the `files` collection; its bytes are in the FileStore under `key`. */
export interface FileDoc {
  _id: string
  ownerOpenid: string
  /** Local: the `_id`. CloudBase: the cloud fileID the mini-program uploaded to. */
  key: string
  /** Sniffed from the bytes at upload, never taken from the client. */
  contentType: FileContentType
  size: number
  name: string
  createdAt: Date
  /** False until a submission lists it; an upload never attached is deleted after a while (purgeUnattachedFiles). */
  attached: boolean
  /** The records (applications) that list it — what decides who else may read it. */
  attachedTo: string[]
}

export const FILES = 'files'

export type { FileView } from '~types/file.schema'

export function fileView(doc: FileDoc): FileView {
  return { fileId: doc._id, name: doc.name, size: doc.size, contentType: doc.contentType }
}
