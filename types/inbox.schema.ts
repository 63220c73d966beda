import * as z from 'zod/mini'

/** What a message is about, so the inbox can open it: today an application (any kind). */
export interface MessageTarget {
  kind: 'application'
  id: string
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
