import { volunteerContract } from '~types/volunteer.contract'
import type { Runtime } from '../core/context'
import { defineFunction } from '../core/define-function'
import { ledgerHandlers } from './ledger.handlers'
import { mallHandlers } from './mall.handlers'
import { expireRedemptions } from './mall.expiry'
import { recordHandlers } from './record.handlers'
import { reportHandlers } from './report.handlers'
import { taskHandlers } from './task.handlers'

/**
 * The daily work of each part (cloudfunctions/volunteer/config.json's timer), by what its answer counts. A part adds
 * its job here; they run one after another, and one that fails does not keep the others from running.
 */
const DAILY: Record<string, (rt: Runtime) => Promise<unknown>> = {
  // 积分商城: redemptions not picked up in time give points and stock back.
  redemptionsExpired: expireRedemptions,
}

async function daily(rt: Runtime): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  const failed: unknown[] = []
  for (const [name, job] of Object.entries(DAILY)) {
    try {
      out[name] = await job(rt)
    } catch (e) {
      failed.push(e)
    }
  }
  if (failed.length) throw failed[0]
  return out
}

/** The `volunteer` function: binds the contract's parts to their handlers, nothing else. */
export const volunteerFunction = defineFunction('volunteer', volunteerContract, {
  ...ledgerHandlers,
  ...reportHandlers,
  ...taskHandlers,
  ...mallHandlers,
  ...recordHandlers,
}, daily)
