import { PRIVACY_GUIDE } from '~types/privacy'
import type { ProfileInput, UserView } from '~types/user.schema'
import { newRequestId } from '../../../../api/client'
import { DRAFT_PREFIX } from '../../../../hooks/use-draft'

/** What the form holds between keystrokes — kept in local storage until the profile is saved. */
export interface ProfileDraft {
  realName: string
  idNumber: string
  mobile: string
  occupation: string
  platform: string
  cityCode: string
  districtCode: string
  privacy: boolean
  sensitive: boolean
  /** The guide version the ticks above were given for: a tick never carries over to a text not yet seen. */
  consentVersion: string
  /** One idempotency key per submission, kept with the draft so a retry after a timeout cannot save twice. */
  requestId: string
}

export function draftKey(userId: string) {
  return `${DRAFT_PREFIX}profile.${userId}`
}

export function initialDraft(user: UserView | null): ProfileDraft {
  const p = user?.profile
  const agreed = user?.privacyVersionAccepted === PRIVACY_GUIDE.version
  return {
    realName: p?.realName ?? '',
    idNumber: '',
    mobile: p?.mobile ?? '',
    occupation: p?.occupation ?? '',
    platform: p?.platform ?? '',
    cityCode: p?.cityCode ?? '',
    districtCode: p?.districtCode ?? '',
    privacy: agreed,
    sensitive: agreed,
    consentVersion: PRIVACY_GUIDE.version,
    requestId: newRequestId(),
  }
}

/** The action's input. An empty ID field on a saved profile means "keep the number on file". */
/** A restored draft whose ticks were given for an older guide comes back unticked. */
export function withCurrentConsent(d: ProfileDraft): ProfileDraft {
  return d.consentVersion === PRIVACY_GUIDE.version ? d : { ...d, privacy: false, sensitive: false, consentVersion: PRIVACY_GUIDE.version }
}

export function toInput(d: ProfileDraft, hasIdOnFile: boolean): unknown {
  const idNumber = d.idNumber.trim()
  return {
    realName: d.realName,
    ...(idNumber || !hasIdOnFile ? { idNumber } : {}),
    mobile: d.mobile,
    occupation: d.occupation || undefined,
    platform: d.platform,
    districtCode: d.districtCode || undefined,
    consents: { privacyVersion: d.privacy ? PRIVACY_GUIDE.version : '', sensitive: d.sensitive },
  } satisfies Record<keyof ProfileInput, unknown> | Omit<Record<keyof ProfileInput, unknown>, 'idNumber'>
}
