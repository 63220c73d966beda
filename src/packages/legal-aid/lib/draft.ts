import type { FieldErrors } from '~types/errors'
import { LegalAidInput, PARTY_KINDS, hardshipExempt, type CaseType } from '~types/legal-aid.schema'
import type { UserView } from '~types/user.schema'
import { fieldErrors } from '~types/validation'
import { newRequestId } from '../../../api/client'
import { DRAFT_PREFIX } from '../../../hooks/use-draft'
import type { Attached } from '../../../components/attachment-picker'
import { yuanToFen } from '~types/money'

export type PartyKind = (typeof PARTY_KINDS)[number]

/** The legal-aid form between keystrokes: kept on the phone until it is submitted. */
export interface LegalAidDraft {
  caseType: CaseType | ''
  partyKind: PartyKind | ''
  partyName: string
  partyContact: string
  /** Yuan exactly as typed; converted to fen only when sent. */
  amount: string
  facts: string
  limitationEndsSoon: boolean
  preservationNeeded: boolean
  hardship: string
  attachments: Attached[]
  /** One idempotency key per content: a retry after a network failure reuses it, any change gets a new one. */
  requestId: string
}

export function draftKey(userId: string) {
  return `${DRAFT_PREFIX}legal-aid.${userId}`
}

export function initialDraft(): LegalAidDraft {
  return {
    caseType: '',
    partyKind: '',
    partyName: '',
    partyContact: '',
    amount: '',
    facts: '',
    limitationEndsSoon: false,
    preservationNeeded: false,
    hardship: '',
    attachments: [],
    requestId: newRequestId(),
  }
}

/** The platform a rider works for is the usual other party: offered when 平台 is picked and the name is empty. */
export function suggestedPartyName(kind: PartyKind, user: UserView): string {
  return kind === 'platform' ? (user.profile?.platform ?? '') : ''
}

const HARDSHIP_REQUIRED = '这类问题需要简单说明经济困难情况（如收入、家里负担）'

/**
 * The draft → the action's input, checked here with the same schema the server uses, plus what the schema alone
 * cannot say: the amount as typed, and the Art. 42 rule (a declaration unless wages or work injury).
 */
export function validate(d: LegalAidDraft): { ok: true; input: LegalAidInput } | { ok: false; errors: FieldErrors } {
  const amount = yuanToFen(d.amount)
  const contact = d.partyContact.trim()
  const hardship = d.hardship.trim()
  const raw = {
    caseType: d.caseType || undefined,
    otherParty: { kind: d.partyKind || undefined, name: d.partyName, ...(contact ? { contact } : {}) },
    amountFen: amount.ok ? amount.fen : 0,
    facts: d.facts,
    urgent: { limitationEndsSoon: d.limitationEndsSoon, preservationNeeded: d.preservationNeeded },
    ...(hardship && !(d.caseType && hardshipExempt(d.caseType)) ? { hardship } : {}),
    attachments: d.attachments.map((a) => a.fileId),
  }
  const parsed = LegalAidInput.safeParse(raw)
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error)
  if (!amount.ok) errors.amountFen = amount.error
  if (d.caseType && !hardshipExempt(d.caseType) && !hardship) errors.hardship ??= HARDSHIP_REQUIRED
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, input: parsed.data }
}

/** Which draft fields a server or schema error path belongs to, so typing there clears it. */
export const ERROR_FIELDS: Record<string, (keyof LegalAidDraft)[]> = {
  caseType: ['caseType'],
  'otherParty.kind': ['partyKind'],
  'otherParty.name': ['partyName'],
  'otherParty.contact': ['partyContact'],
  amountFen: ['amount'],
  facts: ['facts'],
  hardship: ['hardship', 'caseType'],
  attachments: ['attachments'],
}
