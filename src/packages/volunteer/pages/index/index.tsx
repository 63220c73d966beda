import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { halfHours } from '~types/volunteer-hours'
import { api } from '../../../../api/client'
import { LoadState } from '../../../../components/load-state'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { SECTIONS } from '../../lib/sections'
import '../../lib/volunteer.scss'

/** 志愿服务积分: my points and hours at a glance, then what I can do — report, serve, redeem. */
export default function VolunteerHome() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const account = useRemote(() => api.volunteer.account({}), ready)
  if (!ready) return <PageStatus session={session} />
  const isStaff = session.user!.roles.staff.some((g) => g.services.includes('volunteer'))
  return (
    <PageRoot className="volunteer">
      <Text className="page__title">志愿服务积分</Text>
      <Text className="page__lead">发现问题随手拍，参加志愿服务，积分可以兑换礼品</Text>
      <LoadState data={account.data} error={account.error} onRetry={() => void account.reload()} loadingText="正在查询积分…">
        {(a) => (
          <View className="vol-card">
            <View className="vol-balance">
              <Text className="vol-balance__number">{a.balance}</Text>
              <Text className="vol-balance__unit">分可用</Text>
            </View>
            <Text className="vol-card__line">{`本月获得 ${a.monthPoints} 分 · 累计获得 ${a.earnedTotal} 分`}</Text>
            <Text className="vol-card__line">
              {`志愿服务 ${halfHours(a.minutesConfirmed + a.minutesMakeUp)} 小时${a.minutesMakeUp ? `（含补录 ${halfHours(a.minutesMakeUp)} 小时）` : ''} · ${a.stars.stars ? `${a.stars.stars} 星志愿者` : '还没有星级'}`}
            </Text>
            {a.stars.next ? <Text className="vol-card__line">{`再服务 ${halfHours(a.stars.next.minutesLeft)} 小时升到 ${a.stars.stars + 1} 星（满 ${a.stars.next.hours} 小时）`}</Text> : null}
            {a.team ? <Text className="vol-card__line">{`所在队伍：${a.team.name}`}</Text> : null}
          </View>
        )}
      </LoadState>
      {SECTIONS.filter((s) => !s.staff || isStaff).map((s) => (
        <View key={s.key} className="vol-card" role="link" hoverClass="vol-card--pressed" onClick={() => void Taro.navigateTo({ url: s.url })}>
          <Text className="vol-card__title">{s.title}</Text>
          <Text className="vol-card__line">{s.blurb}</Text>
        </View>
      ))}
    </PageRoot>
  )
}
