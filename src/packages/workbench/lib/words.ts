import { APPLICATION_KINDS, FINAL_STATUSES, KINDS, STATUS_LABELS, type QueueRow, type Status, type TimelineEntry } from '~types/application.schema'
import { formatDateTime } from '~types/format'

/** The deadline of a queue row in words (an icon and words, never colour alone). */
export function deadlineWords(row: Pick<QueueRow, 'dueAt' | 'overdue' | 'status'>): string {
  // While the applicant supplements, the row's deadline is theirs (answer by), and the decision clock is paused.
  if (row.status === 'needsMore') return row.dueAt ? `‖ 等待补充材料 · ${formatDateTime(row.dueAt)} 前` : '‖ 等待补充材料'
  if (row.dueAt) return row.overdue ? `⚠ 已逾期 · 应于 ${formatDateTime(row.dueAt)} 前决定` : `${formatDateTime(row.dueAt)} 前`
  if (FINAL_STATUSES.includes(row.status)) return '已结束，不再计时'
  return '—'
}

export { STEP_LABELS } from '~types/steps'

export const ACTOR_LABELS: Record<TimelineEntry['actorRole'], string> = { worker: '申请人', staff: '工作人员', system: '系统' }

export function transitionWords(from: Status | null, to: Status): string {
  if (!from) return STATUS_LABELS[to]
  if (from === to) return `仍为“${STATUS_LABELS[to]}”`
  return `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`
}

/** "Due soon" as the figures and the filter name it: the kinds' working days, in words. */
export function dueSoonLabel(): string {
  const days = [...new Set(APPLICATION_KINDS.map((k) => KINDS[k].rules.dueSoonWorkingDays))]
  if (days.length > 1) return '即将到期'
  return `${days[0] === 2 ? '两' : days[0]}个工作日内到期`
}
