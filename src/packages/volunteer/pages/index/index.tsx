import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { staffDistricts } from '~types/roles'
import { hoursText, recordTotalMinutes } from '~types/volunteer-record.schema'
import { api } from '../../../../api/client'
import { LoadState } from '../../../../components/load-state'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { SECTIONS } from '../../lib/sections'
import { StarLine } from '../../lib/stars'
import '../../lib/volunteer.scss'

/** Shown as the account cards' own links once they load, so the list below does not repeat them. */
const IN_CARD = new Set(['ledger', 'leaderboard', 'record'])

const go = (url: string) => () => void Taro.navigateTo({ url })

/** A link inside the card: words that say where it goes, a full-size tap target. */
function CardLink({ url, children }: { url: string; children: string }) {
  return (
    <View className="vol-link" role="link" hoverClass="vol-link--pressed" onClick={go(url)}>
      <Text className="vol-link__text">{children}</Text>
    </View>
  )
}

/** 志愿服务积分: my points and hours at a glance, then what I can do — report, serve, redeem. */
export default function VolunteerHome() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const account = useRemote(() => api.volunteer.account({}), ready)
  if (!ready) return <PageStatus session={session} />
  const isStaff = staffDistricts(session.user, 'volunteer').length > 0
  return (
    <PageRoot className="volunteer">
      <Text className="page__title">志愿服务积分</Text>
      <Text className="page__lead">发现问题随手拍，参加志愿服务，积分可以兑换礼品</Text>
      <LoadState data={account.data} error={account.error} onRetry={() => void account.reload()} loadingText="正在查询积分…">
        {(a) => (
          <View className="vol-summary">
            <View className="vol-card vol-card--account" role="region" aria-label="我的积分">
              <View className="vol-balance" aria-label={`可用积分 ${a.balance} 分`}>
                <Text className="vol-balance__number">{a.balance}</Text>
                <Text className="vol-balance__unit">分可用</Text>
              </View>
              <Text className="vol-card__line">{`本月获得 ${a.monthPoints} 分 · 累计获得 ${a.earnedTotal} 分`}</Text>
              <View className="vol-links">
                <CardLink url={routes.volunteerLedger}>积分明细</CardLink>
                <CardLink url={routes.volunteerLeaderboard}>本月排行榜</CardLink>
              </View>
            </View>
            <View className="vol-card vol-card--hours" role="region" aria-label="我的志愿服务时长">
              <Text className="vol-hours">{`志愿服务 ${hoursText(recordTotalMinutes(a.minutesConfirmed, a.minutesMakeUp))}`}</Text>
              {a.minutesMakeUp ? <Text className="vol-card__line">{`含补录 ${hoursText(a.minutesMakeUp)}`}</Text> : null}
              <StarLine stars={a.stars} />
              {a.team ? <Text className="vol-card__line">{`所在队伍：${a.team.name}`}</Text> : null}
              <View className="vol-links">
                <CardLink url={routes.volunteerRecord}>开志愿服务记录证明</CardLink>
              </View>
            </View>
          </View>
        )}
      </LoadState>
      <View className="vol-sections" role="list" aria-label="志愿服务">
        {SECTIONS.filter((s) => (!s.staff || isStaff) && !(account.data && IN_CARD.has(s.key))).map((s) => (
          <View key={s.key} className={`vol-card vol-section${s.staff ? ' vol-section--staff' : ''}`} role="link" hoverClass="vol-card--pressed" onClick={go(s.url)}>
            <Text className="vol-card__title">{s.title}</Text>
            <Text className="vol-card__line">{s.blurb}</Text>
          </View>
        ))}
      </View>
    </PageRoot>
  )
}
