import { FINAL_STATUSES, STATUS_LABELS, type ApplicationView, type Status } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import { APPLICANT_KINDS } from '../kinds'

/** A status as an icon and words: colour is only ever a hint on top. */
export const STATUS_ICONS: Record<Status, string> = {
  submitted: '○',
  inReview: '⋯',
  needsMore: '⚠',
  resubmitted: '○',
  approved: '✓',
  rejected: '×',
  withdrawn: '←',
  done: '✓',
}

export function statusWords(status: Status): string {
  return `${STATUS_ICONS[status]} ${STATUS_LABELS[status]}`
}

/** Words only: clock glyphs (⏱ ⏸) show as empty boxes where no emoji font is installed (seen in the headless browser). */
export type Deadline = { title: string; text?: string; paused?: boolean }

/** What a finished application means for the rider: the next step (the kind's, once approved), not the clock. */
const AFTER_WORDS = { rejected: '未获批准', withdrawn: '已撤回', done: '已办结' } as const

/** Where the decision clock stands, in the applicant's words. */
export function deadlineOf(view: Pick<ApplicationView, 'kind' | 'status' | 'clock' | 'supplement' | 'decision'>): Deadline {
  const { status, clock, supplement } = view
  if (FINAL_STATUSES.includes(status)) {
    const title = status === 'approved' ? APPLICANT_KINDS[view.kind].approvedNext : (AFTER_WORDS[status as keyof typeof AFTER_WORDS] ?? STATUS_LABELS[status])
    return { title, text: view.decision ? `决定于 ${formatDateTime(view.decision.at)}` : undefined }
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
