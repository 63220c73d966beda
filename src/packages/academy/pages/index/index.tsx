import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { CATALOGUE_OCCUPATIONS, OFFER_TYPES, OFFER_TYPE_LABELS, SCHEDULE_TAGS, SCHEDULE_TAG_LABELS, type OfferCard, type OfferType, type ScheduleTag } from '~types/academy.schema'
import { CITIES, findDistrict } from '~types/regions'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { LoadState } from '../../../../components/load-state'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { availabilityWord, levelWord, priceWords, seatWords, typeWord, whenWords } from '../../lib/words'
import '../../lib/academy.scss'

const typeOptions = [{ value: '', label: '全部' }, ...OFFER_TYPES.map((t) => ({ value: t, label: OFFER_TYPE_LABELS[t] }))]
const occupationOptions = [{ value: '', label: '不限' }, ...CATALOGUE_OCCUPATIONS.map((o) => ({ value: o, label: o }))]
const tagOptions = SCHEDULE_TAGS.map((t) => ({ value: t, label: SCHEDULE_TAG_LABELS[t] }))

/** 江海新才学院: what to study near me, when I have time — online, evenings, weekends first. */
export default function CataloguePage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const home = findDistrict(session.user?.profile?.districtCode ?? '')?.cityCode ?? ''
  const [type, setType] = useState('')
  const [occupation, setOccupation] = useState('')
  const [tags, setTags] = useState<string[]>([])
  const [city, setCity] = useState('')
  const [allCities, setAllCities] = useState(false)
  const [page, setPage] = useState(1)
  const list = useRemote(
    () => api.academy.catalogue({ ...(type ? { type: type as OfferType } : {}), ...(occupation && type !== 'diploma' ? { occupation } : {}), ...(tags.length ? { tags: tags as ScheduleTag[] } : {}), ...(city ? { city } : {}), ...(page > 1 ? { page } : {}) }),
    ready,
  )
  // A filter changed: load again (the first load is useRemote's own, when the page shows).
  const mounted = useRef(false)
  const filterKey = `${type}|${occupation}|${tags.join(',')}|${city}`
  useEffect(() => {
    if (mounted.current) setPage(1)
  }, [filterKey])
  useEffect(() => {
    if (mounted.current && ready) void list.reload()
    mounted.current = true
  }, [filterKey, page])
  if (!ready) return <PageStatus session={session} />
  const cityOptions = [home, ...CITIES.map((c) => c.code).filter((c) => c !== home)].slice(0, 13).map((c) => ({ value: c, label: CITIES.find((x) => x.code === c)?.name ?? c }))
  const reload = () => void list.reload()
  return (
    <PageRoot className="academy">
      <Text className="page__title">江海新才学院</Text>
      <Text className="page__lead">免费学技能、拿证书，读大专本科学费大部分能补回来。挑一个您有空的时间。</Text>
      <View className="entry-list">
        <View className="entry" hoverClass="entry--pressed" onClick={() => void Taro.navigateTo({ url: routes.academyLearning })}>
          我的学习（课程、学分、证书和补贴）
        </View>
      </View>

      <View className="academy__filters">
        <ChipGroup label="类型" options={typeOptions} value={type} onChange={setType} />
        {type !== 'diploma' ? <ChipGroup label="职业" options={occupationOptions} value={occupation} onChange={setOccupation} /> : null}
        <ChipGroup label="什么时候有空" multiple options={tagOptions} value={tags} onChange={setTags} />
        {allCities ? (
          <ChipGroup label="城市" options={cityOptions} value={city || home} onChange={(v) => { setCity(v === home ? '' : v); setAllCities(false) }} />
        ) : (
          <View className="academy__city">
            <Text>{`城市：${cityOptions.find((c) => c.value === (city || home))?.label ?? ''}`}</Text>
            <View className="link" role="button" onClick={() => setAllCities(true)}>换一个城市 ›</View>
          </View>
        )}
      </View>

      <LoadState
        data={list.data}
        error={list.error}
        onRetry={reload}
        loadingText="正在找课程…"
        empty={{ when: (d) => d.rows.length === 0, title: '没有符合条件的课程', text: '换个时间或类型试试；新课程发布后会在这里。' }}
      >
        {(d) => (
          <View role="list" aria-label="课程">
            {page > 1 ? <Text className="academy__count">{`第 ${page} 页`}</Text> : null}
            {d.rows.map((o) => (
              <Offer key={o.id} offer={o} />
            ))}
          </View>
        )}
      </LoadState>
      {list.data?.more ? (
        <ActionButton variant="secondary" onClick={() => setPage(page + 1)}>
          看更多课程
        </ActionButton>
      ) : null}
      {page > 1 ? (
        <ActionButton variant="secondary" onClick={() => setPage(page - 1)}>
          回到上一页
        </ActionButton>
      ) : null}
    </PageRoot>
  )
}

function Offer({ offer: o }: { offer: OfferCard }) {
  const open = o.availability === 'open' || o.availability === 'waitlist'
  return (
    <View
      className={`offer${open ? '' : ' offer--closed'}`}
      role="listitem"
      hoverClass="offer--pressed"
      onClick={() => void Taro.navigateTo({ url: `${routes.academyOffer}?id=${encodeURIComponent(o.id)}` })}
    >
      <View className="offer__top">
        <Text className="offer__type">{typeWord(o)}</Text>
        <Text className={`offer__state offer__state--${o.mine ? 'mine' : o.availability}`}>{o.mine ? '已报名' : availabilityWord(o)}</Text>
      </View>
      <Text className="offer__title">{o.title}</Text>
      <Text className="offer__line">{`${o.where} · ${o.provider}`}</Text>
      <Text className="offer__line">{whenWords(o)}</Text>
      <Text className="offer__line">{`学完：${o.leadsTo}${o.skillLevel ? `（${levelWord(o.skillLevel)}）` : ''}`}</Text>
      <Text className="offer__line offer__line--strong">{`${priceWords(o)} · ${seatWords(o)}`}</Text>
    </View>
  )
}
