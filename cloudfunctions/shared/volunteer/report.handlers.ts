import type { volunteerReportContract } from '~types/volunteer-report.contract'
import type { HandlersOf } from '../core/define-function'

export const reportHandlers: HandlersOf<typeof volunteerReportContract> = {}
