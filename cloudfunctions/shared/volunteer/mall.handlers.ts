import type { volunteerMallContract } from '~types/volunteer-mall.contract'
import type { HandlersOf } from '../core/define-function'

export const mallHandlers: HandlersOf<typeof volunteerMallContract> = {}
