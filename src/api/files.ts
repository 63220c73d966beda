import Taro from '@tarojs/taro'
import type { FileView } from '~types/file.schema'
import { ApiError } from './api-error'
import { api } from './client'

/**
 * Opens an attachment. Every client asks `application.fileLink` first — that is the access check — and gets a
 * 10-minute address: a CloudBase temporary URL, or a signed path on the local server (resolved against the API).
 * The browser opens it in a new tab; the mini-program previews a photo, or downloads a PDF and opens it.
 */
export async function openAttachment(file: FileView): Promise<void> {
  const link = await api.application.fileLink({ fileId: file.fileId })
  const url = link.url.startsWith('/') ? `${NUANXIN_API_BASE}${link.url}` : link.url
  if (process.env.TARO_ENV !== 'weapp') {
    window.open(url, '_blank', 'noopener')
    return
  }
  if (file.contentType !== 'application/pdf') {
    await Taro.previewImage({ urls: [url], current: url })
    return
  }
  void Taro.showLoading({ title: '正在打开…', mask: true })
  try {
    const res = await Taro.downloadFile({ url }).catch(() => null)
    if (!res) throw new ApiError('NETWORK', '网络不太好，附件没有打开，请稍后再试')
    if (res.statusCode !== 200) throw new ApiError('NOT_FOUND', '这个附件打不开，请回到页面重新打开')
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: false })
  } finally {
    void Taro.hideLoading()
  }
}
