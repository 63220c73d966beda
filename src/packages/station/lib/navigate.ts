import Taro from '@tarojs/taro'
import type { StationCard } from '~types/station.schema'

/** AMap's public link: its app (or page) at the same GCJ-02 point, with the station's name. */
export const amapLink = (s: StationCard) =>
  `https://uri.amap.com/marker?position=${s.longitude},${s.latitude}&name=${encodeURIComponent(s.name)}&src=nuanxin&coordinate=gaode&callnative=1`

/**
 * 导航: WeChat's map with the place and its address, and the rider's own map app from there. In a browser Taro's
 * openLocation works only inside WeChat's JS-SDK — elsewhere it answers “ok” and shows nothing — so there the map
 * app's own link opens instead.
 */
export async function navigate(s: StationCard): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5' && typeof (window as { wx?: { openLocation?: unknown } }).wx?.openLocation !== 'function') {
    const opened = window.open(amapLink(s), '_blank')
    if (opened) opened.opener = null
    return !!opened
  }
  try {
    await Taro.openLocation({ latitude: s.latitude, longitude: s.longitude, name: s.name, address: s.address, scale: 17 })
    return true
  } catch {
    return false
  }
}
