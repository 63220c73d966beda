import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { STATION_TYPE_LABELS, type StationCard } from '~types/station.schema'
import { routes } from '../../../routes'
import { ServiceList } from './service-icons'
import { distanceWords, openWords } from './words'

export const openStation = (id: string) => void Taro.navigateTo({ url: `${routes.stationDetail}?id=${encodeURIComponent(id)}` })

/** What a screen reader says for a row: number, name, how far, open or not. */
export function rowLabel(s: StationCard, n?: number): string {
  return [n ? `${n} 号` : '', s.name, s.distanceM !== null ? `离您 ${distanceWords(s.distanceM)}` : '', s.open.text].filter(Boolean).join('，')
}

/**
 * One station in a list or under the map: the number the map marker carries, the name, how far, open now in words
 * with ✓ / × (never colour alone), type and address, the services as drawings with words. The whole card is the
 * tap target.
 */
export function StationRow({ station: s, n, onOpen }: { station: StationCard; n?: number; onOpen: () => void }) {
  return (
    <View className={`st-row${s.open.now ? '' : ' st-row--closed'}`} role="link" aria-label={rowLabel(s, n)} hoverClass="st-row--pressed" onClick={onOpen}>
      <View className="st-row__top">
        {n ? <Text className="st-row__num">{String(n)}</Text> : null}
        <View className="st-row__head">
          <Text className="st-row__name">{s.name}</Text>
          {s.distanceM !== null ? <Text className="st-row__dist">{distanceWords(s.distanceM)}</Text> : null}
        </View>
      </View>
      <Text className={`st-open ${s.open.now ? 'st-open--yes' : 'st-open--no'}`}>{openWords(s.open)}</Text>
      <Text className="st-row__line">{`${STATION_TYPE_LABELS[s.type]} · ${s.address}`}</Text>
      <ServiceList services={s.services} compact />
    </View>
  )
}
