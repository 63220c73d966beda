import { WORKFLOW_RULES } from '../../../../config/workflow'
import { FINAL_STATUSES, STATUS_LABELS, type QueueRow, type Status, type TimelineEntry } from '~types/application.schema'
import { formatDateTime } from '~types/format'

/** The deadline of a queue row in words (an icon and words, never colour alone). */
export function deadlineWords(row: Pick<QueueRow, 'dueAt' | 'overdue' | 'status'>): string {
  // While the applicant supplements, the row's deadline is theirs (answer by), and the decision clock is paused.
  if (row.status === 'needsMore') return row.dueAt ? `‖ 等待补充材料 · ${formatDateTime(row.dueAt)} 前` : '‖ 等待补充材料'
  if (row.dueAt) return row.overdue ? `⚠ 已逾期 · 应于 ${formatDateTime(row.dueAt)} 前决定` : `${formatDateTime(row.dueAt)} 前`
  if (FINAL_STATUSES.includes(row.status)) return '已结束，不再计时'
  return '—'
}

export const STEP_LABELS: Record<TimelineEntry['step'], string> = {
  submit: '提交申请',
  startReview: '开始审核',
  requestMore: '要求补充材料',
  supplement: '补充材料',
  approve: '批准',
  reject: '不予批准',
  withdraw: '撤回申请',
  expire: '逾期未补充，视为撤回',
  close: '办结',
  extend: '延长审查期限',
  revealId: '查看完整身份证号',
}

export const ACTOR_LABELS: Record<TimelineEntry['actorRole'], string> = { worker: '申请人', staff: '工作人员', system: '系统' }

export function transitionWords(from: Status | null, to: Status): string {
  if (!from) return STATUS_LABELS[to]
  if (from === to) return `仍为“${STATUS_LABELS[to]}”`
  return `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`
}

export { yuan } from '~types/format'

/** The legal-aid numbers the forms show, from the same rules the server applies. */
export const SUPPLEMENT_WORKING_DAYS_DEFAULT = WORKFLOW_RULES.legalAid.supplementWorkingDays
export const EXTENSION_WORKING_DAYS = WORKFLOW_RULES.legalAid.extensionWorkingDays
