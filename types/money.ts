/**
 * Money, one module for both sides: integer fen in, text out, never a float (0.1 + 0.2 must not become
 * 30.000000000000004 fen). Parsing what a phone types and formatting what a screen shows are string arithmetic.
 */

/** ≤ 100 million yuan, in fen: anything larger is a typo. */
export const MONEY_MAX_FEN = 10_000_000_000

export type AmountResult = { ok: true; fen: number } | { ok: false; error: string }

/** Full-width digits and the Chinese keyboard's points, as a phone may type them, read as plain ASCII. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[\s,，]/g, '')
    .replace(/元$/, '')
}

/** Yuan as typed ("3860", "3,860.5", "３８６０。５元") → integer fen. Empty means no amount (0). */
export function yuanToFen(text: string, maxFen = MONEY_MAX_FEN): AmountResult {
  const s = normalise(text)
  if (s === '') return { ok: true, fen: 0 }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[1] === '' && !m[2])) return { ok: false, error: '金额请只填数字，如 3860 或 3860.50' }
  const decimals = m[2] ?? ''
  if (decimals.length > 2) return { ok: false, error: '金额最多填到“分”（小数点后两位）' }
  const whole = m[1].replace(/^0+(?=\d)/, '') || '0'
  // More than nine digits of yuan is over any limit here; checked as text so Number() below is always exact.
  if (whole.length > 9) return { ok: false, error: '金额太大了，请核对' }
  const fen = Number(whole + decimals.padEnd(2, '0'))
  if (fen > maxFen) return { ok: false, error: '金额太大了，请核对' }
  return { ok: true, fen }
}

/** 386050 → "3,860.50 元"; whole yuan without decimals: 386000 → "3,860 元"; -500 → "-5 元". */
export function formatFen(fen: number): string {
  // The yuan as typed, with the thousands grouped: the lookahead stops at the point, and cents are two digits.
  return `${fenToYuanText(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} 元`
}

/** Fen as a person types yuan into a field (prefilling one): 100000 → "1000", 386050 → "3860.50", 5 → "0.05". */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error('money must be integer fen')
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const cents = abs % 100
  return `${sign}${Math.floor(abs / 100)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`
}

/** fen × rate (a whole percentage; above 100 for an uplift), rounded down to the fen: a subsidy never exceeds its rule. */
export function percentOfFen(fen: number, percent: number): number {
  if (!Number.isSafeInteger(fen) || !Number.isInteger(percent)) throw new Error('integer fen and whole percent only')
  return Math.floor((fen * percent) / 100)
}
