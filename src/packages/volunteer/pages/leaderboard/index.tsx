import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { regionLabel } from '~types/regions'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { monthStep, monthWords, myPlaceText } from '../../lib/board'
import '../../lib/ledger.scss'

/** How far back the month steps go: two years of boards is more than anyone looks at. */
const MONTHS_BACK = 24

/**
 * 排行榜: the district's month by points earned — handled reports and confirmed hours only, never refunds or make-up
 * hours — top 20 with masked names and teams, and the caller's own rank in words; past months by stepping back.
 */
export default function LeaderboardPage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const [month, setMonth] = useState<string | undefined>(undefined)
  const [thisMonth, setThisMonth] = useState<string | null>(null)
  const board = useRemote(() => api.volunteer.leaderboard(month ? { month } : {}), ready)
  useEffect(() => {
    if (ready && month) void board.reload()
  }, [month])
  // The server's clock decides which month is "this month" (the phone's may be wrong).
  useEffect(() => {
    if (board.data && !month && !thisMonth) setThisMonth(board.data.month)
  }, [board.data])
  if (!ready) return <PageStatus session={session} />

  const shown = month ?? board.data?.month ?? thisMonth
  // While another month loads, its label shows and the list waits for it (never last month's rows under this one's name).
  const data = board.data && board.data.month === shown ? board.data : null
  const current = !!thisMonth && shown === thisMonth
  const oldest = thisMonth ? monthStep(thisMonth, -MONTHS_BACK) : null
  const step = (by: number) => {
    if (!shown || !thisMonth) return
    const target = monthStep(shown, by)
    if (target > thisMonth || (oldest && target < oldest)) return
    setMonth(target)
  }
  return (
    <PageRoot className="board">
      <Text className="page__title">积分排行榜</Text>
      <Text className="page__lead">{board.data ? `${regionLabel(board.data.district)} · 按当月获得的积分排名` : '按当月获得的积分排名'}</Text>
      <View className="board-month" role="group" aria-label="选择月份">
        <View className="board-month__step">
          <ActionButton variant="secondary" compact disabled={!shown || (!!oldest && shown <= oldest)} onClick={() => step(-1)}>
            上个月
          </ActionButton>
        </View>
        <Text className="board-month__label" aria-live="polite">{shown ? monthWords(shown) : ''}</Text>
        <View className="board-month__step">
          <ActionButton variant="secondary" compact disabled={!shown || current} onClick={() => step(1)}>
            下个月
          </ActionButton>
        </View>
      </View>
      <LoadState data={data} error={board.error} onRetry={() => void board.reload()} loadingText="正在读取排行榜…">
        {(b) => {
          const place = myPlaceText(b, current)
          return (
            <>
              <View className="board-me" role="status">
                <Text className="board-me__line">{place.line}</Text>
                <Text className="board-me__hint">{place.hint}</Text>
              </View>
              {b.rows.length === 0 ? (
                <View className="load-state load-state--empty">
                  <Text className="load-state__title">{current ? '本月还没有人获得积分' : `${monthWords(b.month)}没有人获得积分`}</Text>
                  <Text className="load-state__text">{current ? '第一个随手拍被处理的人就排在第一名。' : '换一个月份看看。'}</Text>
                </View>
              ) : (
                <View role="list" aria-label={`${monthWords(b.month)}前 ${b.rows.length} 名`}>
                  {b.rows.map((r, i) => (
                    <View
                      key={i}
                      className={`board-row${r.mine ? ' board-row--mine' : ''}`}
                      role="listitem"
                      aria-label={`第 ${r.rank} 名，${r.mine ? '您，' : ''}${r.name}${r.team ? `，${r.team}` : ''}，${r.points} 分`}
                    >
                      <Text className="board-row__rank">{`第${r.rank}`}</Text>
                      <View className="board-row__who">
                        <Text className="board-row__name">{r.mine ? `${r.name}（您）` : r.name}</Text>
                        {r.team ? <Text className="board-row__team">{r.team}</Text> : null}
                      </View>
                      <Text className="board-row__points">{`${r.points} 分`}</Text>
                    </View>
                  ))}
                </View>
              )}
              <Text className="board-note">只计处理过的随手拍和确认的志愿服务时长得到的积分；兑换、退回和补录时长不计。姓名只显示姓。</Text>
            </>
          )
        }}
      </LoadState>
    </PageRoot>
  )
}
