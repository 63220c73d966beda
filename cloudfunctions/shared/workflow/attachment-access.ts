import { addFileReadRule } from '../storage/files'
import { APPLICATIONS, type ApplicationDoc } from './application.doc'
import { staffCovers } from './scope'

/**
 * Who besides the owner may read an attachment: staff whose district and service cover an application that lists
 * it (as filed or with a supplement) — found through the file's own `attachedTo`, so the check reads a handful of
 * documents by id, whatever the number of applications. Registered once, when the workflow module loads.
 */
addFileReadRule(async (file, user, db) => {
  if (!user.roles.staff.length || !file.attachedTo?.length) return false
  const { data } = await db.collection(APPLICATIONS).where({ _id: db.command.in(file.attachedTo.slice(0, 20)) }).limit(20).get()
  return (data as ApplicationDoc[]).some((app) => staffCovers(user, app))
})
