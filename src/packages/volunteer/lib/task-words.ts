import { formatDateTime } from '~types/format'
import { minutesText } from '~types/volunteer-hours'
import { MARK_BY_LABELS, distanceText, type MarkView, type SignupCounts, type SignupView, type TaskCard, type TaskState } from '~types/volunteer-task.schema'

/** A task's state in words for its pill; the colour only repeats it. */
export const TASK_STATE_WORDS: Record<TaskState, string> = { open: '可报名', full: '已满', started: '进行中', ended: '已结束', cancelled: '已取消' }

/** `14:05` of an instant, Asia/Shanghai. */
export const clockOf = (iso: string) => formatDateTime(iso).slice(11)

/** 08:30 签到 · 现场定位，离服务地点 40 米 */
export function markWords(m: MarkView, what: '签到' | '签退'): string {
  const how = m.by === 'staff' ? MARK_BY_LABELS.staff : `${MARK_BY_LABELS[m.by]}${m.distanceM !== null ? `，离服务地点 ${distanceText(m.distanceM)}` : ''}`
  return `${clockOf(m.at)} ${what} · ${how}`
}

/** Where I stand on a task, in one line a rider reads at a glance. */
export function signupWords(s: SignupView, t: Pick<TaskCard, 'state'>): string {
  switch (s.state) {
    case 'signedUp':
      return t.state === 'ended' ? '没有签到记录：来服务过的话，请找组织方确认时长' : '已报名，当天到现场签到'
    case 'checkedIn':
      return '已签到，结束时记得签退'
    case 'checkedOut':
      return `已签退，服务 ${minutesText(s.servedMinutes ?? 0)}，等工作人员确认`
    case 'confirmed':
      return `✓ 已确认 ${minutesText(s.confirmed!.minutes)}${s.confirmed!.points ? `，积分 +${s.confirmed!.points}` : ''}${s.confirmed!.staffFigure ? '（工作人员认定）' : ''}`
    default:
      return '已取消报名'
  }
}

export const serviceWords = (minutes: number) => `服务 ${minutesText(minutes)}`

/** 报名 5 人 · 已签到 3 · 待确认 2 · 已确认 1 */
export const countsWords = (c: SignupCounts) =>
  `报名 ${c.signedUp + c.checkedIn + c.checkedOut + c.confirmed} 人 · 已签到 ${c.checkedIn + c.checkedOut + c.confirmed} · 待确认 ${c.checkedOut} · 已确认 ${c.confirmed}`
