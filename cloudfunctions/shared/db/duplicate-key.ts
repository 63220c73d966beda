/**
 * The code CloudBase answers when a write would repeat a unique index key (the `_id` or a declared unique index).
 * See https://docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE. The embedded engine throws the same code.
 */
export const DUPLICATE_KEY_CODE = 'DATABASE_DUPLICATE_WRITE'

/**
 * True when a database call failed because a unique key already exists. Callers use it to settle races by the
 * index ("the loser reads the winner's record") instead of checking first.
 *
 * Why the message test as well: node-sdk surfaces the service's `code`, but wrappers such as wx-server-sdk have
 * been seen to fold it into a generic DATABASE_REQUEST_FAILED whose message still carries MongoDB's
 * `E11000 duplicate key error`. Only these exact markers count; a loose /duplicate/ would misread other failures.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false
  const { code, message } = err as { code?: unknown; message?: unknown }
  if (code === DUPLICATE_KEY_CODE) return true
  return typeof message === 'string' && (message.includes(DUPLICATE_KEY_CODE) || /\bE11000 duplicate key error\b/.test(message))
}
