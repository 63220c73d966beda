import Taro from '@tarojs/taro'
import { currentPosition, type LngLat } from '../../../lib/position'

/**
 * The phone's position for a check-in, asked for each time with why (precise location is sensitive personal
 * information, PIPL Art. 28–29). Null when the person prefers the organiser's code; a string when it failed.
 */
export async function locateForCheckIn(what: '签到' | '签退'): Promise<LngLat | null | string> {
  const answer = await Taro.showModal({
    title: `用您现在的位置${what}？`,
    content: `只用来核对您是否到了服务地点：这一次的位置和${what}时间一起记下，组织方能看到离服务地点多远，不会一直跟踪您。不同意的话，可以输入组织方出示的 6 位签到码。`,
    confirmText: '同意',
    cancelText: '用签到码',
  }).catch(() => ({ confirm: false }))
  if (!answer.confirm) return null
  const found = await currentPosition()
  return found.ok ? found.at : '没有拿到位置（可能没开定位，或没给权限）。可以打开定位再试，或输入组织方出示的 6 位签到码。'
}
