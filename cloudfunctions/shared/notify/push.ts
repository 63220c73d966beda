import type { CloudBase } from '@cloudbase/node-sdk'
import type { ProgressNoticeFields } from '~types/notice.schema'

/** One subscribe message to one worker. */
export interface Push {
  openid: string
  page: string
  fields: ProgressNoticeFields
}

export type PushResult = 'sent' | 'refused' | 'skipped' | 'sandbox' | 'failed'

/** The platform service behind notices: WeChat's subscribe messages on CloudBase, a labelled sandbox locally. */
export interface PushService {
  send(push: Push): Promise<PushResult>
}

/** Locally nothing can reach WeChat: the notice is kept as what would have been sent (NoticeState `sandbox`). */
export const sandboxPush: PushService = { send: async () => 'sandbox' }

/**
 * CloudBase: `subscribeMessage.send` through the platform's openapi (the function's config.json lists the
 * permission). Without a template id (env NUANXIN_TEMPLATE_PROGRESS) notices are skipped — the inbox still has it.
 */
export function wechatPush(app: CloudBase, templateId: string | undefined): PushService {
  return {
    async send({ openid, page, fields }) {
      if (!templateId) return 'skipped'
      const data = Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value }]))
      const res = await app.callWxOpenApi({
        apiName: '/cgi-bin/message/subscribe/send',
        requestData: { touser: openid, template_id: templateId, page, data, miniprogram_state: 'formal', lang: 'zh_CN' },
      })
      const errcode = (res.result as { errcode?: number } | undefined)?.errcode ?? 0
      // 43101: the user has not (or no longer) allowed this template — not an error to retry.
      if (errcode === 43101) return 'refused'
      return errcode === 0 ? 'sent' : 'failed'
    },
  }
}
