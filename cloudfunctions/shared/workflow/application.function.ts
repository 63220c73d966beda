import { applicationContract } from '~types/application.contract'
import { defineFunction, recordsReplay } from '../core/define-function'
import { fileLink, purgeUnattachedFiles, registerCloudFile } from '../storage/files'
import { reviewersOfApplications } from './attachment-access'
import { expireSupplements } from './expire.job'
import { todo } from './todo.service'
import { calendarYears, setCalendarYear } from './calendar.service'
import { figures, queue } from './queue.service'
import { weekly } from './weekly.service'
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
    supplement: recordsReplay((input, { runtime, user, replay }) => supplement(runtime, user, input, replay)),
    withdraw: recordsReplay((input, { runtime, user, replay }) => withdraw(runtime, user, input, replay)),
    queue: (input, { runtime, user }) => queue(runtime, user, input),
    figures: (_, { runtime, user }) => figures(runtime, user),
    weekly: (_, { runtime, user }) => weekly(runtime, user),
    detail: (input, { runtime, user }) => detail(runtime, user, input.id),
    startReview: recordsReplay((input, { runtime, user, replay }) => startReview(runtime, user, input, replay)),
    requestMore: recordsReplay((input, { runtime, user, replay }) => requestMore(runtime, user, input, replay)),
    approve: recordsReplay((input, { runtime, user, replay }) => approve(runtime, user, input, replay)),
    reject: recordsReplay((input, { runtime, user, replay }) => reject(runtime, user, input, replay)),
    close: recordsReplay((input, { runtime, user, replay }) => close(runtime, user, input, replay)),
    extend: recordsReplay((input, { runtime, user, replay }) => extend(runtime, user, input, replay)),
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
