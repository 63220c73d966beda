import type { Vault } from '../cloudfunctions/shared/security/vault'

/** A local sign-in lasts a week; WeChat's own session rules apply in the mini-program. */
const TTL_MS = 7 * 24 * 3600 * 1000

/**
 * Stand-in for WeChat's login on the local server only: a token `<payload>.<hmac>` naming the openid.
 * The deployed functions never see it — there the platform sets the caller.
 */
export function issueToken(vault: Vault, openid: string, now: Date): string {
  const payload = Buffer.from(JSON.stringify({ openid, exp: now.getTime() + TTL_MS })).toString('base64url')
  return `${payload}.${vault.sign(payload)}`
}

/** The openid of a valid token, or null when it is forged, malformed or expired. */
export function readToken(vault: Vault, token: string, now: Date): string | null {
  const [payload, signature] = token.split('.')
  if (!payload || !signature || !vault.verify(payload, signature)) return null
  try {
    const { openid, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { openid: unknown; exp: unknown }
    if (typeof openid !== 'string' || typeof exp !== 'number' || exp < now.getTime()) return null
    return openid
  } catch {
    return null
  }
}
