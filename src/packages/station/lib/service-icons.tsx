import { Image, Text, View } from '@tarojs/components'
import { STATION_SERVICE_LABELS, type StationService } from '~types/station.schema'

/**
 * A small line drawing per service, always beside its word (the word is what counts; the drawing helps a glance in
 * the rain). SVG as a data URI in <Image>: the same picture in WeChat and the browser, no font that may lack a glyph,
 * no image files to ship.
 */
const PATHS: Record<StationService, string> = {
  rest: 'M3 19v-7h18v7M3 15h18M6 12V9h5v3',
  water: 'M12 3c3 4.5 6 8 6 11a6 6 0 0 1-12 0c0-3 3-6.5 6-11z',
  meal: 'M3 12h18a9 9 0 0 1-18 0zM9 3c-1 1.5 1 2.5 0 5M14 3c-1 1.5 1 2.5 0 5',
  charge: 'M13 2 5 14h6l-1 8 8-12h-6z',
  toilet: 'M8 5a2 2 0 1 0 0-.01M16 5a2 2 0 1 0 0-.01M5 21v-6H4l2-6h4l2 6h-1v6M14 21V9h4v6h-1v6M12 3v18',
  medicine: 'M3 7h18v13H3zM9 7V4h6v3M12 10v7M8.5 13.5h7',
  legal: 'M12 3v17M7 21h10M4 7h16M4 7l-3 7a3 3 0 0 0 6 0zM20 7l-3 7a3 3 0 0 0 6 0z',
  truckParking: 'M1 5h13v11H1zM14 9h4l4 4v3h-8M5 20a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM18 20a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  shower: 'M5 21V6a3 3 0 0 1 6 0M8 9h8M12 9V7M10 13v1M14 13v1M18 13v1M10 17v1M14 17v1M18 17v1',
  laundry: 'M4 3h16v18H4zM4 7h16M7 5h1M12 18a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  wifi: 'M2 9a15 15 0 0 1 20 0M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M12 20h.01',
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** base64 of ASCII text: WeChat has no btoa, and the drawings are ASCII. */
function base64(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]) + (Number.isNaN(c) ? '=' : B64[n & 63])
  }
  return out
}

const cache = new Map<StationService, string>()
export function serviceIcon(s: StationService): string {
  let uri = cache.get(s)
  if (!uri) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="48" height="48" fill="none" stroke="#b84a1c" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${PATHS[s]}"/></svg>`
    uri = `data:image/svg+xml;base64,${base64(svg)}`
    cache.set(s, uri)
  }
  return uri
}

/** The services of a station as drawings with words, in the order of the filter (the same place every time). */
export function ServiceList({ services, compact }: { services: readonly StationService[]; compact?: boolean }) {
  const order = Object.keys(PATHS) as StationService[]
  const shown = order.filter((s) => services.includes(s))
  return (
    <View className={`st-services${compact ? ' st-services--compact' : ''}`} role="list" aria-label="提供的服务">
      {shown.map((s) => (
        <View key={s} className="st-service" role="listitem">
          <Image className="st-service__icon" src={serviceIcon(s)} mode="aspectFit" aria-hidden />
          <Text className="st-service__word">{STATION_SERVICE_LABELS[s]}</Text>
        </View>
      ))}
    </View>
  )
}
