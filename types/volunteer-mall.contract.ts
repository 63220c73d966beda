import { action } from './contract'
import { Empty } from './user.schema'
import {
  PickupCodeInput,
  RedeemInput,
  RedemptionIdInput,
  RewardIdInput,
  RewardInput,
  RewardStatusInput,
  type MallView,
  type PickupView,
  type RedemptionView,
  type RedemptionsPage,
  type RewardDetail,
  type StaffRewardView,
  type StaffRewardsPage,
} from './volunteer-mall.schema'

/** 积分商城 — rewards, redemptions, pickup codes (part of the `volunteer` function). */
export const volunteerMallContract = {
  mall: action<MallView>()({ input: Empty, roles: ['worker'], writes: false, summary: "Rewards of the caller's district that are still valid, with stock left, the caller's balance and how many they may still redeem." }),
  reward: action<RewardDetail>()({ input: RewardIdInput, roles: ['worker'], writes: false, summary: "One reward of the caller's district, with what redeeming it would take." }),
  redeem: action<RedemptionView>()({ input: RedeemInput, roles: ['worker'], writes: true, replay: { read: 'redemption', by: 'id' }, summary: 'Redeem a reward: stock, balance and per-person limit checked and the debit written in one transaction; a unique pickup code.' }),
  redemptions: action<RedemptionsPage>()({ input: Empty, roles: ['worker'], writes: false, summary: "The caller's own redemptions, newest first, with their codes and states." }),
  redemption: action<RedemptionView>()({ input: RedemptionIdInput, roles: ['worker'], writes: false, summary: "One of the caller's own redemptions." }),
  staffRewards: action<StaffRewardsPage>()({ input: Empty, roles: ['staff'], service: 'volunteer', writes: false, summary: "Rewards of the caller's districts with stock, left, waiting and picked up." }),
  staffReward: action<StaffRewardView>()({ input: RewardIdInput, roles: ['staff'], service: 'volunteer', writes: false, summary: 'One reward of the caller’s districts, for its edit form.' }),
  saveReward: action<StaffRewardView>()({ input: RewardInput, roles: ['staff'], service: 'volunteer', writes: true, replay: { read: 'staffReward', by: 'id' }, summary: 'Create or edit a reward of a district the caller serves (audited).' }),
  setRewardStatus: action<StaffRewardView>()({ input: RewardStatusInput, roles: ['staff'], service: 'volunteer', writes: true, replay: { read: 'staffReward', by: 'id' }, summary: 'Withdraw a reward (no new redemptions; codes already given stay valid) or put it back (audited).' }),
  lookupCode: action<PickupView>()({ input: PickupCodeInput, roles: ['staff'], service: 'volunteer', writes: false, summary: "A pickup code at the desk: the reward and the masked name — only for staff of the reward's district." }),
  pickup: action<PickupView>()({ input: PickupCodeInput, roles: ['staff'], service: 'volunteer', writes: true, replay: { read: 'lookupCode', by: 'code' }, summary: 'Hand the reward over: waiting → picked in one transaction, valid once (audited).' }),
}
