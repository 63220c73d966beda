import { action } from './contract'
import { Empty } from './user.schema'
import {
  LeaderboardInput,
  LedgerInput,
  RulesOfInput,
  VolunteerRulesInput,
  type LeaderboardView,
  type LedgerCheck,
  type LedgerPage,
  type VolunteerAccountView,
} from './volunteer.schema'
import type { VolunteerRules } from '../config/volunteer'
import { volunteerMallContract } from './volunteer-mall.contract'
import { volunteerRecordContract } from './volunteer-record.contract'
import { volunteerReportContract } from './volunteer-report.contract'
import { volunteerTaskContract } from './volunteer-task.contract'

/** The ledger and a district's figures: what every part of the service credits and debits through. */
export const volunteerLedgerContract = {
  account: action<VolunteerAccountView>()({ input: Empty, roles: ['worker'], writes: false, summary: "The caller's balance, this month's points, confirmed hours, star level and team." }),
  ledger: action<LedgerPage>()({ input: LedgerInput, roles: ['worker'], writes: false, summary: "A page of the caller's own ledger entries, newest first, each with its reason and source." }),
  checkLedger: action<LedgerCheck>()({ input: Empty, roles: ['worker'], writes: false, summary: "Re-adds the caller's entries and compares the sum with the balance." }),
  leaderboard: action<LeaderboardView>()({ input: LeaderboardInput, roles: ['worker'], writes: false, summary: "A district's monthly leaderboard of earned points, and the caller's own rank." }),
  rules: action<VolunteerRules>()({ input: RulesOfInput, roles: ['worker'], writes: false, summary: "A district's points per report grade and per hour, redemption window, make-up cap, check-in radius." }),
  setRules: action<VolunteerRules>()({ input: VolunteerRulesInput, roles: ['staff'], service: 'volunteer', writes: true, replay: 'stored', summary: "Set a district's volunteer figures (audited)." }),
}

/**
 * The `volunteer` function (志愿服务积分): 发现问题—处理问题—结果反馈—积分激励. One function, its contract in parts
 * by capability — the ledger here, reports, tasks, the mall and the record certificate in their own files — so each
 * part reads on its own while the app still calls one function.
 */
export const volunteerContract = {
  ...volunteerLedgerContract,
  ...volunteerReportContract,
  ...volunteerTaskContract,
  ...volunteerMallContract,
  ...volunteerRecordContract,
}
