// Test data for the workbench's component tests (imported by tests only): a fresh worker files a legal-aid request.
import type { ApplicationView } from '~types/application.schema'
import type { LegalAidInput } from '~types/legal-aid.schema'
import { api, newRequestId } from '../../../api/client'
import { signInDemo } from '../../../store/session'
import { demoIdNumber } from '../../../../server/demo-id'
import { validProfile } from '../../../../test/support/profiles'

export const WAGES: LegalAidInput = {
  caseType: 'wages',
  otherParty: { kind: 'platform', name: '某某外卖配送站', contact: '0513-12345678' },
  amountFen: 386000,
  facts: '2026 年 8 月在配送站跑单 26 天，站点至今没有结算工资，负责人电话不接。',
  urgent: { limitationEndsSoon: false, preservationNeeded: true },
  attachments: [],
}

/**
 * A new worker in 南通市 崇川区 (a name and ID number no other test uses) files a request; the caller is left signed
 * in as that worker. `birth` keeps the ID numbers of different test files apart.
 */
export async function fileAsNewWorker(realName: string, birth: string, seq: number, input: Partial<LegalAidInput> = {}) {
  const openid = `wb-${birth.replace(/-/g, '')}-${seq}-${Date.now().toString(36)}`
  await signInDemo(openid)
  const idNumber = demoIdNumber('320613', birth, seq)
  await api.user.saveProfile(validProfile(seq, { realName, idNumber, mobile: `1370000${String(seq).padStart(4, '0')}` }))
  const filed: ApplicationView = await api.application.submitLegalAid({ ...WAGES, ...input }, { requestId: newRequestId() })
  return { filed, idNumber, openid }
}
