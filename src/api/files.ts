import Taro from '@tarojs/taro'
import type { FileView } from '~types/file.schema'
import { ApiError } from './api-error'
import { api } from './client'

/**
 * Opens an attachment. Every client asks `application.fileLink` first — that is the access check — and gets a
 * 10-minute address: a CloudBase temporary URL, or a signed path on the local server (resolved against the API).
 * The browser shows it in a new tab; the mini-program previews a photo, or downloads a PDF and opens it.
 * Call it straight from the tap: the browser tab must be opened before anything is awaited. `showMenu` lets WeChat's
 * viewer offer forwarding and saving (a certificate of one's own); attachments open without it.
 */
export async function openAttachment(file: FileView, opts: { showMenu?: boolean } = {}): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return openInBrowser(file)
  const url = await linkFor(file)
  if (file.contentType !== 'application/pdf') {
    await Taro.previewImage({ urls: [url], current: url })
    return
  }
  void Taro.showLoading({ title: '正在打开…', mask: true })
  let res: Taro.downloadFile.FileSuccessCallbackResult | null
  try {
    res = await Taro.downloadFile({ url }).catch(() => null)
  } finally {
    // Hidden before any error toast: WeChat's loading and toast share one layer.
    await Taro.hideLoading()
  }
  if (!res) throw new ApiError('NETWORK', '网络不太好，附件没有打开，请稍后再试')
  if (res.statusCode !== 200) throw new ApiError('NOT_FOUND', '这个附件打不开，请回到页面重新打开')
  // The menu (forward, save, print) only for documents meant to be passed on, such as a certificate of one's own.
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: !!opts.showMenu })
}

async function linkFor(file: FileView): Promise<string> {
  const link = await api.application.fileLink({ fileId: file.fileId })
  return link.url.startsWith('/') ? `${NUANXIN_API_BASE}${link.url}` : link.url
}

/**
 * Phone browsers (and WeChat's own) block a tab opened after an await: open an empty one within the tap, then
 * send it to the file. Where even that is refused, the file opens in this tab (the back button returns).
 */
async function openInBrowser(file: FileView): Promise<void> {
  const tab = window.open('', '_blank')
  if (tab) tab.opener = null
  try {
    const url = await linkFor(file)
    if (tab) tab.location.href = url
    else window.location.assign(url)
  } catch (e) {
    tab?.close()
    throw e
  }
}
