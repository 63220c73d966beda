import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { STATION_SERVICES, STATION_SERVICE_LABELS, STATION_TYPES, STATION_TYPE_LABELS, type NearbyView, type StationCard, type StationService, type StationType } from '~types/station.schema'
import { CITIES, districtsOf, findDistrict, regionLabel } from '~types/regions'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { LoadState } from '../../../../components/load-state'
import { PageRoot } from '../../../../components/page-root'
import { currentPosition, type LngLat } from '../../../../lib/position'
import { restoreSession, useSession } from '../../../../store/session'
import { OfflineResults } from '../../lib/offline-results'
import type { SearchFrom } from '../../lib/offline'
import { filterWords, NANTONG, NO_FILTERS, readConsent, readFilters, VISITOR_DISTRICT, writeConsent, writeFilters, type LocationConsent, type StationFilters } from '../../lib/prefs'
import { openStation, StationRow } from '../../lib/station-row'
import { useNearby } from '../../lib/use-nearby'
import { ViewSwitch } from '../../lib/view-switch'
import { distanceWords } from '../../lib/words'
import '../../lib/station.scss'


/** An answer older than this is searched again when the list is shown again. */
const STALE_MS = 5 * 60_000

const quickOptions = [
  { value: 'openNow', label: '营业中' },
  { value: 'allDay', label: '24 小时' },
]
const serviceOptions = STATION_SERVICES.map((s) => ({ value: s, label: STATION_SERVICE_LABELS[s] }))
const typeOptions = STATION_TYPES.map((t) => ({ value: t, label: STATION_TYPE_LABELS[t] }))
const cityOptions = CITIES.map((c) => ({ value: c.code, label: c.name }))

/**
 * 附近驿站: the nearest warm stations, open now or not, with what they offer. Public — a rider in the rain need not
 * sign in to find a toilet. Precise location only after the separate consent (PIPL Art. 29), asked on the page with
 * the reason first; without it (declined, or a phone or browser that gives none) the stations of a district.
 */
export default function NearbyPage() {
  const session = useSession()
  useEffect(() => {
    if (session.status === 'unknown' && !session.error) void restoreSession()
  }, [])
  const [filters, setFiltersState] = useState<StationFilters>(readFilters)
  const [consent, setConsentState] = useState<LocationConsent>(readConsent)
  const [position, setPosition] = useState<LngLat | null>(null)
  const [locating, setLocating] = useState(consent === 'granted')
  const [locateNote, setLocateNote] = useState<string>()
  const [picking, setPicking] = useState(false)
  const [more, setMore] = useState(false)

  const setFilters = (patch: Partial<StationFilters>) => {
    const next = { ...filters, ...patch }
    writeFilters(next)
    setFiltersState(next)
  }
  const setConsent = (answer: 'granted' | 'declined') => {
    writeConsent(answer)
    setConsentState(answer)
  }

  const findMe = async () => {
    setLocating(true)
    setLocateNote(undefined)
    const found = await currentPosition()
    setLocating(false)
    if (found.ok) {
      setPosition(found.at)
      // Standing where they stood last time, the search is the same: ask again anyway — what is open has changed.
      result.reload()
    } else setLocateNote(`${found.why}，先按区县找。`)
  }
  // Agreed before: where the rider is now, every visit (a position from an hour ago is somewhere else).
  useEffect(() => {
    if (consent === 'granted') void findMe()
  }, [])

  // Without a position: the district picked last, else the profile's, else (a visitor) Nantong's first — once the
  // session has said which (a failed restore counts as a visitor: the search is public).
  const settled = session.status !== 'unknown' || !!session.error
  const district = filters.district ?? session.user?.profile?.districtCode ?? (settled ? VISITOR_DISTRICT : null)
  const from: SearchFrom | null = position ? { kind: 'position', at: position } : locating || !district ? null : { kind: 'district', district }
  const result = useNearby(from, filters)

  // Back to the list after a while (the rider rode on): where they are now, and what is open now.
  useDidShow(() => {
    if (!result.data || Date.now() - Date.parse(result.data.at) < STALE_MS) return
    if (position && consent === 'granted') void findMe()
    else result.reload()
  })

  const agree = () => {
    setConsent('granted')
    void findMe()
  }
  const decline = () => setConsent('declined')
  const stopUsingPosition = () => {
    setConsent('declined')
    setPosition(null)
    setLocateNote(undefined)
  }
  const anyFilter = filters.openNow || filters.allDay || filters.services.length > 0 || filters.types.length > 0
  const clearFilters = () => setFilters({ openNow: false, allDay: false, services: [], types: [] })
  const moreSummary = filterWords({ ...NO_FILTERS, services: filters.services, types: filters.types })

  return (
    <PageRoot className="station-nearby">
      <Text className="page__title">附近驿站</Text>
      <Text className="page__lead">歇歇脚、喝口热水、热个饭、充个电：离您最近的暖心驿站。</Text>
      <ViewSwitch current="list" />

      {consent === null ? (
        <View className="st-consent" role="region" aria-label="是否使用位置">
          <Text className="st-consent__title">用您现在的位置找最近的驿站？</Text>
          <Text className="st-consent__text">位置只用来算您离每个驿站有多远、按远近排好；不保存在服务器上，也不给别人。手机上只留最近一次查到的驿站，没信号时也能看。不同意也能用：按区县找。</Text>
          <ActionButton onClick={agree}>同意，用我的位置</ActionButton>
          <ActionButton variant="secondary" onClick={decline}>
            不用位置，按区县找
          </ActionButton>
        </View>
      ) : null}

      {position ? (
        <View className="st-where">
          <Text className="st-where__text">按您现在的位置</Text>
          <View className="st-where__links">
            <View className="st-link" role="button" onClick={() => void findMe()}>重新定位</View>
            <View className="st-link" role="button" onClick={stopUsingPosition}>不用位置，按区县找</View>
          </View>
        </View>
      ) : locating ? (
        <View className="st-where" aria-busy>
          <Text className="st-where__text">正在定位…</Text>
        </View>
      ) : district ? (
        <View className="st-where">
          <Text className="st-where__text">{`区县：${regionLabel(district)}`}</Text>
          <View className="st-where__links">
            <View className="st-link" role="button" onClick={() => setPicking(!picking)}>{picking ? '收起' : '换一个区县 ›'}</View>
            {consent === 'declined' ? (
              <View className="st-link" role="button" onClick={agree}>改用我的位置</View>
            ) : consent === 'granted' ? (
              <View className="st-link" role="button" onClick={() => void findMe()}>再定位一次</View>
            ) : null}
          </View>
          {locateNote ? <Text className="st-where__note">{locateNote}</Text> : null}
          {picking ? <DistrictPicker value={district} onPick={(d) => { setFilters({ district: d }); setPicking(false) }} /> : null}
        </View>
      ) : null}

      <View className="st-filters">
        <ChipGroup
          label="只看"
          multiple
          options={quickOptions}
          value={[...(filters.openNow ? ['openNow'] : []), ...(filters.allDay ? ['allDay'] : [])]}
          onChange={(v) => setFilters({ openNow: v.includes('openNow'), allDay: v.includes('allDay') })}
        />
        <View className="st-more">
          <View className="st-link" role="button" aria-expanded={more} onClick={() => setMore(!more)}>
            {more ? '收起服务和类型' : '按服务和类型筛选 ›'}
          </View>
          {!more && moreSummary ? <Text className="st-more__summary">{`已选：${moreSummary}`}</Text> : null}
        </View>
        {more ? (
          <>
            <ChipGroup label="要有这些服务（都要有）" multiple options={serviceOptions} value={filters.services} onChange={(v) => setFilters({ services: v as StationService[] })} />
            <ChipGroup label="驿站类型" multiple options={typeOptions} value={filters.types} onChange={(v) => setFilters({ types: v as StationType[] })} hint="不选就是全部类型" />
          </>
        ) : null}
      </View>

      {result.offline ? (
        <OfflineResults saved={result.offline} onRetry={result.reload} onOpen={openStation} />
      ) : (
        <LoadState
          data={result.data}
          error={result.error}
          onRetry={result.reload}
          loadingText="正在找驿站…"
          empty={{
            when: (d) => d.stations.length === 0,
            title: anyFilter ? '没有符合条件的驿站' : position ? '50 公里内没有登记的驿站' : '这个区县还没有登记驿站',
            text: anyFilter ? '少选几个条件试试。' : position ? '可以点上面的“不用位置，按区县找”，看看别的区县。' : '换一个区县看看。',
          }}
        >
          {(d) => (
            <View className="st-results">
              <Text className="st-results__count">
                {result.from?.kind === 'position' ? `离您最近的 ${d.stations.length} 个，由近到远${farthest(d.stations)}` : districtCount(d)}
              </Text>
              <View role="list" aria-label="附近的驿站">
                {d.stations.map((s, i) => (
                  <View key={s.id} role="listitem">
                    <StationRow station={s} n={i + 1} onOpen={() => openStation(s.id)} />
                  </View>
                ))}
              </View>
            </View>
          )}
        </LoadState>
      )}
      {anyFilter && result.data?.stations.length === 0 && !result.offline ? (
        <ActionButton variant="secondary" onClick={clearFilters}>
          清除筛选条件
        </ActionButton>
      ) : null}
    </PageRoot>
  )
}

/** “38 个驿站，营业中的在前…”, or, when a district has more than the list holds, how many it has. */
function districtCount(d: NearbyView): string {
  const shown = d.stations.length
  const head = d.matched && d.matched > shown ? `共 ${d.matched} 个驿站，先列 ${shown} 个` : `${shown} 个驿站`
  return `${head}，营业中的在前（没有位置，不能按远近排）`
}

/** “，最远 12 公里”: how far the list reaches (the search reaches 50 km where stations are few). */
function farthest(stations: readonly StationCard[]): string {
  const m = stations[stations.length - 1]?.distanceM
  return m ? `，最远 ${distanceWords(m)}` : ''
}

/** Jiangsu's 13 cities, then the districts of the one picked: two short rows of chips instead of a wheel. */
function DistrictPicker({ value, onPick }: { value: string; onPick: (district: string) => void }) {
  const [city, setCity] = useState(findDistrict(value)?.cityCode ?? NANTONG)
  return (
    <View className="st-picker">
      <ChipGroup label="城市" options={cityOptions} value={city} onChange={setCity} />
      <ChipGroup label="区县" options={districtsOf(city).map((d) => ({ value: d.code, label: d.name }))} value={value} onChange={onPick} />
    </View>
  )
}
