import { createHash, randomBytes } from 'node:crypto'
import { appendAudit } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import { logFailure } from '../core/error-log'
import type { Database, Runtime, Transaction } from '../core/context'
import { isDuplicateKeyError } from '../db'
import type { UserDoc } from '../user/user.doc'
import type { FileLink } from '~types/file.schema'
import { FILES, fileView, type FileDoc, type FileView } from './file.doc'
import { cleanFileName } from './file-name'
import type { FileStore } from './file-store'
import { MAX_FILE_BYTES, sniffContentType, type FileContentType } from './file-type'
import { decodeText } from './text-file'

export function fileStoreOf(rt: Runtime): FileStore {
  if (!rt.files) throw new AppError('NOT_AVAILABLE', '暂时不能上传附件，请稍后再试')
  return rt.files
}

/** Who may upload what besides photos and PDFs: staff bring a district's stations as CSV text. */
export interface UploadRules {
  /** Text that decodes cleanly (UTF-8, UTF-16, GBK) is stored as `text/csv`. @default false */
  csv?: boolean
}

/** Staff of the stations upload CSV (a district's stations: its only use); everyone else's uploads stay photos and PDFs. */
export const uploadRulesOf = (user: UserDoc): UploadRules => ({ csv: !!user.roles?.staff.some((g) => g.services.includes('station')) })

/** The upload rules, on the bytes themselves: size, then type by magic number (or, for CSV, by decoding). `field` is the input they came in. */
function checkBytes(bytes: Buffer, field: 'file' | 'fileID', rules: UploadRules = {}): FileContentType {
  if (!bytes.length) throw invalidField(field, '文件是空的，请重新选择')
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB', { [field]: '文件不能超过 10 MB' })
  const type = sniffContentType(bytes)
  if (type) return type
  if (!rules.csv) throw invalidField(field, '只能上传 JPG、PNG 照片或 PDF 文件')
  const text = decodeText(bytes)
  if (!text.ok) throw invalidField(field, `只能上传 JPG、PNG 照片、PDF 文件或 CSV 表格：${text.problem}`)
  return 'text/csv'
}

export async function findFile(db: Database, fileId: string): Promise<FileDoc | null> {
  const { data } = await db.collection(FILES).doc(fileId).get()
  return (data[0] as FileDoc | undefined) ?? null
}

/** Local upload (server/files.ts): the bytes arrived with the request; store them, then record them. */
export async function registerFile(rt: Runtime, ownerOpenid: string, upload: { bytes: Buffer; name?: string }, rules: UploadRules = {}): Promise<FileView> {
  const contentType = checkBytes(upload.bytes, 'file', rules)
  const store = fileStoreOf(rt)
  const _id = `f_${randomBytes(12).toString('hex')}`
  const doc: FileDoc = { _id, ownerOpenid, key: _id, contentType, size: upload.bytes.length, name: cleanFileName(upload.name, contentType), createdAt: rt.now(), attached: false, attachedTo: [] }
  await store.put(_id, upload.bytes, contentType)
  try {
    await rt.db.collection(FILES).add(doc)
  } catch (e) {
    await store.remove(_id)
    throw e
  }
  return fileView(doc)
}

/**
 * A file the server made for `ownerOpenid` (a certificate PDF): stored, and recorded as attached to `recordId` from
 * the start — never purged as an unattached upload, read by its owner through fileLink like any file of theirs, and
 * by nobody else unless a read rule says so. `fileId` is derived from the record by the caller, so making it again
 * (a retry, two taps, a file lost in between) records it once; the bytes must be the same each time.
 * `recordId: null` is a file made to be downloaded once (an export): kept unattached, so the purge of unattached
 * uploads removes it after UNATTACHED_FILE_TTL_MS like any upload nobody kept.
 */
export async function saveServerFile(
  rt: Runtime,
  file: { fileId: string; ownerOpenid: string; path: string; bytes: Buffer; contentType: FileContentType; name: string; recordId: string | null },
): Promise<FileView> {
  const existing = await findFile(rt.db, file.fileId)
  if (existing) return fileView(existing)
  const store = fileStoreOf(rt)
  let key = file.fileId
  if (store.save) key = await store.save(file.path, file.bytes, file.contentType)
  else await store.put(key, file.bytes, file.contentType)
  const doc: FileDoc = {
    _id: file.fileId, ownerOpenid: file.ownerOpenid, key, contentType: file.contentType, size: file.bytes.length,
    name: cleanFileName(file.name, file.contentType), createdAt: rt.now(), attached: file.recordId !== null, attachedTo: file.recordId === null ? [] : [file.recordId],
  }
  try {
    await rt.db.collection(FILES).add(doc)
  } catch (e) {
    // Made at the same moment by another call: the same bytes under the same key, recorded once.
    if (isDuplicateKeyError(e)) return fileView(doc)
    throw e
  }
  return fileView(doc)
}

/** `cloud://<env>.<bucket>/uploads/<user _id>/<random name>` — the only place the app uploads to (src/api/upload.ts). */
function ownsCloudPath(fileID: string, owner: UserDoc): boolean {
  const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)?.[1].split('/')
  return !!path && path.length === 3 && path[0] === 'uploads' && path[1] === owner._id && /^[A-Za-z0-9_-]{16,64}(\.[a-z]{3,4})?$/.test(path[2])
}

/**
 * WeChat upload: the mini-program put the file in cloud storage itself (`Taro.cloud.uploadFile`); this records it.
 * Only a file in the caller's own upload folder can be registered, so nobody can claim — and then read — someone
 * else's upload. The bytes are read back through the FileStore to check them: the client's word is not enough.
 * A refused file is deleted so it does not linger in storage. Registering the same fileID again answers the same.
 */
export async function registerCloudFile(rt: Runtime, owner: UserDoc, input: { fileID: string; name?: string }): Promise<FileView> {
  if (!ownsCloudPath(input.fileID, owner)) throw invalidField('fileID', '上传的文件无效，请重新上传')
  const _id = `c_${createHash('sha256').update(input.fileID).digest('hex').slice(0, 32)}`
  const existing = await findFile(rt.db, _id)
  if (existing) return fileView(existing)

  const store = fileStoreOf(rt)
  const stored = await store.get(input.fileID)
  if (!stored) throw invalidField('fileID', '没有找到上传的文件，请重新上传')
  let contentType: FileContentType
  try {
    contentType = checkBytes(stored.bytes, 'fileID', uploadRulesOf(owner))
  } catch (e) {
    await store.remove(input.fileID)
    throw e
  }
  const doc: FileDoc = { _id, ownerOpenid: owner.openid, key: input.fileID, contentType, size: stored.bytes.length, name: cleanFileName(input.name, contentType), createdAt: rt.now(), attached: false, attachedTo: [] }
  try {
    await rt.db.collection(FILES).add(doc)
  } catch (e) {
    // A double tap registered it a moment ago.
    if (isDuplicateKeyError(e)) return fileView(doc)
    throw e
  }
  return fileView(doc)
}

/**
 * May `user` read someone else's file? Storage knows who uploaded a file, not which record lists it or who reviews
 * that: the function serving the link passes the rules of its records (the workflow: staff whose district and
 * service cover an application listing the file), so storage imports none of them.
 */
export type FileReadRule = (file: FileDoc, user: UserDoc, db: Database) => Promise<boolean>

/** How long an attachment link works: long enough to download a 10 MiB file on a slow phone, short enough not to matter if shared. */
export const FILE_LINK_TTL_MS = 10 * 60 * 1000

async function grantedByRule(file: FileDoc, user: UserDoc, db: Database, rules: readonly FileReadRule[]): Promise<boolean> {
  for (const rule of rules) if (await rule(file, user, db)) return true
  return false
}

/**
 * A short-lived address for a file `user` may read — the one way any client opens an attachment. "Missing" and
 * "not yours" answer the same NOT_FOUND, so neither leaks.
 */
export async function fileLink(rt: Runtime, fileId: string, user: UserDoc, rules: readonly FileReadRule[]): Promise<FileLink> {
  const file = await findFile(rt.db, fileId)
  const own = file?.ownerOpenid === user.openid
  if (!file || !(own || (await grantedByRule(file, user, rt.db, rules)))) throw new AppError('NOT_FOUND', '这个附件打不开：可能已删除，或您没有查看权限')
  // Someone else's personal document (a payslip, a medical record): every opening by a reviewer is on the record.
  if (!own) await appendAudit(rt.db, { actorId: user._id, actorRole: 'staff', action: 'file.open', targetType: 'file', targetId: file._id, at: rt.now() })
  const expiresAt = new Date(rt.now().getTime() + FILE_LINK_TTL_MS)
  return { ...fileView(file), url: await fileStoreOf(rt).link(file.key, expiresAt), expiresAt: expiresAt.toISOString() }
}

/** Local server, behind a signed link (server/files.ts): the file stored under `key` — locally its `_id` — and its bytes. */
export async function readStoredFile(rt: Runtime, key: string): Promise<{ file: FileDoc; bytes: Buffer } | null> {
  const file = await findFile(rt.db, key)
  const stored = file && (await fileStoreOf(rt).get(file.key))
  return file && stored ? { file, bytes: stored.bytes } : null
}

/** What to list for each of these files, by id, in one query (a file deleted since is simply absent). */
export async function fileViewsById(db: Database, fileIds: readonly string[]): Promise<Map<string, FileView>> {
  const ids = [...new Set(fileIds)]
  if (!ids.length) return new Map()
  const { data } = await db.collection(FILES).where({ _id: db.command.in(ids) }).limit(1000).get()
  return new Map((data as FileDoc[]).map((f) => [f._id, fileView(f)]))
}

const ATTACHMENT_GONE = '有附件无效或已失效，请删除后重新上传'

/**
 * Before the transaction that attaches them (one query for all): the caller's own uploads among `fileIds`, or
 * nothing is written — someone else's file, or one that is gone, refuses the step. What is read here never changes
 * (owner, name, size; `attachedTo` only grows), so the transaction need not read it again: `attachFiles` finds out
 * there (`attachChecked`) whether a file was purged since.
 */
export async function filesToAttach(db: Database, ownerOpenid: string, fileIds: readonly string[]): Promise<FileDoc[]> {
  const ids = [...new Set(fileIds)]
  if (!ids.length) return []
  const { data } = await db.collection(FILES).where({ _id: db.command.in(ids) }).limit(ids.length).get()
  const byId = new Map((data as FileDoc[]).map((f) => [f._id, f]))
  return ids.map((id) => {
    const file = byId.get(id)
    if (!file || file.ownerOpenid !== ownerOpenid) throw invalidField('attachments', ATTACHMENT_GONE)
    return file
  })
}

/**
 * Inside the transaction that writes a record listing files (an application, a supplement): every file must be the
 * caller's own upload and still there, or nothing is written; each is marked as attached to `recordId`, which is
 * what lets its reviewers read it and keeps it from the purge of unattached uploads.
 */
export async function attachFiles(rt: Runtime, tx: Transaction, ownerOpenid: string, fileIds: readonly string[], recordId: string): Promise<void> {
  for (const id of new Set(fileIds)) {
    const { data } = await tx.collection(FILES).doc(id).get()
    const file = data as FileDoc | null
    if (!file || file.ownerOpenid !== ownerOpenid) throw invalidField('attachments', ATTACHMENT_GONE)
    await tx.collection(FILES).doc(id).update({ attached: true, attachedTo: rt.db.command.addToSet(recordId) })
  }
}

/**
 * `attachFiles` for files already checked by `filesToAttach`: one update each inside the transaction, no read. An
 * unattached file purged since is not there to update (`updated` 0) and the step is refused; an attached one is
 * never purged, and one already attached to this record needs nothing.
 */
export async function attachChecked(rt: Runtime, tx: Transaction, files: readonly FileDoc[], recordId: string): Promise<void> {
  for (const file of files) {
    if (file.attached && file.attachedTo?.includes(recordId)) continue
    const { updated } = (await tx.collection(FILES).doc(file._id).update({ attached: true, attachedTo: rt.db.command.addToSet(recordId) })) as { updated?: number }
    if (updated !== 1) throw invalidField('attachments', ATTACHMENT_GONE)
  }
}

/** Uploads never attached are deleted after this long: longer than a draft lives (7 days untouched), with room to spare. */
export const UNATTACHED_FILE_TTL_MS = 14 * 24 * 3600 * 1000

/**
 * Scheduled: deletes uploads nobody attached within UNATTACHED_FILE_TTL_MS — personal documents are not kept without
 * a purpose (PIPL). The record goes first and only while still unattached, so a submission racing the purge either
 * attaches the file or fails cleanly (the file is gone); at worst the bytes outlive their record, never the reverse.
 */
export async function purgeUnattachedFiles(rt: Runtime): Promise<number> {
  if (!rt.files) return 0
  const cutoff = new Date(rt.now().getTime() - UNATTACHED_FILE_TTL_MS)
  const { data } = await rt.db.collection(FILES).where({ attached: false, createdAt: rt.db.command.lt(cutoff) }).limit(200).get()
  let purged = 0
  for (const file of data as FileDoc[]) {
    const { deleted } = (await rt.db.collection(FILES).where({ _id: file._id, attached: false }).remove()) as { deleted?: number }
    if (!deleted) continue
    purged++
    // The record is gone either way; bytes that fail to go are logged for a person, and the purge goes on.
    await rt.files.remove(file.key).catch((e: unknown) => logFailure('purge: bytes not removed', e))
  }
  return purged
}
