import { ApiError } from './api-error'
import { getToken } from './token'

/**
 * Opens an attachment in the browser (H5). A plain link cannot carry the sign-in token, so the file is fetched
 * with it and shown from a blob URL — the file route stays private (no cookies, no signed public links).
 */
export async function openAttachment(fileId: string): Promise<void> {
  const res = await fetch(`${NUANXIN_API_BASE}/api/files/${encodeURIComponent(fileId)}`, {
    headers: { authorization: `Bearer ${getToken() ?? ''}` },
  }).catch(() => null)
  if (!res) throw new ApiError('NETWORK', '网络不太好，附件没有打开，请稍后再试')
  if (!res.ok) throw new ApiError('NOT_FOUND', '这个附件打不开：可能已删除，或您没有查看权限')
  const url = URL.createObjectURL(await res.blob())
  window.open(url, '_blank', 'noopener')
  // The new tab has loaded it by then; the URL need not outlive the minute.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
