import { AMOUNT_MAX_FEN } from '~types/legal-aid.schema'

export type AmountResult = { ok: true; fen: number } | { ok: false; error: string }

/** Full-width digits and the Chinese keyboard's points, as a phone may type them, read as plain ASCII. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[\s,，]/g, '')
    .replace(/元$/, '')
}

/**
 * Yuan as typed ("3860", "3,860.5", "３８６０。５元") → integer fen by string arithmetic, never through a float
 * (0.1 + 0.2 must not become 30.000000000000004 fen). Empty means no money is claimed (0).
 */
export function yuanToFen(text: string): AmountResult {
  const s = normalise(text)
  if (s === '') return { ok: true, fen: 0 }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[1] === '' && !m[2])) return { ok: false, error: '金额请只填数字，如 3860 或 3860.50' }
  const decimals = m[2] ?? ''
  if (decimals.length > 2) return { ok: false, error: '金额最多填到“分”（小数点后两位）' }
  const whole = m[1].replace(/^0+(?=\d)/, '') || '0'
  // More than nine digits of yuan is over the limit anyway; checked as text so Number() below is always exact.
  if (whole.length > 9) return { ok: false, error: '金额太大了，请核对' }
  const fen = Number(whole + decimals.padEnd(2, '0'))
  if (fen > AMOUNT_MAX_FEN) return { ok: false, error: '金额太大了，请核对' }
  return { ok: true, fen }
}

/** 386050 → "3,860.50 元"; whole yuan without decimals: 386000 → "3,860 元". String arithmetic again. */
export function fenToYuan(fen: number): string {
  const whole = Math.floor(fen / 100)
  const cents = fen % 100
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${grouped}${cents ? `.${String(cents).padStart(2, '0')}` : ''} 元`
}
