/**
 * 随手拍 — the report actions of the `volunteer` function (types/volunteer.contract.ts joins the parts).
 * Reports are `volunteerReport` applications: the workflow's own steps (accept = startReview, handled = approve,
 * reject) run through the `application` function; what is the report's own is here.
 */
export const volunteerReportContract = {}
