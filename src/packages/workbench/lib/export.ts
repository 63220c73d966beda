import type { QueueRow } from '~types/application.schema'
import type { QueueInput } from '~types/application.schema'
import type * as z from 'zod/mini'
import { api } from '../../../api/client'

/** At most this many pages (of 20) go into one export: enough for any district's backlog, bounded for the browser. */
export const EXPORT_MAX_PAGES = 50

export type QueueFilter = Omit<z.infer<typeof QueueInput>, 'page'>

/** Every row of the current filter, page by page, in the server's deadline order. `truncated` when it stopped at the cap. */
export async function fetchAllRows(filter: QueueFilter): Promise<{ rows: QueueRow[]; total: number; truncated: boolean }> {
  const rows: QueueRow[] = []
  let total = 0
  let pages = 1
  for (let page = 1; page <= pages && page <= EXPORT_MAX_PAGES; page++) {
    const res = await api.application.queue({ ...filter, page })
    rows.push(...res.rows)
    total = res.total
    pages = Math.max(1, Math.ceil(res.total / res.pageSize))
  }
  return { rows, total, truncated: pages > EXPORT_MAX_PAGES }
}

/** H5 only: hand the text to the browser as a file download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  document.body.removeChild(a)
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
