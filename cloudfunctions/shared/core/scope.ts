import { staffDistricts, type Service } from '~types/roles'
import { AppError } from './app-error'
import type { Database } from './context'
import type { UserDoc } from '../user/user.doc'

/**
 * Staff reach a record only where one of their grants covers its district AND its service. One rule for every
 * record staff manage — applications, courses, stations, tasks — so no service hand-rolls its own check.
 */
export function staffCovers(user: UserDoc, record: { district: string; service: Service }): boolean {
  return user.roles.staff.some((g) => g.districtCode === record.district && g.services.includes(record.service))
}

/** The districts where `user` is staff of `service`. */
export function districtsOf(user: UserDoc, service: Service): string[] {
  return staffDistricts(user, service)
}

/**
 * The same rule as a query condition. With `service`, for a service's own records (a course of the academy): their
 * `district` within the grants of that service. Without, for records of several services (applications): one branch
 * per grant, on `district` and `service`.
 */
export function scopeCondition(db: Database, user: UserDoc, service?: Service) {
  const _ = db.command
  if (service) return { district: _.in(districtsOf(user, service)) }
  return _.or(user.roles.staff.map((g) => ({ district: g.districtCode, service: _.in(g.services) })))
}

/** A record in scope, or NOT_FOUND — outside the scope a record does not exist (its existence is not revealed). */
export function inScopeOr404<T extends { district: string; service: Service }>(user: UserDoc, record: T | null, message: string): T {
  if (!record || !staffCovers(user, record)) throw new AppError('NOT_FOUND', message)
  return record
}
