import { volunteerContract } from '~types/volunteer.contract'
import { defineFunction } from '../core/define-function'
import { ledgerHandlers } from './ledger.handlers'
import { mallHandlers } from './mall.handlers'
import { recordHandlers } from './record.handlers'
import { reportHandlers } from './report.handlers'
import { taskHandlers } from './task.handlers'

/** The `volunteer` function: binds the contract's parts to their handlers, nothing else. */
export const volunteerFunction = defineFunction('volunteer', volunteerContract, {
  ...ledgerHandlers,
  ...reportHandlers,
  ...taskHandlers,
  ...mallHandlers,
  ...recordHandlers,
})
