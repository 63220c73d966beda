/** 积分商城 — rewards, redemptions, pickup codes (part of the `volunteer` function). */
export const volunteerMallContract = {}
