import { STATUS_LABELS, type Status } from '~types/application.schema'
import { KINDS } from '~types/kinds'
import type { Notice } from '../notify/notifier'
import type { ApplicationDoc } from './application.doc'
import type { KindMessage } from './kind'

/** A step's message to the applicant as a notice: the inbox text, and the lock-screen fields (事项, 状态, 提示). */
export function noticeOf(app: ApplicationDoc, to: Status, message: KindMessage): Notice {
  return {
    openid: app.applicantOpenid,
    title: message.title,
    body: message.body,
    target: { kind: 'application', id: app._id },
    progress: { matter: `${KINDS[app.kind].label}${app.caseNo}`, status: STATUS_LABELS[to], hint: message.hint ?? '点开查看办理进度' },
  }
}
