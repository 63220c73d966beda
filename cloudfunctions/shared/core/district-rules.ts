import type { Service } from '~types/roles'
import { AUDIT } from '../audit/audit'
import { inTransaction } from '../db/transaction'
import type { UserDoc } from '../user/user.doc'
import { AppError } from './app-error'
import type { Runtime, Transaction } from './context'
import { districtsOf } from './scope'

interface Stored {
  _id: string
  updatedAt: Date
  updatedBy: string
}

/**
 * A service's figures a district may set (subsidy rates, points per report): one document per district in
 * `collection`, the defaults of config/<service>.ts for whatever it has not set, every change audited with the old
 * and new values. `merge` fills a stored partial set from the defaults (nested maps merge key by key where that is
 * what the figures mean); `clean` prepares what is stored (drops undefined map entries, which CloudBase refuses).
 */
export function districtRules<R extends object>(opts: {
  service: Service
  collection: string
  defaults: R
  merge: (set: Partial<R>, defaults: R) => R
  clean?: (rules: R) => R
  /** The refusal to staff of another district, in the service's words. */
  notYours: string
}) {
  async function rulesFor(rt: Runtime, district: string): Promise<R> {
    const { data } = await rt.db.collection(opts.collection).doc(district).get()
    const set = data[0] as (Partial<R> & Partial<Stored>) | undefined
    return set ? opts.merge(set, opts.defaults) : opts.defaults
  }

  async function rulesIn(tx: Transaction, district: string): Promise<R> {
    const { data } = await tx.collection(opts.collection).doc(district).get()
    return data ? opts.merge(data as Partial<R>, opts.defaults) : opts.defaults
  }

  async function setRules(rt: Runtime, user: UserDoc, district: string, rules: R): Promise<R> {
    if (!districtsOf(user, opts.service).includes(district)) throw new AppError('NOT_FOUND', opts.notYours)
    const now = rt.now()
    await inTransaction(rt.db, async (tx: Transaction) => {
      const { data } = await tx.collection(opts.collection).doc(district).get()
      const before = (data as (R & Stored) | null) ?? null
      const stored = opts.clean ? opts.clean(rules) : rules
      await tx.collection(opts.collection).doc(district).set({ ...stored, updatedAt: now, updatedBy: user._id })
      const { _id, updatedAt, updatedBy, ...from } = before ?? ({} as R & Stored)
      await tx.collection(AUDIT).add({
        actorId: user._id, actorRole: 'staff', action: `${opts.service}.setRules`, targetType: `${opts.service}Rules`, targetId: district,
        from: before ? from : null, to: stored, at: now,
      })
    })
    return rulesFor(rt, district)
  }

  return { rulesFor, rulesIn, setRules }
}
