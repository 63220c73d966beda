/**
 * WeChat subscribe messages ("订阅消息"): a notice on the phone's lock screen, besides the in-app inbox (always).
 * One template, "办理进度通知", chosen in the mini-program console with these fields (their names are WeChat's
 * keyword types: thing ≤ 20 characters, phrase ≤ 5, time).
 */
export interface ProgressNoticeFields {
  /** 办理事项, e.g. "法律援助申请 FY-20261129-0007" (cut to 20 characters). */
  thing1: string
  /** 办理状态, e.g. "已批准". */
  phrase2: string
  /** 更新时间. */
  time3: string
  /** 温馨提示, e.g. "请在我的申请里补充材料". */
  thing4: string
}

/**
 * What became of a notice: `sandbox` — the local server's stand-in, nothing was sent (shown as such); `sent`;
 * `refused` — the worker did not allow notices (WeChat's 43101); `skipped` — no template configured; `failed`
 * after retries; `pending` until tried.
 */
export type NoticeState = 'pending' | 'sandbox' | 'sent' | 'refused' | 'skipped' | 'failed'

export interface NoticeView {
  id: string
  fields: ProgressNoticeFields
  /** The mini-program page the notice opens. */
  page: string
  state: NoticeState
  createdAt: string
}
