import { update } from 'mingo'
import { fromStored, toStored, type JsObject } from './codec'
import { invalidParam } from './errors'

/**
 * The new version of a document. `merge: false` is `doc(id).set(data)`: the data replaces the document, keeping
 * its `_id`. `merge: true` is `update(data)`: the SDK has already turned plain fields into `$set` on dotted paths,
 * and `_.set`, `_.inc`, `_.push`… into their MongoDB operators, which mingo applies.
 */
export function applyUpdate(doc: JsObject, data: JsObject, merge: boolean): JsObject {
  const keys = Object.keys(data)
  const operators = keys.filter((k) => k.startsWith('$'))
  if (!merge) {
    if (operators.length > 0) throw invalidParam('set() takes a document, not update operators')
    return { ...data, _id: doc._id }
  }
  if (operators.length > 0 && operators.length !== keys.length) throw invalidParam('cannot mix update operators and fields')
  const next = fromStored(toStored(doc)) as JsObject
  try {
    update(next, operators.length > 0 ? data : { $set: data }, undefined, undefined, { cloneMode: 'deep' })
  } catch (e) {
    throw invalidParam((e as Error).message)
  }
  if (next._id !== doc._id) throw invalidParam("Performing an update on the path '_id' would modify the immutable field '_id'")
  return next
}
