import { PRIVACY_GUIDE } from '~types/privacy'
import type { ProfileInput, UserView } from '~types/user.schema'
import { newRequestId } from '../../../../api/client'

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
  /** One idempotency key per submission, kept with the draft so a retry after a timeout cannot save twice. */
  requestId: string
}

export function draftKey(userId: string) {
  return `nx.draft.profile.${userId}`
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
    requestId: newRequestId(),
  }
}

/** The action's input. An empty ID field on a saved profile means "keep the number on file". */
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
