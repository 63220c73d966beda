import { randomBytes } from 'node:crypto'
import { createVault, vaultFromEnv } from './vault'
import { maskIdNumber, maskMobile } from './mask'

describe('vault', () => {
  const vault = createVault(randomBytes(32))

  it('seals and opens an ID number; the sealed text does not contain it', () => {
    const sealed = vault.encrypt('32061319950615123X')
    expect(sealed).not.toContain('19950615')
    expect(sealed.startsWith('v1.')).toBe(true)
    expect(vault.decrypt(sealed)).toBe('32061319950615123X')
  })

  it('uses a fresh IV: the same number seals differently each time', () => {
    expect(vault.encrypt('x')).not.toBe(vault.encrypt('x'))
  })

  it('refuses a tampered ciphertext (authenticated encryption)', () => {
    const [v, iv, tag, body] = vault.encrypt('320613199506151234').split('.')
    const flipped = Buffer.from(body, 'base64url')
    flipped[0] ^= 1
    expect(() => vault.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow()
  })

  it('refuses to open with another key', () => {
    expect(() => createVault(randomBytes(32)).decrypt(vault.encrypt('abc'))).toThrow()
  })

  it('hashes deterministically per key, differently across keys', () => {
    expect(vault.hash('a')).toBe(vault.hash('a'))
    expect(createVault(randomBytes(32)).hash('a')).not.toBe(vault.hash('a'))
  })

  it('signs and verifies; a changed payload fails', () => {
    const sig = vault.sign('payload')
    expect(vault.verify('payload', sig)).toBe(true)
    expect(vault.verify('payload2', sig)).toBe(false)
    expect(vault.verify('payload', 'short')).toBe(false)
  })

  it('keeps each purpose apart: a MAC or a sealed value of one purpose is useless for another', () => {
    expect(vault.mac('idempotency/key', 'a')).not.toBe(vault.mac('idempotency/fingerprint', 'a'))
    expect(vault.mac('idempotency/key', 'a')).not.toBe(vault.hash('a'))
    expect(vault.mac('idempotency/key', 'a')).toBe(vault.mac('idempotency/key', 'a'))
    const sealed = vault.seal('idempotency/result', '{"idNumber":"32061319950615123X"}')
    expect(sealed).not.toContain('1995')
    expect(vault.open('idempotency/result', sealed)).toBe('{"idNumber":"32061319950615123X"}')
    expect(() => vault.open('idempotency/key', sealed)).toThrow()
    expect(() => vault.decrypt(sealed)).toThrow()
  })

  it('fails closed without a production key, and rejects a short one', () => {
    expect(() => vaultFromEnv({})).toThrow(/NUANXIN_MASTER_KEY/)
    expect(() => createVault(randomBytes(16))).toThrow(/32 bytes/)
    expect(vaultFromEnv({ NUANXIN_MASTER_KEY: randomBytes(32).toString('base64') }).hash('a')).toHaveLength(43)
  })
})

describe('masks', () => {
  it('shows the first 3 and last 4 of an ID number', () => {
    expect(maskIdNumber('32061319950615123X')).toBe('320***********123X')
  })
  it('masks the middle of a mobile', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
  })
})
