import type { ApplicationView } from './application.schema'
import { action } from './contract'
import { Empty } from './user.schema'
import { VolunteerHoursInput } from './volunteer.schema'
import {
  CancelTaskInput,
  CheckInput,
  ConfirmAllInput,
  ConfirmInput,
  JoinTeamInput,
  MarkInput,
  SignupRef,
  StaffTasksInput,
  TaskInput,
  TaskRef,
  TeamInput,
  TeamsInput,
  type ConfirmAllView,
  type MakeUpQuota,
  type RosterRow,
  type StaffTaskView,
  type StaffTasksPage,
  type TaskDetail,
  type TasksView,
  type TeamView,
  type TeamsView,
} from './volunteer-task.schema'

/** 志愿服务认领 — tasks, sign-ups, check-in, hours, teams and make-up hours (part of the `volunteer` function). */
export const volunteerTaskContract = {
  tasks: action<TasksView>()({ input: Empty, roles: ['worker'], writes: false, summary: "Open tasks of the caller's district (and city-wide ones of the city), soonest first, and the caller's own sign-ups." }),
  task: action<TaskDetail>()({ input: TaskRef, roles: ['worker'], writes: false, summary: "One task with the caller's sign-up and what they can do now." }),
  signUp: action<TaskDetail>()({ input: SignupRef, roles: ['worker'], writes: true, replay: { read: 'task', by: 'id' }, summary: 'Sign up for a task: a slot taken on the task in the same transaction, never more than its slots.' }),
  cancelSignup: action<TaskDetail>()({ input: SignupRef, roles: ['worker'], writes: true, replay: { read: 'task', by: 'id' }, summary: 'Cancel one’s sign-up before the task starts; the slot is free again.' }),
  checkIn: action<TaskDetail>()({ input: CheckInput, roles: ['worker'], writes: true, replay: { read: 'task', by: 'id' }, summary: "Check in on the task's day: distance to the place recorded; beyond the district's radius only with the organiser's code." }),
  checkOut: action<TaskDetail>()({ input: CheckInput, roles: ['worker'], writes: true, replay: { read: 'task', by: 'id' }, summary: 'Check out: served minutes within the window, in half hours, at most the task’s.' }),
  makeUpQuota: action<MakeUpQuota>()({ input: Empty, roles: ['worker'], writes: false, summary: "This year's make-up hours: the district's cap, pending, approved and what is left." }),
  claimHours: action<ApplicationView>()({ input: VolunteerHoursInput, roles: ['worker'], writes: true, replay: 'stored', summary: "Claim make-up hours (补录): a volunteerHours application, within the district's yearly cap." }),
  teams: action<TeamsView>()({ input: TeamsInput, roles: ['worker'], writes: false, summary: "A district's teams with members and totals (the caller's own district by default)." }),
  joinTeam: action<TeamsView>()({ input: JoinTeamInput, roles: ['worker'], writes: true, replay: 'stored', summary: 'Join one team of one’s own district (one team at a time).' }),
  leaveTeam: action<TeamsView>()({ input: Empty, roles: ['worker'], writes: true, replay: 'stored', summary: 'Leave one’s team; its totals keep what was served in it.' }),

  publishTask: action<StaffTaskView>()({ input: TaskInput, roles: ['staff'], service: 'volunteer', writes: true, replay: { read: 'staffTask', by: 'id' }, summary: 'Publish a task in one of the caller’s districts, or edit one (audited); a check-in code is made for it.' }),
  cancelTask: action<StaffTaskView>()({ input: CancelTaskInput, roles: ['staff'], service: 'volunteer', writes: true, replay: { read: 'staffTask', by: 'id' }, summary: 'Cancel a task before it starts, with a reason; those signed up are told (audited).' }),
  staffTasks: action<StaffTasksPage>()({ input: StaffTasksInput, roles: ['staff'], service: 'volunteer', writes: false, summary: "Tasks of the caller's districts, upcoming or past, with their sign-up counts." }),
  staffTask: action<StaffTaskView>()({ input: TaskRef, roles: ['staff'], service: 'volunteer', writes: false, summary: 'One task in scope with its check-in code and roster (check-in times, distances, served and confirmed hours).' }),
  markAttendance: action<RosterRow>()({ input: MarkInput, roles: ['staff'], service: 'volunteer', writes: true, replay: 'stored', summary: 'Check someone in or out on their behalf (audited).' }),
  confirmHours: action<RosterRow>()({ input: ConfirmInput, roles: ['staff'], service: 'volunteer', writes: true, replay: 'stored', summary: "Confirm a sign-up's hours: points through the ledger sourced to the sign-up, team totals, the worker told (audited)." }),
  confirmAll: action<ConfirmAllView>()({ input: ConfirmAllInput, roles: ['staff'], service: 'volunteer', writes: true, replay: 'stored', summary: 'Confirm the served hours of everyone checked out of a task, each in its own transaction (audited).' }),
  createTeam: action<TeamView>()({ input: TeamInput, roles: ['staff'], service: 'volunteer', writes: true, replay: 'stored', summary: 'Create a team in one of the caller’s districts (name unique there; audited).' }),
}
