import * as z from 'zod/mini'

/**
 * What a message is about, so the inbox (and the lock-screen notice) can open it: an application of any kind, or a
 * service's own record — a volunteer task, a redemption and its pickup code, a record certificate.
 */
export const MESSAGE_TARGETS = {
  application: { page: 'packages/applications/pages/detail/index', param: 'id', link: '查看这份申请' },
  task: { page: 'packages/volunteer/pages/task/index', param: 'id', link: '查看这次志愿服务' },
  redemption: { page: 'packages/volunteer/pages/redemptions/index', param: 'id', link: '查看我的兑换' },
  record: { page: 'packages/volunteer/pages/record/index', param: 'number', link: '查看记录证明' },
} as const
export type MessageTargetKind = keyof typeof MESSAGE_TARGETS

export interface MessageTarget {
  kind: MessageTargetKind
  id: string
}

/** The page a target opens, as a path without the leading slash (what a subscribe message's `page` takes). */
export function targetPage(t: MessageTarget): string {
  const { page, param } = MESSAGE_TARGETS[t.kind]
  return `${page}?${param}=${encodeURIComponent(t.id)}`
}

export interface MessageView {
  id: string
  title: string
  body: string
  createdAt: string
  read: boolean
  target?: MessageTarget
}

export const ListMessagesInput = z.strictObject({
  /** Paging cursor: the `createdAt` of the oldest message already shown. */
  before: z.optional(z.iso.datetime({ error: '翻页位置格式不对' })),
})

export const MarkReadInput = z.strictObject({
  id: z.string({ error: '缺少消息编号' }).check(z.minLength(1, '缺少消息编号')),
})
