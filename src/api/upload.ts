import Taro from '@tarojs/taro'
import { DEFAULT_MESSAGES, type Envelope } from '~types/errors'
import { MAX_FILE_BYTES, type FileView } from '~types/file.schema'
import { getSession } from '../store/session'
import { ApiError } from './api-error'
import { getToken } from './token'
import { api } from './client'

export type UploadedFile = FileView

/** A file from Taro.chooseImage / chooseMessageFile: its temp path and the name to show. */
export interface PickedFile {
  path: string
  name: string
}

const TIMEOUT_MS = 120_000
const UPLOAD_FAILED = '网络不太好，文件没有传上去，请重试。'

const tooLarge = () => new ApiError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB，请换一张小一点的照片或拆开上传', { file: '文件不能超过 10 MB' })
const unreadable = () => new ApiError('INVALID_INPUT', '读不到这个文件，请重新选择', { file: '读不到这个文件' })

function unwrap(envelope: Envelope<unknown>): UploadedFile {
  if (envelope.ok) return envelope.data as UploadedFile
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.fields)
}

/** H5: the chooser's blob URL → bytes → POST /api/files; XMLHttpRequest because fetch reports no upload progress. */
async function uploadOverHttp(file: PickedFile, onProgress: (percent: number) => void): Promise<UploadedFile> {
  const blob = await fetch(file.path)
    .then((r) => r.blob())
    .catch(() => {
      throw unreadable()
    })
  // Checked before sending: a rider on mobile data should not wait for an upload the server will refuse.
  if (blob.size > MAX_FILE_BYTES) throw tooLarge()
  const token = getToken()
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${NUANXIN_API_BASE}/api/files`)
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`)
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name))
    // Only a hint: the server decides the type from the bytes.
    xhr.setRequestHeader('content-type', blob.type || 'application/octet-stream')
    xhr.timeout = TIMEOUT_MS
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      try {
        resolve(unwrap(JSON.parse(xhr.responseText) as Envelope<unknown>))
      } catch (e) {
        reject(e instanceof ApiError ? e : new ApiError('NETWORK', UPLOAD_FAILED))
      }
    }
    xhr.onerror = xhr.ontimeout = () => reject(new ApiError('NETWORK', UPLOAD_FAILED))
    xhr.send(blob)
  })
}

function fileSize(filePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileInfo({ filePath, success: (r) => resolve(r.size), fail: () => reject(unreadable()) })
  })
}

/** A name in the caller's own upload folder: the server registers files only from there (registerCloudFile). */
function cloudPathFor(userId: string, name: string): string {
  const ext = /\.(jpe?g|png|pdf|csv)$/i.exec(name)?.[0].toLowerCase() ?? ''
  return `uploads/${userId}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}${ext}`
}

/** WeChat: straight to cloud storage with the platform's progress events, then registered by the `application` function. */
async function uploadToCloud(file: PickedFile, onProgress: (percent: number) => void): Promise<UploadedFile> {
  if ((await fileSize(file.path)) > MAX_FILE_BYTES) throw tooLarge()
  const userId = getSession().user?.id
  if (!userId) throw new ApiError('UNAUTHENTICATED', DEFAULT_MESSAGES.UNAUTHENTICATED)
  const fileID = await new Promise<string>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: cloudPathFor(userId, file.name),
      filePath: file.path,
      success: (r) => resolve(r.fileID),
      fail: () => reject(new ApiError('NETWORK', UPLOAD_FAILED)),
    })
    task.onProgressUpdate(({ progress }) => onProgress(progress))
  })
  try {
    return await api.application.registerFile({ fileID, name: file.name })
  } catch (e) {
    // The server names its own input (`fileID`); to the page it is the file the rider picked, as over HTTP.
    if (e instanceof ApiError && e.fields?.fileID) throw new ApiError(e.code, e.message, { file: e.fields.fileID })
    throw e
  }
}

/**
 * Uploads one attachment and answers what to list in the form's `attachments` (`fileId`), reporting progress in
 * percent. Failures are ApiErrors with Chinese messages: PAYLOAD_TOO_LARGE, INVALID_INPUT on `file`, NETWORK.
 */
export function uploadFile(file: PickedFile, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return process.env.TARO_ENV === 'weapp' ? uploadToCloud(file, onProgress) : uploadOverHttp(file, onProgress)
}
