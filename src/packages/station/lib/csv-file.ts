import Taro from '@tarojs/taro'
import type { FileLink } from '~types/file.schema'
import { ApiError } from '../../../api/api-error'
import { uploadFile, type PickedFile } from '../../../api/upload'
import { downloadBlob } from '../../../lib/download'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * A CSV file from the desk or the phone. In the browser, the file chooser; in WeChat, a file from a chat (the one
 * place a phone keeps files a mini-program can reach — the clerk sends it to 文件传输助手 from the PC).
 * Null when the person closed the chooser.
 */
export async function pickCsv(): Promise<PickedFile | null> {
  if (isWeapp) {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] }).catch(() => null)
    const f = res?.tempFiles[0]
    return f ? { path: f.path, name: f.name } : null
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv,text/plain'
    input.onchange = () => {
      const f = input.files?.[0]
      resolve(f ? { path: URL.createObjectURL(f), name: f.name } : null)
    }
    input.click()
  })
}

/** Uploads the picked CSV (the server checks it is text and which encoding); answers its fileId. */
export async function uploadCsv(file: PickedFile, onProgress: (percent: number) => void): Promise<{ fileId: string; name: string }> {
  const up = await uploadFile(file, onProgress)
  return { fileId: up.fileId, name: up.name || file.name }
}

function absolute(url: string): string {
  return url.startsWith('/') ? `${NUANXIN_API_BASE}${url}` : url
}

/**
 * Saves a file the server made (an export, the template) under its name. In the browser: fetched and handed to the
 * browser as a download. In WeChat: downloaded, then offered to send to a chat (to open on the PC); where that is not
 * available, the link is copied instead.
 */
export async function saveCsvLink(link: FileLink, fileName: string): Promise<'downloaded' | 'shared' | 'copied'> {
  const url = absolute(link.url)
  if (!isWeapp) {
    const res = await fetch(url).catch(() => null)
    if (!res?.ok) throw new ApiError('NETWORK', '网络不太好，文件没有下载下来，请再试一次')
    downloadBlob(fileName, await res.blob())
    return 'downloaded'
  }
  const got = await Taro.downloadFile({ url }).catch(() => null)
  if (got?.statusCode === 200) {
    const shared = await Taro.shareFileMessage({ filePath: got.tempFilePath, fileName }).then(() => true).catch(() => false)
    if (shared) return 'shared'
  }
  await Taro.setClipboardData({ data: url })
  return 'copied'
}
