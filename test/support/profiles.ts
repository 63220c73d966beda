import { PRIVACY_GUIDE } from '~types/privacy'
import type { ProfileInput } from '~types/user.schema'
import { demoIdNumber } from '../../server/demo-id'

/** A complete, valid profile for tests; vary `seq` to get distinct ID numbers. */
export function validProfile(seq = 1, patch: Partial<ProfileInput> = {}): ProfileInput & { idNumber: string } {
  return {
    realName: '测试骑手',
    idNumber: demoIdNumber('320613', '1995-06-15', seq),
    mobile: '13812345678',
    occupation: '外卖配送员',
    platform: '美团外卖',
    districtCode: '320613',
    consents: { privacyVersion: PRIVACY_GUIDE.version, sensitive: true },
    ...patch,
  } as ProfileInput & { idNumber: string }
}
