import type { LedgerEntryView } from '~types/volunteer.schema'
import { routes } from '../../../routes'

/**
 * Where an entry's points came from, as a page the worker can open: a handled report is an application of theirs
 * (我的申请; its id is the source's), confirmed hours are a task (the sign-up `<taskId>_<userId>` names it), a
 * redemption or its refund is in 我的兑换. An adjustment by staff has no page: its reason says why.
 */
export function sourceLink(entry: LedgerEntryView, userId: string): { url: string; label: string } | null {
  const { type, id } = entry.source
  switch (type) {
    case 'report':
      return { url: `${routes.applicationDetail}?id=${encodeURIComponent(id)}`, label: '查看这条随手拍' }
    case 'task': {
      const suffix = `_${userId}`
      const taskId = id.endsWith(suffix) ? id.slice(0, -suffix.length) : null
      return taskId ? { url: `${routes.volunteerTask}?id=${encodeURIComponent(taskId)}`, label: '查看这项志愿服务' } : null
    }
    case 'redemption':
    case 'refund':
      return { url: `${routes.volunteerRedemptions}?id=${encodeURIComponent(id)}`, label: '查看这次兑换' }
    case 'adjustment':
      return null
  }
}

/** The amount with its sign and in words — colour only repeats it: “+10 分 获得”, “−30 分 支出”, “+30 分 退回”. */
export function amountWords(entry: LedgerEntryView): { sign: string; words: string; credit: boolean } {
  const credit = entry.amount > 0
  return {
    sign: `${credit ? '+' : '−'}${Math.abs(entry.amount)} 分`,
    words: credit ? (entry.source.type === 'refund' ? '退回' : '获得') : '支出',
    credit,
  }
}
