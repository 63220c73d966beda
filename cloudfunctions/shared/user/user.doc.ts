import type { ProfileView } from '~types/user.schema'
import type { Service } from '~types/roles'

/** A user as stored in the `users` collection. Only the repository and the view mapper read it. */
export interface UserDoc {
  _id: string
  openid: string
  createdAt: Date
  updatedAt: Date
  profile?: StoredProfile
  /** Keyed hash of the ID number: the key of this user's claim in `id_claims`. */
  idHash?: string
  /** The privacy-guide version last agreed to. */
  privacyVersion?: string
  consents: { kind: 'privacy' | 'sensitive'; version: string; acceptedAt: Date }[]
  roles: { admin: boolean; staff: StoredStaffGrant[] }
}

/** What the profile view shows, minus what is derived (region label), plus the sealed ID number. */
export type StoredProfile = Omit<ProfileView, 'regionLabel'> & {
  /** AES-GCM sealed; see security/vault.ts. Never leaves the server. */
  idNumberSealed: string
}

export interface StoredStaffGrant {
  districtCode: string
  services: Service[]
  grantedAt: Date
  grantedBy: string
}

export const USERS = 'users'

/** `{ _id: <keyed hash of an ID number>, userId, claimedAt }` — see claimIdNumber in user.service.ts. */
export const ID_CLAIMS = 'id_claims'
