import Taro from '@tarojs/taro'
import { wgs84ToGcj02, type LngLat } from './geo'

export type Located = { ok: true; at: LngLat } | { ok: false; why: string }

/**
 * The rider's position, once they agreed on the page (lib/prefs.ts). WeChat answers GCJ-02 and asks its own
 * permission the first time; a browser answers GPS only (Taro H5 refuses any other type), converted here.
 */
export async function locate(): Promise<Located> {
  const weapp = process.env.TARO_ENV === 'weapp'
  try {
    const at = await Taro.getLocation({ type: weapp ? 'gcj02' : 'wgs84' })
    if (typeof at?.longitude !== 'number' || typeof at?.latitude !== 'number') return { ok: false, why: '没有拿到位置' }
    return { ok: true, at: weapp ? { longitude: at.longitude, latitude: at.latitude } : wgs84ToGcj02(at.longitude, at.latitude) }
  } catch (e) {
    const msg = String((e as { errMsg?: string })?.errMsg ?? e)
    // WeChat's own prompt declined, or location switched off in the phone's settings.
    if (/auth|deny|denied|permission/i.test(msg)) return { ok: false, why: weapp ? '微信没有位置权限（可在右上角“···”→“设置”里打开）' : '浏览器没有给位置权限' }
    return { ok: false, why: '没有拿到位置（可能没开定位，或者信号不好）' }
  }
}
