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

/**
 * A GeoJSON point's longitude (axis 0) or latitude (1) in SQL: a number for a stored number, NULL where there is
 * none, and text for anything else there (text sorts above every number in SQLite). The geo index and the near
 * query's box both use it (store.ts, planner.ts).
 */
export function coordExpr(field: string, axis: 0 | 1): string | null {
  const path = jsonPath(field)
  return path && `(doc ->> ${path.slice(0, -1)}."coordinates"[${axis}]')`
}

/**
 * True where a point's coordinates are not both numbers in range (or are text: a non-finite number's wrapper,
 * a string…), NULL (not true) where either is missing. A partial index holds these rows, so that a near query's
 * box, which only covers in-range coordinates, reads them as well (distanceM takes any numbers).
 */
export const oddPointExpr = (lng: string, lat: string) => `NOT (${lng} BETWEEN -180 AND 180 AND ${lat} BETWEEN -90 AND 90)`
