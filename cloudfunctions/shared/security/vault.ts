import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * What else a key is derived for. Each purpose has its own key, so a value sealed or hashed for one purpose is
 * useless for another — the replay store's fingerprints cannot be compared with the ID-number hashes, say.
 */
export type VaultPurpose =
  /** The idempotency key of a call (caller, action, requestId). */
  | 'idempotency/key'
  /** The fingerprint of a call's input: tells "same request again" from "the key reused for other content". */
  | 'idempotency/fingerprint'
  /** What the replay store keeps of a call's answer. */
  | 'idempotency/result'

/**
 * Protects personal data at rest. One 32-byte master key (env `NUANXIN_MASTER_KEY`, base64) is stretched with
 * HKDF into separate keys per purpose, so the hash that enforces "one ID number, one account" can never be used
 * to decrypt, and a session signature can never be confused with either.
 */
export interface Vault {
  /** AES-256-GCM; output `v1.<iv>.<tag>.<ciphertext>` (base64url) — the version lets us rotate keys later. */
  encrypt(plain: string): string
  decrypt(sealed: string): string
  /** Keyed hash (HMAC-SHA256) for uniqueness lookups: equal inputs give equal hashes, unguessable without the key. */
  hash(plain: string): string
  sign(payload: string): string
  verify(payload: string, signature: string): boolean
  /** Keyed hash for one purpose. Never an unkeyed hash of anything that may hold personal data: those can be guessed. */
  mac(purpose: VaultPurpose, plain: string): string
  /** AES-256-GCM under the purpose's key, the purpose bound in as associated data; same format as `encrypt`. */
  seal(purpose: VaultPurpose, plain: string): string
  open(purpose: VaultPurpose, sealed: string): string
}

const b64 = (b: Buffer) => b.toString('base64url')

function gcmSeal(key: Buffer, plain: string, aad?: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  if (aad) cipher.setAAD(Buffer.from(aad))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', b64(iv), b64(cipher.getAuthTag()), b64(body)].join('.')
}

function gcmOpen(key: Buffer, sealed: string, aad?: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  if (aad) decipher.setAAD(Buffer.from(aad))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}

export function createVault(masterKey: Buffer): Vault {
  if (masterKey.length !== 32) throw new Error('NUANXIN_MASTER_KEY must be 32 bytes (base64)')
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `nuanxin/${purpose}`, 32))
  const encKey = derive('id-encryption/v1')
  const hashKey = derive('id-hash/v1')
  const signKey = derive('session/v1')
  const purposeKeys = new Map<VaultPurpose, Buffer>()
  const keyFor = (purpose: VaultPurpose) => {
    let key = purposeKeys.get(purpose)
    if (!key) purposeKeys.set(purpose, (key = derive(`${purpose}/v1`)))
    return key
  }

  return {
    encrypt: (plain) => gcmSeal(encKey, plain),
    decrypt: (sealed) => gcmOpen(encKey, sealed),
    hash(plain) {
      return createHmac('sha256', hashKey).update(plain).digest('base64url')
    },
    sign(payload) {
      return createHmac('sha256', signKey).update(payload).digest('base64url')
    },
    verify(payload, signature) {
      const expected = Buffer.from(this.sign(payload))
      const given = Buffer.from(signature)
      return expected.length === given.length && timingSafeEqual(expected, given)
    },
    mac: (purpose, plain) => createHmac('sha256', keyFor(purpose)).update(plain).digest('base64url'),
    seal: (purpose, plain) => gcmSeal(keyFor(purpose), plain, purpose),
    open: (purpose, sealed) => gcmOpen(keyFor(purpose), sealed, purpose),
  }
}

/** The production key, from the environment. Fails closed: no key, no service. */
export function vaultFromEnv(env: NodeJS.ProcessEnv = process.env): Vault {
  const raw = env.NUANXIN_MASTER_KEY
  if (!raw) throw new Error('NUANXIN_MASTER_KEY is not set')
  return createVault(Buffer.from(raw, 'base64'))
}
