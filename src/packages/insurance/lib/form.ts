import type { FieldErrors } from '~types/errors'

/**
 * The errors without the fields just edited. A form's errors are the last send's; left under a field the rider has
 * since filled in (“请写明地点” under a typed place), they read as if the new answer were wrong too.
 */
export const without =
  (...fields: string[]) =>
  (prev: FieldErrors): FieldErrors =>
    fields.some((f) => f in prev) ? Object.fromEntries(Object.entries(prev).filter(([k]) => !fields.includes(k))) : prev
