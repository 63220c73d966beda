// Test data for the workbench's component tests (imported by tests only): a fresh worker files a legal-aid request.
import type { ApplicationView } from '~types/application.schema'
import type { LegalAidInput } from '~types/legal-aid.schema'
import { api, newRequestId } from '../../../api/client'
import { signInDemo } from '../../../store/session'
import { demoIdNumber } from '../../../../server/demo-id'
import { validProfile } from '../../../../test/support/profiles'
import { WAGES_REQUEST } from '../../../../test/support/requests'

/** Urgent: property must be secured at once (Art. 44). */
export const WAGES: LegalAidInput = { ...WAGES_REQUEST, urgent: { limitationEndsSoon: false, preservationNeeded: true } }

/**
 * A new worker in 南通市 崇川区 (a name and ID number no other test uses) files a request; the caller is left signed
 * in as that worker. `birth` keeps the ID numbers of different test files apart.
 */
export async function fileAsNewWorker(realName: string, birth: string, seq: number, input: Partial<LegalAidInput> = {}) {
  const openid = `wb-${birth.replace(/-/g, '')}-${seq}-${Date.now().toString(36)}`
  await signInDemo(openid)
  const idNumber = demoIdNumber('320613', birth, seq)
  await api.user.saveProfile(validProfile(seq, { realName, idNumber, mobile: `1370000${String(seq).padStart(4, '0')}` }))
  const filed: ApplicationView = await api.legalAid.submit({ ...WAGES, ...input }, { requestId: newRequestId() })
  return { filed, idNumber, openid }
}
