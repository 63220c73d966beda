import Taro from '@tarojs/taro'

/**
 * WeChat asks the worker, at the moment they submit, whether they want progress notices on the lock screen — it
 * must be asked inside the tap. Their answer is WeChat's to keep; the server just tries and records what came of it
 * (a refusal is fine: the in-app inbox always has the message). Nothing to ask in the browser or without a template.
 */
export async function askForProgressNotices(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !NUANXIN_TEMPLATE_PROGRESS) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [NUANXIN_TEMPLATE_PROGRESS], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
  } catch {
    // Declined, or an old WeChat: the submission goes on.
  }
}
