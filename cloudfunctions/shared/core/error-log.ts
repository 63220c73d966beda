/**
 * Unexpected failures, for the operator: one JSON line on stderr with where it happened, the error's class, its
 * message with anything that could be an identifier or personal data blanked, and our own stack frames. Error
 * messages are built by libraries from whatever they were handed — a file key with a user id, a SQL value — so
 * they are never logged as they are (PIPL: logs are data at rest too). Frames name only our code, so they stay.
 */
export function logFailure(where: string, e: unknown): void {
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'failure', where, ...describe(e) })}\n`)
}

function describe(e: unknown): { error: string; message: string; frames?: string[] } {
  if (!(e instanceof Error)) return { error: typeof e, message: '' }
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.trimStart().startsWith('at ') && !l.includes('node_modules') && !l.includes('node:'))
    .slice(0, 8)
    .map((l) => l.trim())
  return { error: e.name, message: redact(e.message), ...(frames.length ? { frames } : {}) }
}

/**
 * Blanks what may identify someone: quoted text, addresses, e-mail-like and cloud paths, runs of 6+ digits (ID
 * numbers, phones, dates), and any long token (ids, openids, keys). What is left is the shape of the message.
 */
export function redact(text: string): string {
  return text
    .slice(0, 500)
    .replace(/(["'`])(?:(?!\1).)*\1/g, '$1…$1')
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (m) => `${m.split('://')[0]}://…`)
    .replace(/\S+@\S+/g, '…@…')
    .replace(/\d[\d\s-]{4,}\d[\dXx]?/g, '…')
    .replace(/[\p{L}\p{N}_-]{16,}/gu, (m) => (/^[A-Z][A-Z0-9_]*$/.test(m) ? m : '…'))
    .replace(/[\u3400-\u9fff]{2,}/g, '…')
}
