import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '~types/geo'

/**
 * Where the phone is, for every service that asks (附近驿站, 签到, 随手拍, 一键报案). Everything the app keeps —
 * stations, task places, reports, claims — is in GCJ-02, as WeChat's getLocation and every map in China give it.
 * A browser reports GPS (WGS-84) only, up to ~500 m off in Jiangsu, so its point is converted here: unconverted,
 * “350 米” would be a guess and a phone standing at the place would read a few hundred metres away.
 *
 * In the main package because several subpackages use it and a subpackage cannot import another's code. Asking
 * the person first (precise location is sensitive personal information, PIPL Art. 28–29) stays with each page:
 * what the position is for differs, and so do the words.
 */

export interface LngLat {
  longitude: number
  latitude: number
}

export type Located = { ok: true; at: LngLat } | { ok: false; why: string }

/**
 * The phone's position in GCJ-02. WeChat answers GCJ-02 and asks its own permission the first time; Taro's H5
 * refuses any type but wgs84, so a browser is asked for GPS and converted. Never throws: `why` says what went
 * wrong in words a rider reads (a page may add what to do instead, or use its own).
 */
export async function currentPosition(): Promise<Located> {
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
