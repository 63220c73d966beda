import { Map as NativeMap } from '@tarojs/components'
import type { StationCard } from '~types/station.schema'
import type { LngLat } from '../../../lib/position'
import { middleOf } from './plot'
// Over 2 KiB on purpose: smaller images are inlined as data URIs, which a marker's iconPath does not take — this one
// ships as a file of the subpackage and is addressed by its path. Only the mini-program draws it (the condition is a
// build-time constant), so the browser build and the jest run never load an image module.
const markerIcon: string = process.env.TARO_ENV === 'weapp' ? (require('../assets/marker.png') as string) : ''

/**
 * WeChat's own map: tiles, pinch and the blue dot of the rider's position (shown only after they agreed — WeChat
 * asks its own permission too). Each station a pin labelled with its list number, closed ones say so in the label.
 */
export function WxMap({ stations, me, onSelect }: { stations: readonly StationCard[]; me: LngLat | null; onSelect: (id: string) => void }) {
  const centre = me ?? middleOf(stations.length ? stations : [{ longitude: 120.8645, latitude: 32.0106 }])
  const markers = stations.map((s, i) => ({
    id: i + 1,
    longitude: s.longitude,
    latitude: s.latitude,
    title: s.name,
    iconPath: markerIcon,
    width: 32,
    height: 40,
    label: { content: s.open.now ? String(i + 1) : `${i + 1} 已关门`, color: '#1f1f1f', fontSize: 14, anchorX: 12, anchorY: -36, bgColor: '#ffffff', borderWidth: 1, borderColor: '#b84a1c', borderRadius: 4, padding: 2, textAlign: 'center' as const },
    callout: { content: `${i + 1} ${s.name}`, color: '#1f1f1f', fontSize: 14, anchorX: 0, anchorY: 0, borderWidth: 1, borderColor: '#b84a1c', borderRadius: 6, bgColor: '#ffffff', padding: 6, display: 'BYCLICK' as const, textAlign: 'center' as const },
  }))
  return (
    <NativeMap
      className="st-wxmap"
      longitude={centre.longitude}
      latitude={centre.latitude}
      scale={14}
      markers={markers}
      includePoints={[...stations.map((s) => ({ longitude: s.longitude, latitude: s.latitude })), ...(me ? [me] : [])]}
      showLocation={!!me}
      showScale
      onMarkerTap={(e) => {
        const s = stations[Number(e.detail.markerId) - 1]
        if (s) onSelect(s.id)
      }}
      // Taro's types require it; a map that fails to draw still leaves the numbered list under it.
      onError={() => undefined}
      onCalloutTap={(e) => {
        const s = stations[Number(e.detail.markerId) - 1]
        if (s) onSelect(s.id)
      }}
    />
  )
}
