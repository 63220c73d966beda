import type { Vault } from '../cloudfunctions/shared/security/vault'

/**
 * The local twin of CloudBase's temporary file URLs: `/api/files/<key>?exp=<ms>&sig=<hmac>`. The signature covers
 * the key and the expiry, under its own label so it can never pass for a session token (same vault key, different
 * payload shape). Relative: the app resolves it against the address it calls the API on.
 */
const payloadOf = (key: string, exp: number) => `file-link/v1\n${key}\n${exp}`

export function signFilePath(vault: Vault, key: string, expiresAt: Date): string {
  const exp = expiresAt.getTime()
  return `/api/files/${encodeURIComponent(key)}?exp=${exp}&sig=${vault.sign(payloadOf(key, exp))}`
}

export type LinkCheck = 'ok' | 'expired' | 'invalid'

/** Forged or malformed → invalid; genuine but past its expiry → expired (the app can fetch a fresh one). */
export function checkFileLink(vault: Vault, key: string, exp: unknown, sig: unknown, now: Date): LinkCheck {
  if (typeof exp !== 'string' || !/^\d{1,15}$/.test(exp) || typeof sig !== 'string' || !sig) return 'invalid'
  if (!vault.verify(payloadOf(key, Number(exp)), sig)) return 'invalid'
  return Number(exp) < now.getTime() ? 'expired' : 'ok'
}
