import { Text, View } from '@tarojs/components'
import { regionLabel } from '~types/regions'
import { ActionButton } from '../../../components/action-button'
import { OFFLINE_COUNT, type SavedNearby } from './offline'
import { StationRow } from './station-row'
import { ageWords } from './words'

/** Where the kept answer was made, in words: the district of the search, or around the rider's position then. */
export function fromWords(saved: SavedNearby): string {
  if (saved.from.kind === 'district') return `当时按区县找：${regionLabel(saved.from.district)}`
  const first = saved.view.stations[0]
  return first ? `当时按您的位置找（在${regionLabel(first.district)}一带）` : '当时按您的位置找'
}

/**
 * A dead zone: no answer from the server, so the last one kept on the phone — the nearest three, how old, from where —
 * with a retry. Distances and open-now are as they were then, and it says so.
 */
export function OfflineResults({ saved, onRetry, onOpen }: { saved: SavedNearby; onRetry: () => void; onOpen: (id: string) => void }) {
  const shown = saved.view.stations.slice(0, OFFLINE_COUNT)
  const rest = saved.view.stations.length - shown.length
  return (
    <View className="st-offline" role="region" aria-label="离线结果">
      <Text className="st-offline__title">{`⚠ 离线：这是 ${ageWords(saved.savedAt)}的结果`}</Text>
      <Text className="st-offline__line">{fromWords(saved)}</Text>
      <Text className="st-offline__line">网络连不上，先看看最近的这几个。距离和营业情况都是当时的，请以现场为准；电话和导航照样能用。</Text>
      <ActionButton variant="secondary" onClick={onRetry}>
        重新查一次
      </ActionButton>
      {shown.length ? (
        <View role="list" aria-label="上次查到的驿站">
          {shown.map((s, i) => (
            <View key={s.id} role="listitem">
              <StationRow station={s} n={i + 1} onOpen={() => onOpen(s.id)} />
            </View>
          ))}
        </View>
      ) : (
        <Text className="st-offline__line">上次没有查到驿站。</Text>
      )}
      {rest > 0 ? <Text className="st-offline__line">{`还有 ${rest} 个，联网后再看。`}</Text> : null}
    </View>
  )
}
