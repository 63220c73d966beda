import type { QueueRow } from '~types/application.schema'
import type { QueueInput } from '~types/application.schema'
import type * as z from 'zod/mini'
import { api } from '../../../api/client'
import { downloadBlob } from '../../../lib/download'

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
  downloadBlob(fileName, new Blob([text], { type }))
}
