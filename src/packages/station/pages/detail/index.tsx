import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { WEEKDAY_LABELS } from '~types/station-hours'
import { STATION_TYPE_LABELS, type StationCard, type StationDetail } from '~types/station.schema'
import { regionLabel } from '~types/regions'
import { toApiError, type ApiError } from '../../../../api/api-error'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { routes } from '../../../../routes'
import { navigate } from '../../lib/navigate'
import { savedCard, type SavedNearby } from '../../lib/offline'
import { ServiceList } from '../../lib/service-icons'
import { ageWords, dayWords, dialable, distanceWords, hoursWords, openWords, todayIndex } from '../../lib/words'
import '../../lib/station.scss'

const call = (phone: string) => void Taro.makePhoneCall({ phoneNumber: dialable(phone) }).catch(() => undefined)

/**
 * A station's card: is it open now, how to get there, whom to call, what it has, its hours day by day (today
 * marked in words) and when staff last checked it all. In a dead zone the card kept from the last list still
 * gives the address, the phone and the way there. 信息有误 tells staff what is wrong.
 */
export default function StationDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [data, setData] = useState<StationDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [kept, setKept] = useState<{ card: StationCard; saved: SavedNearby } | null>(null)
  const [tries, setTries] = useState(0)
  useEffect(() => {
    setError(null)
    api.station.detail({ id }).then(
      (d) => {
        setData(d)
        setKept(null)
      },
      (e: unknown) => {
        const err = toApiError(e)
        setError(err)
        if (err.code === 'NETWORK') setKept(savedCard(id))
      },
    )
  }, [id, tries])
  const retry = () => setTries((n) => n + 1)
  // How far, from the list it was opened from (the card itself is the same for everyone).
  const distanceM = savedCard(id)?.card.distanceM ?? null

  return (
    <PageRoot className="station-detail">
      {kept && !data ? (
        <OfflineCard card={kept.card} saved={kept.saved} onRetry={retry} />
      ) : (
        <LoadState data={data} error={error} onRetry={retry} loadingText="正在打开驿站…">
          {(d) => <Detail d={d} distanceM={distanceM} />}
        </LoadState>
      )}
    </PageRoot>
  )
}

function Head({ s, distanceM }: { s: StationCard; distanceM: number | null }) {
  return (
    <>
      <Text className="page__title">{s.name}</Text>
      <Text className="page__lead">{`${STATION_TYPE_LABELS[s.type]} · ${regionLabel(s.district)}${distanceM !== null ? ` · 离您 ${distanceWords(distanceM)}` : ''}`}</Text>
      <Text className={`st-open st-open--big ${s.open.now ? 'st-open--yes' : 'st-open--no'}`}>{openWords(s.open)}</Text>
    </>
  )
}

function Actions({ s }: { s: StationCard }) {
  const [note, setNote] = useState<string>()
  return (
    <View className="st-section">
      <Text className="st-section__label">地址</Text>
      <Text className="st-section__value">{s.address}</Text>
      <ActionButton onClick={() => void navigate(s).then((ok) => setNote(ok ? undefined : `打不开地图，可以在地图 App 里搜：${s.address}`))}>导航去这里</ActionButton>
      {note ? <Text className="st-where__note">{note}</Text> : null}
      {s.phone ? (
        <>
          <Text className="st-section__label">电话</Text>
          <Text className="st-section__value">{s.phone}</Text>
          <ActionButton variant="secondary" onClick={() => call(s.phone!)}>{`打电话 ${s.phone}`}</ActionButton>
        </>
      ) : null}
    </View>
  )
}

function Detail({ d, distanceM }: { d: StationDetail; distanceM: number | null }) {
  const today = todayIndex()
  const previews = d.photos.map((p) => p.url)
  return (
    <>
      <Head s={d} distanceM={distanceM} />
      {d.status === 'paused' ? (
        <Notice kind="warn" title="暂停开放">
          {`${d.pausedUntil ? `预计 ${dayWords(d.pausedUntil)}起恢复开放。` : ''}${d.pauseReason ?? '暂时不能进去，可以先去别的驿站。'}`}
        </Notice>
      ) : null}
      <Actions s={d} />

      <View className="st-section">
        <Text className="st-section__label">能做什么</Text>
        <ServiceList services={d.services} />
      </View>

      <View className="st-section" role="table" aria-label="开放时间">
        <Text className="st-section__label">开放时间</Text>
        {WEEKDAY_LABELS.map((w, i) => (
          <View key={w} className={`st-hours${i === today ? ' st-hours--today' : ''}`} role="row">
            <View className="st-hours__day" role="rowheader">{i === today ? `${w}（今天）` : w}</View>
            <View className="st-hours__time" role="cell">{hoursWords(d.hours[i])}</View>
          </View>
        ))}
        {d.holidayHours ? (
          <View className="st-hours" role="row">
            <View className="st-hours__day" role="rowheader">法定节假日</View>
            <View className="st-hours__time" role="cell">{hoursWords(d.holidayHours)}</View>
          </View>
        ) : null}
        {d.holidayNote ? <Text className="st-section__note">{d.holidayNote}</Text> : null}
      </View>

      {d.photos.length ? (
        <View className="st-section">
          <Text className="st-section__label">照片</Text>
          <View className="st-photos">
            {d.photos.map((p, i) => (
              <Image
                key={p.fileId}
                className="st-photos__item"
                src={p.url}
                mode="aspectFill"
                aria-label={`照片 ${i + 1}，点开看大图`}
                onClick={() => void Taro.previewImage({ urls: previews, current: p.url }).catch(() => undefined)}
              />
            ))}
          </View>
        </View>
      ) : null}

      <Text className="st-checked">{`最后核实：${dayWords(d.lastCheckedAt)}`}</Text>
      <View className="st-section">
        <Text className="st-section__note">到了发现关门、时间不对或者少了什么？告诉工作人员，核实后会改过来。</Text>
        <ActionButton variant="secondary" onClick={() => void Taro.navigateTo({ url: `${routes.stationCorrect}?id=${encodeURIComponent(d.id)}&name=${encodeURIComponent(d.name)}` })}>
          信息有误
        </ActionButton>
      </View>
    </>
  )
}

/** No network: what the last list kept of this station, and how old it is — enough to call or to go. */
function OfflineCard({ card, saved, onRetry }: { card: StationCard; saved: SavedNearby; onRetry: () => void }) {
  return (
    <>
      <View className="st-offline" role="alert">
        <Text className="st-offline__title">{`⚠ 离线：这是 ${ageWords(saved.savedAt)}的信息`}</Text>
        <Text className="st-offline__line">网络连不上，开放时间和照片要联网才能看；电话和导航照样能用。</Text>
        <ActionButton variant="secondary" onClick={onRetry}>
          重新打开
        </ActionButton>
      </View>
      <Head s={card} distanceM={card.distanceM} />
      <Actions s={card} />
      <View className="st-section">
        <Text className="st-section__label">能做什么</Text>
        <ServiceList services={card.services} />
      </View>
    </>
  )
}
