import type { Database } from '../core/context'
import type { UserDoc } from '../user/user.doc'
import type { ApplicationDoc } from './application.doc'

/** Staff see and act on an application only if one of their grants covers its district AND its service. */
export function staffCovers(user: UserDoc, app: Pick<ApplicationDoc, 'district' | 'service'>): boolean {
  return user.roles.staff.some((g) => g.districtCode === app.district && g.services.includes(app.service))
}

/** The same rule as a query condition: one branch per grant. */
export function scopeCondition(db: Database, user: UserDoc) {
  const _ = db.command
  return _.or(user.roles.staff.map((g) => ({ district: g.districtCode, service: _.in(g.services) })))
}
