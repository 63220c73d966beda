// Test data for the legal-aid pages' component tests (imported by tests only).
import type { ApplicationView } from '~types/application.schema'
import type { LegalAidInput } from '~types/legal-aid.schema'
import { api, newRequestId } from '../../../api/client'
import { setUser, signInDemo } from '../../../store/session'
import { demoIdNumber } from '../../../../server/demo-id'
import { validProfile } from '../../../../test/support/profiles'
import { WAGES_REQUEST } from '../../../../test/support/requests'
import { typeInto } from '../../../../test/support/taro-events'

export const REQUEST: LegalAidInput = { ...WAGES_REQUEST, amountFen: 386050 }

/** A new worker in 南通市 崇川区 with a complete profile; `seq` keeps ID numbers of one file apart. Left signed in. */
export async function newWorker(tag: string, seq: number) {
  const openid = `la-${tag}-${seq}-${Date.now().toString(36)}`
  await signInDemo(openid)
  const user = await api.user.saveProfile(validProfile(seq, { realName: '韩小勇', idNumber: demoIdNumber('320613', '1988-07-09', seq), mobile: `1391234${String(seq).padStart(4, '0')}` }))
  setUser(user)
  return { user, openid }
}

/** A new worker who has filed one request. */
export async function newWorkerWithRequest(tag: string, seq: number, input: Partial<LegalAidInput> = {}): Promise<{ filed: ApplicationView; openid: string }> {
  const { openid } = await newWorker(tag, seq)
  const filed = await api.legalAid.submit({ ...REQUEST, ...input }, { requestId: newRequestId() })
  return { filed, openid }
}

/** Staff of 南通崇川 act on it (start review, then whatever `then` does); the worker is signed back in after. */
export async function asNantongStaff<T>(workerOpenid: string, then: () => Promise<T>): Promise<T> {
  await signInDemo('demo-staff-nantong')
  try {
    return await then()
  } finally {
    setUser(await signInDemo(workerOpenid))
  }
}

/** The Taro textarea (`taro-textarea-core`) with this placeholder prefix. */
export function textareaByPlaceholder(container: HTMLElement, prefix: string): Element {
  const el = [...container.querySelectorAll('taro-textarea-core')].find((e) => (e.getAttribute('placeholder') ?? '').startsWith(prefix))
  if (!el) throw new Error(`no textarea with placeholder "${prefix}…"`)
  return el
}

export function typeIntoTextarea(container: HTMLElement, prefix: string, value: string): void {
  typeInto(textareaByPlaceholder(container, prefix), value)
}
