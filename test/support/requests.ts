import type { LegalAidInput } from '~types/legal-aid.schema'

/** A legal-aid request for unpaid wages (no hardship proof needed, Art. 42): the tests' usual submission. */
export const WAGES_REQUEST: LegalAidInput = {
  caseType: 'wages',
  otherParty: { kind: 'platform', name: '某某外卖配送站', contact: '0513-12345678' },
  amountFen: 386000,
  facts: '2026 年 8 月在配送站跑单 26 天，站点至今没有结算工资，负责人电话不接。',
  urgent: { limitationEndsSoon: false, preservationNeeded: false },
  attachments: [],
}

/** The data of an `{ ok: true }` answer; any error fails the test with its body. */
export async function okData<T>(res: Promise<{ body: { ok: boolean; data?: unknown; error?: unknown } }>): Promise<T> {
  const { body } = await res
  if (!body.ok) throw new Error(JSON.stringify(body.error))
  return body.data as T
}
