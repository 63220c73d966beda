/** 志愿服务认领 — tasks, sign-ups, check-in, hours, teams and make-up hours (part of the `volunteer` function). */
export const volunteerTaskContract = {}
