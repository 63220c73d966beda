import type { volunteerRecordContract } from '~types/volunteer-record.contract'
import type { HandlersOf } from '../core/define-function'

export const recordHandlers: HandlersOf<typeof volunteerRecordContract> = {}
