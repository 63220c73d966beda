import { FINAL_STATUSES, STATUS_LABELS, type ApplicationView, type Status, type TimelineEntry } from '~types/application.schema'
import { formatDateTime } from '~types/format'

/** A status as an icon and words: colour is only ever a hint on top. */
export const STATUS_ICONS: Record<Status, string> = {
  submitted: '✉',
  inReview: '⋯',
  needsMore: '⚠',
  resubmitted: '✉',
  approved: '✓',
  rejected: '✕',
  withdrawn: '↩',
  done: '✓',
}

export function statusWords(status: Status): string {
  return `${STATUS_ICONS[status]} ${STATUS_LABELS[status]}`
}

/** What happened at each step, as the applicant reads it. */
export const STEP_WORDS: Record<TimelineEntry['step'], string> = {
  submit: '您提交了申请',
  startReview: '工作人员开始审核',
  requestMore: '工作人员请您补充材料',
  supplement: '您补充了材料',
  approve: '申请已批准',
  reject: '申请未获批准',
  withdraw: '申请已撤回',
  expire: '逾期没有补充材料，申请视为撤回',
  close: '已办结',
  extend: '审查期限延长',
  revealId: '工作人员查看了身份证号',
}

/** Words only: clock glyphs (⏱ ⏸) show as empty boxes where no emoji font is installed (seen in the headless browser). */
export type Deadline = { title: string; text?: string; paused?: boolean }

/** Where the decision clock stands, in the applicant's words. */
/** What a finished application means for the rider: the next step, not the clock. */
const AFTER_WORDS = { approved: '已批准：请联系承办的律师', rejected: '未获批准', withdrawn: '已撤回', done: '已办结' } as const

export function deadlineOf(view: Pick<ApplicationView, 'status' | 'clock' | 'supplement' | 'decision'>): Deadline {
  const { status, clock, supplement } = view
  if (FINAL_STATUSES.includes(status)) {
    return { title: AFTER_WORDS[status as keyof typeof AFTER_WORDS] ?? STATUS_LABELS[status], text: view.decision ? `决定于 ${formatDateTime(view.decision.at)}` : undefined }
  }
  if (status === 'needsMore' || clock.pausedWithWorkingDays !== null) {
    return {
      title: '暂停计时：等您补充材料',
      text: supplement ? `请在 ${formatDateTime(supplement.deadline)} 前补充，逾期没有补充会视为撤回申请。` : undefined,
      paused: true,
    }
  }
  if (clock.dueAt) return { title: `${formatDateTime(clock.dueAt)} 前给您答复` }
  return { title: '暂时没有期限' }
}
