import { action } from './contract'
import * as z from 'zod/mini'
import {
  ApplicationId,
  ApproveInput,
  ById,
  ExtendInput,
  QueueInput,
  RejectInput,
  RequestMoreInput,
  StartReviewInput,
  SupplementInput,
  Version,
  WithdrawInput,
  type ApplicationView,
  type QueueFigures,
  type QueuePage,
  type ReviewView,
  type TodoItem,
} from './application.schema'
import { Empty } from './user.schema'
import { CalendarYearInput, type CalendarYearView } from './calendar.schema'
import type { NoticeView } from './notice.schema'
import { FileLinkInput, RegisterFileInput, type FileLink, type FileView } from './file.schema'
import type { ApplicationKind } from './kinds'

/** `weekly`: the last 12 weeks (Monday–Sunday, Shanghai), oldest first; the last is the current week, up to now. */
export interface WeeklyFigures {
  /** Each week's Monday, YYYY-MM-DD. */
  weeks: string[]
  /** YYYY-MM-DD: how far the current week has run. */
  today: string
  /** Every kind the caller reviews, in registry order; counts per week, aligned with `weeks`. */
  kinds: { kind: ApplicationKind; received: number[]; decided: number[] }[]
}

/** 办结 an approved application: the version on screen, and an optional note the applicant reads. */
export const CloseInput = z.strictObject({
  id: ApplicationId,
  version: Version,
  note: z.optional(z.string().check(z.trim(), z.maxLength(500, '最多 500 个字'))),
})

/**
 * The `application` cloud function: the one workflow after submission — the applicant's "我的申请" and the
 * reviewer's workbench, for every kind. Each service submits through its own function (legalAid.submit, …).
 */
export const applicationContract = {
  registerFile: action<FileView>()({
    input: RegisterFileInput,
    roles: ['worker'],
    writes: true,
    summary: "WeChat: register a file the app uploaded to cloud storage under the caller's folder; checked by its bytes.",
  }),
  fileLink: action<FileLink>()({
    input: FileLinkInput,
    roles: ['worker', 'staff'],
    writes: false,
    summary: 'A 10-minute address to open an attachment: your own, or one on an application you review.',
  }),
  listMine: action<ApplicationView[]>()({ input: Empty, roles: ['worker'], writes: false, summary: "The caller's applications of every kind, newest first." }),
  notices: action<NoticeView[]>()({
    input: ById,
    roles: ['worker'],
    writes: false,
    summary: 'The WeChat notices about one of your applications and what became of them (locally: the sandbox, nothing sent).',
  }),
  calendarYears: action<CalendarYearView[]>()({ input: Empty, roles: ['admin'], writes: false, summary: 'The official calendar of last year to two years ahead, and where each comes from.' }),
  setCalendarYear: action<CalendarYearView>()({
    input: CalendarYearInput,
    roles: ['admin'],
    writes: true,
    summary: "Enter a year's holidays and make-up workdays (the State Council's notice); deadlines use it at once; audited.",
  }),
  todo: action<TodoItem[]>()({ input: Empty, roles: ['worker'], writes: false, summary: 'What waits on the caller: requests for materials, soonest first.' }),
  getMine: action<ApplicationView>()({ input: ById, roles: ['worker'], writes: false, summary: "One of the caller's applications with its timeline." }),
  supplement: action<ApplicationView>()({ input: SupplementInput, roles: ['worker'], writes: true, replay: { read: 'getMine', by: 'id' }, summary: 'Answer a request for more materials; the clock resumes.' }),
  withdraw: action<ApplicationView>()({ input: WithdrawInput, roles: ['worker'], writes: true, replay: { read: 'getMine', by: 'id' }, summary: 'Withdraw an undecided application.' }),
  queue: action<QueuePage>()({
    input: QueueInput,
    roles: ['staff'],
    writes: false,
    summary: "The reviewer's queue: own districts and services, soonest deadline first, paged; a case number is found whatever the filters.",
  }),
  figures: action<QueueFigures>()({ input: Empty, roles: ['staff'], writes: false, summary: 'Open, due soon, overdue, decided this month, median days to decide.' }),
  weekly: action<WeeklyFigures>()({ input: Empty, roles: ['staff'], writes: false, summary: 'Received and decided per kind in each of the last 12 weeks (Mon–Sun, Shanghai), own districts and services.' }),
  detail: action<ReviewView>()({ input: ById, roles: ['staff'], writes: false, summary: 'An application in scope, with the applicant (ID masked) and the full trail.' }),
  startReview: action<ReviewView>()({ input: StartReviewInput, roles: ['staff'], writes: true, replay: { read: 'detail', by: 'id' }, summary: 'Start reviewing.' }),
  requestMore: action<ReviewView>()({ input: RequestMoreInput, roles: ['staff'], writes: true, replay: { read: 'detail', by: 'id' }, summary: 'Ask for materials; pauses the clock.' }),
  approve: action<ReviewView>()({ input: ApproveInput, roles: ['staff'], writes: true, replay: { read: 'detail', by: 'id' }, summary: "Approve, with the details the application's kind asks for (legal aid: the agency and a contact)." }),
  reject: action<ReviewView>()({ input: RejectInput, roles: ['staff'], writes: true, replay: { read: 'detail', by: 'id' }, summary: 'Reject with a reason the applicant sees.' }),
  close: action<ReviewView>()({
    input: CloseInput,
    roles: ['staff'],
    writes: true,
    replay: { read: 'detail', by: 'id' },
    summary: 'Close (办结) an approved application once its matter is done; the applicant is told.',
  }),
  revealIdNumber: action<{ idNumber: string }>()({
    input: ById,
    roles: ['staff'],
    writes: true,
    replay: 'never',
    summary: "Show the applicant's full ID number; audited every time.",
  }),
  extend: action<ReviewView>()({ input: ExtendInput, roles: ['staff'], writes: true, replay: { read: 'detail', by: 'id' }, summary: 'Extend the decision deadline once, with a reason.' }),
}
