import type { volunteerMallContract } from '~types/volunteer-mall.contract'
import { recordsReplay, type HandlersOf } from '../core/define-function'
import { lookupCode, pickup } from './mall.pickup'
import { myRedemption, myRedemptions, redeem } from './mall.redeem'
import { mall, rewardDetail, saveReward, setRewardStatus, staffReward, staffRewards } from './mall.rewards'

export const mallHandlers: HandlersOf<typeof volunteerMallContract> = {
  mall: (_input, { runtime, user }) => mall(runtime, user),
  reward: ({ id }, { runtime, user }) => rewardDetail(runtime, user, id),
  redeem: recordsReplay(({ rewardId }, { runtime, user, replay }) => redeem(runtime, user, rewardId, replay)),
  redemptions: (_input, { runtime, user }) => myRedemptions(runtime, user),
  redemption: ({ id }, { runtime, user }) => myRedemption(runtime, user, id),
  staffRewards: (_input, { runtime, user }) => staffRewards(runtime, user),
  staffReward: ({ id }, { runtime, user }) => staffReward(runtime, user, id),
  saveReward: (input, { runtime, user }) => saveReward(runtime, user, input),
  setRewardStatus: ({ id, status }, { runtime, user }) => setRewardStatus(runtime, user, id, status),
  lookupCode: ({ code }, { runtime, user }) => lookupCode(runtime, user, code),
  pickup: recordsReplay(({ code }, { runtime, user, replay }) => pickup(runtime, user, code, replay)),
}
