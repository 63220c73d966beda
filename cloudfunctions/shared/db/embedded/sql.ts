/** SQL text shared by the index builder and the planner: both must spell a field's key identically. */

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/** `'$."a"."b"'` — a string literal, not a parameter, so the planner's expression matches the index's. */
export function jsonPath(field: string): string | null {
  const segments = field.split('.')
  if (segments.some((s) => s === '' || s.includes('"'))) return null
  return `'$.${segments.map((s) => `"${s.replace(/'/g, "''")}"`).join('.')}'`
}

/** The key of a field in SQL; see sort-key.ts. */
export const keyExpr = (path: string) => `nx_key(doc -> ${path})`

/** The field exists (a stored null counts): MongoDB's `$exists` and the condition of a sparse index. */
export const presentExpr = (path: string) => `(doc -> ${path}) IS NOT NULL`
