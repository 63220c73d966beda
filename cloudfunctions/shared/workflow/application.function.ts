import { applicationContract } from '~types/application.contract'
import { defineFunction } from '../core/define-function'
import { fileLink, purgeUnattachedFiles, registerCloudFile } from '../storage/files'
import { reviewersOfApplications } from './attachment-access'
import { expireSupplements } from './expire.job'
import { todo } from './todo.service'
import { calendarYears, setCalendarYear } from './calendar.service'
import { figures, queue } from './queue.service'
import { deliverPending, noticesAbout } from '../notify/notifier'
import { approve, close, detail, loadOwn, extend, getMine, listMine, reject, requestMore, revealIdNumber, startReview, supplement, withdraw } from './review.service'

/** The `application` cloud function: 我的申请 and the workbench, for every kind (each submits through its own function). */
export const applicationFunction = defineFunction(
  'application',
  applicationContract,
  {
    registerFile: (input, { runtime, user }) => registerCloudFile(runtime, user, input),
    fileLink: (input, { runtime, user }) => fileLink(runtime, input.fileId, user, [reviewersOfApplications]),
    listMine: (_, { runtime, user }) => listMine(runtime, user),
    todo: (_, { runtime, user }) => todo(runtime, user),
    calendarYears: (_, { runtime }) => calendarYears(runtime),
    setCalendarYear: (input, { runtime, user }) => setCalendarYear(runtime, user, input),
    getMine: (input, { runtime, user }) => getMine(runtime, user, input.id),
    notices: async (input, { runtime, user }) => noticesAbout(runtime.db, user.openid, (await loadOwn(runtime, user, input.id))._id),
    supplement: (input, { runtime, user }) => supplement(runtime, user, input),
    withdraw: (input, { runtime, user }) => withdraw(runtime, user, input),
    queue: (input, { runtime, user }) => queue(runtime, user, input),
    figures: (_, { runtime, user }) => figures(runtime, user),
    detail: (input, { runtime, user }) => detail(runtime, user, input.id),
    startReview: (input, { runtime, user }) => startReview(runtime, user, input),
    requestMore: (input, { runtime, user }) => requestMore(runtime, user, input),
    approve: (input, { runtime, user }) => approve(runtime, user, input),
    reject: (input, { runtime, user }) => reject(runtime, user, input),
    close: (input, { runtime, user }) => close(runtime, user, input),
    extend: (input, { runtime, user }) => extend(runtime, user, input),
    revealIdNumber: (input, { runtime, user }) => revealIdNumber(runtime, user, input.id),
  },
  // Hourly (config.json; the local server runs it on the same timer): all cheap when there is nothing to do.
  // Side by side, each whatever the other does; a failure is reported once both are done.
  async (rt) => {
    const purge = purgeUnattachedFiles(rt)
    const expired = await expireSupplements(rt).finally(() => purge.catch(() => undefined))
    // Notices whose push failed (or whose instance stopped after the commit) are tried again.
    const notices = await deliverPending(rt)
    return { expired, purgedFiles: await purge, notices }
  },
)
