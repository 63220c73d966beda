import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { WeeklyFigures } from '~types/application.contract'
import { ChipGroup } from '../../../../components/chip-group'
import { LoadState } from '../../../../components/load-state'
import type { Remote } from '../../../../hooks/use-remote'
import { WeeklyChart } from '../../lib/weekly-chart'
import { DECIDED, RECEIVED, axisLabels, isEmpty, pickLabel, seriesOf, weekWords, weeklySummary, type WeeklyPick } from '../../lib/weekly-words'
import './weekly.scss'

/**
 * 近 12 周: applications received and decided each week, for the reviewer's districts and services. Below the queue
 * (the queue is what a reviewer came for). The chart has a text legend (line and marker, not only colour), a
 * sentence and a table with the same numbers, and a kind picker once more than one kind is reviewed.
 */
export function Weekly({ weekly }: { weekly: Remote<WeeklyFigures> }) {
  return (
    <View className="desk-page__section weekly" role="region" aria-label="近 12 周收到和已决定的申请">
      <Text className="desk-page__heading">近 12 周</Text>
      <LoadState
        data={weekly.data}
        error={weekly.error}
        onRetry={() => void weekly.reload()}
        loadingText="正在统计近 12 周…"
        empty={{ when: (f) => f.kinds.length === 0, title: '您负责的服务还没有要审核的申请类型', text: '有了申请类型，这里会按周显示收到和已决定的申请。' }}
      >
        {(f) => <WeeklyBody figures={f} />}
      </LoadState>
    </View>
  )
}

function WeeklyBody({ figures }: { figures: WeeklyFigures }) {
  const several = figures.kinds.length > 1
  const [picked, pick] = useState<WeeklyPick>('')
  // A kind the answer no longer has (a grant revoked) falls back to all of them.
  const current: WeeklyPick = several ? (figures.kinds.some((k) => k.kind === picked) ? picked : '') : figures.kinds[0].kind
  const series = useMemo(() => seriesOf(figures, current), [figures, current])
  const labels = useMemo(() => axisLabels(figures.weeks), [figures.weeks])
  const summary = weeklySummary(figures, series)
  const last = figures.weeks.length - 1
  return (
    <>
      {several ? (
        <ChipGroup
          label="类型"
          options={[{ value: '', label: pickLabel('') }, ...figures.kinds.map((k) => ({ value: k.kind, label: pickLabel(k.kind) }))]}
          value={current}
          onChange={(v) => pick(v as WeeklyPick)}
        />
      ) : null}
      <Text className="weekly__summary">{`${pickLabel(current)}：${summary}`}</Text>
      {isEmpty(series) ? (
        <View className="load-state load-state--empty">
          <Text className="load-state__title">近 12 周没有收到或决定的申请</Text>
          <Text className="load-state__text">您负责区县的申请一有进展，这里就会按周显示。</Text>
        </View>
      ) : (
        <View className="weekly__body">
          <View className="weekly__chart" role="img" aria-label={`折线图：${pickLabel(current)}每周${RECEIVED}和${DECIDED}的申请数。${summary}每周的数字见表格。`}>
            <View className="weekly__legend" aria-hidden>
              <Text className="weekly__key weekly__key--received">{`━●━ ${RECEIVED}`}</Text>
              <Text className="weekly__key weekly__key--decided">{`┅▲┅ ${DECIDED}`}</Text>
              <Text className="weekly__key weekly__key--note">横轴是每周一的日期。最后一周是本周，还没过完，点是空心的。</Text>
            </View>
            <WeeklyChart scope="weekly" labels={labels} series={series} />
          </View>
          <View className="weekly__table" role="table" aria-label={`${pickLabel(current)}每周${RECEIVED}和${DECIDED}的申请数`}>
            <View className="weekly__row weekly__row--head" role="row">
              <View className="weekly__week" role="columnheader">周</View>
              <View className="weekly__num" role="columnheader">{RECEIVED}</View>
              <View className="weekly__num" role="columnheader">{DECIDED}</View>
            </View>
            {figures.weeks.map((w, i) => (
              <View key={w} className={`weekly__row${i === last ? ' weekly__row--current' : ''}`} role="row">
                <View className="weekly__week" role="rowheader">{weekWords(w, i === last, figures.today)}</View>
                <View className="weekly__num" role="cell">{String(series.received[i])}</View>
                <View className="weekly__num" role="cell">{String(series.decided[i])}</View>
              </View>
            ))}
          </View>
        </View>
      )}
    </>
  )
}
