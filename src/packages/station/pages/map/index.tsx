import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../../../components/action-button'
import { PageRoot } from '../../../../components/page-root'
import { routes } from '../../../../routes'
import { fromWords } from '../../lib/offline-results'
import { readNearby, type SavedNearby } from '../../lib/offline'
import { filterWords, readFilters } from '../../lib/prefs'
import { StationPlot } from '../../lib/station-plot'
import { openStation, StationRow } from '../../lib/station-row'
import { ViewSwitch } from '../../lib/view-switch'
import { WxMap } from '../../lib/wx-map'
import { ageWords, distanceWords } from '../../lib/words'
import '../../lib/station.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 驿站地图: the stations the list found, as markers numbered like the list — WeChat's own map in the mini-program,
 * a plot of the stations around you in the browser. Tap a marker for its card. It shows the list's last answer
 * (kept on the phone), so list and map always agree and a dead zone still has a map.
 */
export default function MapPage() {
  const [saved, setSaved] = useState<SavedNearby | null>(readNearby)
  const [selected, setSelected] = useState<string | null>(null)
  // The list's filters apply here too: say which, or a map of one station reads as all there is.
  const [filtered, setFiltered] = useState(() => filterWords(readFilters()))
  // Back from a station's page or the list: the list may have searched again meanwhile, with other filters.
  useDidShow(() => {
    setSaved(readNearby())
    setFiltered(filterWords(readFilters()))
  })

  const stations = saved?.view.stations ?? []
  const me = saved?.from.kind === 'position' ? saved.from.at : null
  const card = stations.find((s) => s.id === selected) ?? null
  const n = card ? stations.indexOf(card) + 1 : 0
  const old = saved ? Date.now() - saved.savedAt > 10 * 60_000 : false

  return (
    <PageRoot className="station-map">
      <Text className="page__title">驿站地图</Text>
      <ViewSwitch current="map" />
      {!saved ? (
        <View className="st-offline">
          <Text className="st-offline__line">还没有查过附近的驿站。先在列表里找一找，地图上就会标出来。</Text>
          <ActionButton onClick={() => void Taro.redirectTo({ url: routes.stationNearby })}>去列表找驿站</ActionButton>
        </View>
      ) : (
        <>
          <Text className="st-results__count">
            {`${stations.length} 个驿站${filtered ? `（只看：${filtered}）` : ''}，数字和列表里一样${me ? '' : '（按区县找的，没有您的位置）'}`}
          </Text>
          {old ? <Text className="st-where__note">{`这是 ${ageWords(saved.savedAt)}的结果。${fromWords(saved)}。回到列表可以重新查。`}</Text> : null}
          <View className="st-mapbox">
            {isWeapp ? <WxMap stations={stations} me={me} onSelect={setSelected} /> : <StationPlot stations={stations} me={me} selected={selected} onSelect={setSelected} />}
          </View>
          {!isWeapp ? <Text className="st-legend">实心的数字：营业中；空心虚线的数字：现在没开；蓝圈“您”：您的位置。点数字看驿站。</Text> : null}
          {card ? (
            <View className="st-card" role="region" aria-label="选中的驿站">
              <StationRow station={card} n={n} onOpen={() => openStation(card.id)} />
              <ActionButton onClick={() => openStation(card.id)}>{`查看详情和导航${card.distanceM !== null ? `（${distanceWords(card.distanceM)}）` : ''}`}</ActionButton>
            </View>
          ) : stations.length ? (
            <Text className="st-where__note">点地图上的数字，看这个驿站的情况。</Text>
          ) : (
            <Text className="st-where__note">{filtered ? '没有符合条件的驿站：回到列表，少选几个条件试试。' : me ? '50 公里内没有登记的驿站：回到列表，可以按区县找。' : '这个区县还没有登记驿站：回到列表，换一个区县看看。'}</Text>
          )}
          {/* Every marker once more as a line: the map's content for a screen reader and for large text. */}
          <View className="st-index" role="list" aria-label="地图上的驿站">
            {stations.map((s, i) => (
              <View
                key={s.id}
                role="listitem"
                className={`st-index__row${s.id === selected ? ' st-index__row--on' : ''}`}
                onClick={() => setSelected(s.id)}
              >
                <Text className="st-row__num">{String(i + 1)}</Text>
                <Text className="st-index__text">{`${s.name}${s.distanceM !== null ? ` · ${distanceWords(s.distanceM)}` : ''} · ${s.open.now ? '✓' : '×'} ${s.open.text}`}</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </PageRoot>
  )
}
