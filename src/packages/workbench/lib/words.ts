import { FINAL_STATUSES, STATUS_LABELS, type QueueRow, type Status, type TimelineEntry } from '~types/application.schema'
import { formatDateTime } from '~types/format'

/** The deadline of a queue row in words (an icon and words, never colour alone). */
export function deadlineWords(row: Pick<QueueRow, 'dueAt' | 'overdue' | 'status'>): string {
  if (row.dueAt) return row.overdue ? `⚠ 已逾期 · 应于 ${formatDateTime(row.dueAt)} 前决定` : `${formatDateTime(row.dueAt)} 前`
  if (row.status === 'needsMore') return '⏸ 暂停计时（等待补充材料）'
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

/** Fen → `3,860 元` / `3,860.50 元`. */
export function yuan(fen: number): string {
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 元`
}
