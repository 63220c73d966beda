import type { volunteerTaskContract } from '~types/volunteer-task.contract'
import { recordsReplay, type HandlersOf } from '../core/define-function'
import { claimHours, makeUpQuota } from './hours.submit'
import { checkIn, checkOut, markAttendance } from './task.attendance'
import { confirmAll, confirmHours } from './task.hours'
import { cancelTask, publishTask, staffTask, staffTasks, taskForWorker, tasksForWorker } from './task.service'
import { cancelSignup, signUp } from './task.signup'
import { createTeam, joinTeam, leaveTeam, teamsOf } from './team.service'

export const taskHandlers: HandlersOf<typeof volunteerTaskContract> = {
  tasks: (_input, { runtime, user }) => tasksForWorker(runtime, user),
  task: ({ id }, { runtime, user }) => taskForWorker(runtime, user, id),
  signUp: recordsReplay(({ taskId }, { runtime, user, replay }) => signUp(runtime, user, taskId, replay)),
  cancelSignup: recordsReplay(({ taskId }, { runtime, user, replay }) => cancelSignup(runtime, user, taskId, replay)),
  checkIn: recordsReplay((input, { runtime, user, replay }) => checkIn(runtime, user, input, replay)),
  checkOut: recordsReplay((input, { runtime, user, replay }) => checkOut(runtime, user, input, replay)),
  makeUpQuota: (_input, { runtime, user }) => makeUpQuota(runtime, user),
  claimHours: recordsReplay((input, { runtime, user, replay }) => claimHours(runtime, user, input, replay)),
  teams: ({ district }, { runtime, user }) => teamsOf(runtime, user, district),
  joinTeam: ({ teamId }, { runtime, user }) => joinTeam(runtime, user, teamId),
  leaveTeam: (_input, { runtime, user }) => leaveTeam(runtime, user),
  publishTask: (input, { runtime, user }) => publishTask(runtime, user, input),
  cancelTask: ({ id, reason }, { runtime, user }) => cancelTask(runtime, user, id, reason),
  staffTasks: (input, { runtime, user }) => staffTasks(runtime, user, input),
  staffTask: ({ id }, { runtime, user }) => staffTask(runtime, user, id),
  markAttendance: ({ signupId, step }, { runtime, user }) => markAttendance(runtime, user, signupId, step),
  confirmHours: (input, { runtime, user }) => confirmHours(runtime, user, input),
  confirmAll: ({ taskId }, { runtime, user }) => confirmAll(runtime, user, taskId),
  createTeam: ({ district, name }, { runtime, user }) => createTeam(runtime, user, district, name),
}
