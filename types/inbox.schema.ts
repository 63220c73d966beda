import * as z from 'zod/mini'

export interface MessageView {
  id: string
  title: string
  body: string
  createdAt: string
  read: boolean
}

export const ListMessagesInput = z.strictObject({
  before: z.optional(z.string()),
})

export const MarkReadInput = z.strictObject({
  id: z.string({ error: '缺少消息编号' }).check(z.minLength(1, '缺少消息编号')),
})
