import { PRIVACY_GUIDE } from '~types/privacy'
import { regionLabel } from '~types/regions'
import type { StaffCandidate, UserView } from '~types/user.schema'
import { maskMobile } from '../security/mask'
import type { UserDoc } from './user.doc'

/** Complete profile and the privacy guide in force accepted: the services open only then. */
export function isReady(user: UserDoc): boolean {
  return !!user.profile && user.privacyVersion === PRIVACY_GUIDE.version
}

function rolesView(user: UserDoc): UserView['roles'] {
  return {
    admin: user.roles.admin,
    staff: user.roles.staff.map((g) => ({ districtCode: g.districtCode, services: g.services, grantedAt: g.grantedAt.toISOString() })),
  }
}

/** The only way a user leaves the server: the sealed ID number never does, the masked one always. */
export function toUserView(user: UserDoc): UserView {
  const p = user.profile
  return {
    id: user._id,
    profile: p
      ? {
          realName: p.realName,
          idNumberMasked: p.idNumberMasked,
          mobile: p.mobile,
          occupation: p.occupation,
          platform: p.platform,
          cityCode: p.cityCode,
          districtCode: p.districtCode,
          regionLabel: regionLabel(p.districtCode),
        }
      : null,
    ready: isReady(user),
    privacyVersionAccepted: user.privacyVersion ?? null,
    reconsent: !!user.profile && user.privacyVersion !== PRIVACY_GUIDE.version,
    roles: rolesView(user),
    consents: user.consents.map((c) => ({ kind: c.kind, version: c.version, acceptedAt: c.acceptedAt.toISOString() })),
    createdAt: user.createdAt.toISOString(),
  }
}

/** What an admin sees of someone when granting roles: name, masked mobile, region. */
export function toStaffCandidate(user: UserDoc): StaffCandidate {
  return {
    id: user._id,
    realName: user.profile?.realName ?? '（未填写姓名）',
    mobileMasked: user.profile ? maskMobile(user.profile.mobile) : '',
    regionLabel: user.profile ? regionLabel(user.profile.districtCode) : '',
    roles: rolesView(user),
  }
}
