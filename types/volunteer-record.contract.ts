/** 志愿服务记录证明 — the record certificate and its public check (part of the `volunteer` function). */
export const volunteerRecordContract = {}
