import { addFileReadRule } from '../storage/files'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { staffCovers } from './scope'

/**
 * Who besides the owner may read an attachment: staff whose district and service cover an application that lists
 * it (as filed or as a supplement). Registered once, when the workflow module loads.
 */
addFileReadRule(async (file, user, db) => {
  if (!user.roles.staff.length) return false
  const _ = db.command
  const { data } = await db
    .collection(APPLICATIONS)
    .where(_.or([{ attachments: file._id }, { 'supplement.answerAttachments': file._id }]))
    .limit(20)
    .get()
  return (data as ApplicationDoc[]).some((app) => staffCovers(user, app))
})
