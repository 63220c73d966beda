import { action } from './contract'
import type { ApplicationView } from './application.schema'
import { Empty } from './user.schema'
import { VolunteerReportInput, type ForwardEntry } from './volunteer.schema'
import { ForwardInput, ReportRef, type DuplicatesView, type ReportFigures } from './volunteer-report.schema'

/**
 * 随手拍 — the report actions of the `volunteer` function (types/volunteer.contract.ts joins the parts).
 * Reports are `volunteerReport` applications: the workflow's own steps (accept = startReview, handled = approve,
 * reject) run through the `application` function; what is the report's own is here.
 */
export const volunteerReportContract = {
  report: action<ApplicationView>()({ input: VolunteerReportInput, roles: ['worker'], writes: true, replay: 'stored', summary: '随手拍: a volunteerReport for the staff of the district where it was taken, with its photos and place.' }),
  forward: action<{ forwarded: ForwardEntry[] }>()({ input: ForwardInput, roles: ['staff'], service: 'volunteer', writes: true, replay: 'stored', summary: 'Hand an accepted report to a department; recorded on the report, the reporter told (audited).' }),
  duplicates: action<DuplicatesView>()({ input: ReportRef, roles: ['staff'], service: 'volunteer', writes: false, summary: 'Reports of the same category close by and close in time to one in scope: possible duplicates.' }),
  reportFigures: action<ReportFigures>()({ input: Empty, roles: ['staff'], service: 'volunteer', writes: false, summary: "This month's reports per district of the caller: received, accepted, handled, rejected, response times, points." }),
}
