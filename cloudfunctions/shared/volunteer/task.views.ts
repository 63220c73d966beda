import type { VolunteerRules } from '../../../config/volunteer'
import { findCity, findDistrict, regionLabel } from '~types/regions'
import { dayjs, todayOf, ZONE } from '~types/time'
import {
  slotsText,
  type MarkView,
  type RosterRow,
  type SignupCounts,
  type SignupView,
  type TaskCard,
  type TaskDetail,
  type TaskState,
} from '~types/volunteer-task.schema'
import type { UserDoc } from '../user/user.doc'
import type { MarkDoc, SignupDoc, TaskDoc } from './task.doc'

/**
 * How a task reads for the person looking at it, now: its state, the time in words, what they may do. Pure functions
 * of the documents, so a write answers from what it wrote without reading it back.
 */

/** Check-in opens this long before the start, on the task's day: people arrive early to set up. */
export const CHECK_IN_EARLY_MIN = 60

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** The window as instants from the day and clock times staff typed (Asia/Shanghai). */
export function windowOf(date: string, start: string, end: string): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: dayjs.tz(`${date} ${start}`, 'YYYY-MM-DD HH:mm', ZONE).toDate(),
    endsAt: dayjs.tz(`${date} ${end}`, 'YYYY-MM-DD HH:mm', ZONE).toDate(),
  }
}

/** 12月20日 周六 09:00–11:30 */
export function whenText(t: Pick<TaskDoc, 'date' | 'start' | 'end'>): string {
  const d = dayjs.tz(t.date, ZONE)
  return `${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]} ${t.start}–${t.end}`
}

export function whereOf(t: Pick<TaskDoc, 'district' | 'city' | 'cityWide'>): string {
  return t.cityWide ? `${findCity(t.city)?.name ?? t.city}（全市）` : regionLabel(t.district)
}

export function taskState(t: TaskDoc, now: Date): TaskState {
  if (t.status === 'cancelled') return 'cancelled'
  if (now >= t.endsAt) return 'ended'
  if (now >= t.startsAt) return 'started'
  return t.slotsTaken >= t.slots ? 'full' : 'open'
}

/** The day of the task, from an hour before its start until it ends. */
export function checkInOpen(t: TaskDoc, now: Date): boolean {
  return t.status === 'open' && todayOf(now) === t.date && now.getTime() >= t.startsAt.getTime() - CHECK_IN_EARLY_MIN * 60_000 && now < t.endsAt
}

/** Check-out: on the task's day, once checked in (minutes outside the window are not counted). */
export const checkOutOpen = (t: TaskDoc, now: Date) => t.status === 'open' && todayOf(now) === t.date

/** Whether this worker may take part at all: the district (or city) and the team; null if so. */
export function notForYou(t: TaskDoc, user: UserDoc, teamId: string | null): string | null {
  const home = user.profile!.districtCode
  const sameCity = findDistrict(home)?.cityCode === t.city
  if (t.cityWide ? !sameCity : home !== t.district) return `这项任务只面向在${whereOf(t)}工作生活的新就业群体。如果您换了地方，请先在“我的”里修改所在地区`
  if (t.teamId && teamId !== t.teamId) return `这项任务只有“${t.teamName ?? ''}”的队员可以报名，可以在“志愿队伍”里加入`
  return null
}

/** Why a sign-up is refused now, in words; null if it can go ahead. */
export function signUpRefusal(t: TaskDoc, user: UserDoc, teamId: string | null, now: Date): string | null {
  if (t.status === 'cancelled') return '这项任务已经取消了'
  if (now >= t.endsAt) return '这项任务已经结束了，可以看看其他任务'
  const who = notForYou(t, user, teamId)
  if (who) return who
  if (t.slotsTaken >= t.slots) return '名额已满，可以看看其他任务'
  return null
}

function markView(m: MarkDoc | null): MarkView | null {
  return m ? { at: m.at.toISOString(), distanceM: m.distanceM, by: m.by } : null
}

export function signupView(s: SignupDoc): SignupView {
  return {
    id: s._id,
    taskId: s.taskId,
    state: s.state,
    checkIn: markView(s.checkIn),
    checkOut: markView(s.checkOut),
    servedMinutes: s.servedMinutes,
    confirmed: s.confirmed ? { minutes: s.confirmed.minutes, points: s.confirmed.points, staffFigure: s.confirmed.staffFigure, reason: s.confirmed.reason, at: s.confirmed.at.toISOString() } : null,
  }
}

export const rosterRow = (s: SignupDoc): RosterRow => ({ ...signupView(s), name: s.name })

export function taskCard(t: TaskDoc, now: Date, mine: SignupDoc | null): TaskCard {
  const slotsLeft = Math.max(0, t.slots - t.slotsTaken)
  return {
    id: t._id,
    title: t.title,
    place: t.place,
    where: whereOf(t),
    date: t.date,
    startsAt: t.startsAt.toISOString(),
    endsAt: t.endsAt.toISOString(),
    when: whenText(t),
    minutes: t.minutes,
    slots: t.slots,
    slotsLeft,
    slotsText: slotsText(slotsLeft),
    state: taskState(t, now),
    team: t.teamId ? { id: t.teamId, name: t.teamName ?? '' } : null,
    mine: mine && mine.state !== 'cancelled' ? mine.state : null,
  }
}

/** A task for a worker: their sign-up and what they can do now (the server decides; the page only shows it). */
export function taskDetail(t: TaskDoc, now: Date, user: UserDoc, signup: SignupDoc | null, teamId: string | null, rules: VolunteerRules): TaskDetail {
  const active = signup && signup.state !== 'cancelled' ? signup : null
  const refusal = active ? null : signUpRefusal(t, user, teamId, now)
  return {
    ...taskCard(t, now, signup),
    description: t.description,
    district: t.district,
    cityWide: t.cityWide,
    signup: active ? signupView(active) : null,
    checkInRadiusM: rules.checkInRadiusM,
    can: {
      signUp: !active && !refusal,
      cancel: active?.state === 'signedUp' && now < t.startsAt && t.status === 'open',
      checkIn: active?.state === 'signedUp' && checkInOpen(t, now),
      checkOut: active?.state === 'checkedIn' && checkOutOpen(t, now),
    },
    note: refusal,
  }
}

export function countsOf(states: Iterable<SignupDoc['state']>): SignupCounts {
  const c: SignupCounts = { signedUp: 0, checkedIn: 0, checkedOut: 0, confirmed: 0 }
  for (const s of states) if (s !== 'cancelled') c[s]++
  return c
}

/**
 * Minutes served: check-in to check-out clipped to the task's window, floored to half hours (volunteer records count
 * 0.5 h steps), never more than the task credits.
 */
export function servedMinutes(t: Pick<TaskDoc, 'startsAt' | 'endsAt' | 'minutes'>, checkIn: Date, checkOut: Date): number {
  const from = Math.max(checkIn.getTime(), t.startsAt.getTime())
  const to = Math.min(checkOut.getTime(), t.endsAt.getTime())
  const minutes = Math.max(0, Math.floor((to - from) / 60_000))
  return Math.min(t.minutes, Math.floor(minutes / 30) * 30)
}

/** Points for confirmed minutes: per half hour, half the district's points per hour, rounded down to whole points. */
export const pointsFor = (minutes: number, pointsPerHour: number) => Math.floor((Math.floor(minutes / 30) * pointsPerHour) / 2)
