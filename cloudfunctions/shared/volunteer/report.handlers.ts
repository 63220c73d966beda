import type { volunteerReportContract } from '~types/volunteer-report.contract'
import { recordsReplay, type HandlersOf } from '../core/define-function'
import { reportFigures } from './report.figures'
import { duplicatesOf, forwardReport } from './report.service'
import { submitReport } from './report.submit'

export const reportHandlers: HandlersOf<typeof volunteerReportContract> = {
  report: recordsReplay((input, { runtime, user, replay }) => submitReport(runtime, user, input, replay)),
  forward: recordsReplay((input, { runtime, user, replay }) => forwardReport(runtime, user, input, replay)),
  duplicates: ({ id }, { runtime, user }) => duplicatesOf(runtime, user, id),
  reportFigures: (_input, { runtime, user }) => reportFigures(runtime, user),
}
