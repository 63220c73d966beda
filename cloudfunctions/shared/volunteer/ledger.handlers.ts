import type { volunteerLedgerContract } from '~types/volunteer.contract'
import type { HandlersOf } from '../core/define-function'
import { checkLedger, leaderboard, myAccount, myLedger } from './account.service'
import { rulesFor, setRules } from './rules.service'

export const ledgerHandlers: HandlersOf<typeof volunteerLedgerContract> = {
  account: (_input, { runtime, user }) => myAccount(runtime, user),
  ledger: (input, { runtime, user }) => myLedger(runtime, user, input),
  checkLedger: (_input, { runtime, user }) => checkLedger(runtime, user._id),
  leaderboard: (input, { runtime, user }) => leaderboard(runtime, user, input),
  rules: ({ district }, { runtime, user }) => rulesFor(runtime, district ?? user.profile!.districtCode),
  setRules: ({ district, ...rules }, { runtime, user }) => setRules(runtime, user, district, rules),
}
