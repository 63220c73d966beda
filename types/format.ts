/** Jiangsu time is UTC+8 all year (no daylight saving since 1991): a fixed offset needs no timezone library. */
const OFFSET_MS = 8 * 3600 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * `2026-11-29 14:05` in Asia/Shanghai. Dependency-free on purpose: it runs in the mini-program's main package,
 * where every kilobyte counts (dayjs with its timezone plugin costs ≈ 12 KiB there).
 */
export function formatDateTime(date: Date | string | number): string {
  const d = new Date(new Date(date).getTime() + OFFSET_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `850 KB`, `3.2 MB`: a file's size as a phone shows it (never `0 KB`). */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}
