import type { volunteerTaskContract } from '~types/volunteer-task.contract'
import type { HandlersOf } from '../core/define-function'

export const taskHandlers: HandlersOf<typeof volunteerTaskContract> = {}
