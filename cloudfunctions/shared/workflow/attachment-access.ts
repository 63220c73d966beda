import type { FileReadRule } from '../storage/files'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { staffCovers } from '../core/scope'

/**
 * Who besides the owner may read an attachment: staff whose district and service cover an application that lists
 * it (as filed or with a supplement) — found through the file's own `attachedTo`, so the check reads a handful of
 * documents by id, whatever the number of applications. Passed to fileLink by the `application` function.
 */
export const reviewersOfApplications: FileReadRule = async (file, user, db) => {
  if (!user.roles.staff.length || file.attachedTo?.length === 0) return false
  const _ = db.command
  // A file recorded before `attachedTo` existed (local data from an older version): find its applications the slow way.
  const where = file.attachedTo
    ? { _id: _.in(file.attachedTo.slice(0, 20)) }
    : _.or([{ attachments: file._id }, { 'supplement.answerAttachments': file._id }])
  const { data } = await db.collection(APPLICATIONS).where(where).limit(20).get()
  return (data as ApplicationDoc[]).some((app) => staffCovers(user, app))
}
