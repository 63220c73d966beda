import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { MallView, RewardCard } from '~types/volunteer-mall.schema'
import { regionLabel } from '~types/regions'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { canWords, stockWords } from '../../lib/mall'
import { useRedeem } from '../../lib/use-redeem'
import '../../lib/mall.scss'

/** 积分商城: my points, then what my district offers for them — what I can have now first, what is gone last. */
export default function MallPage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const mall = useRemote(() => api.volunteer.mall({}), ready)
  const { redeem, busy, problemFor } = useRedeem(() => void mall.reload())
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="mall">
      <Text className="page__title">积分商城</Text>
      <LoadState
        data={mall.data}
        error={mall.error}
        onRetry={() => void mall.reload()}
        loadingText="正在读取礼品…"
      >
        {(m) => (
          <>
            <View className="mall-balance">
              <Text>我的积分</Text>
              <Text className="mall-balance__number">{m.balance}</Text>
              <Text>分</Text>
            </View>
            <Text className="page__lead">{`${regionLabel(m.district)}的礼品，兑换后请在 ${m.expiryDays} 天内到领取点出示领取码。`}</Text>
            <View className="mall-actions">
              <ActionButton compact variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.volunteerRedemptions })}>
                我的兑换和领取码
              </ActionButton>
            </View>
            {m.rows.length === 0 ? (
              <Notice title="暂时没有可以兑换的礼品">所在区县上架礼品后会显示在这里。多参加志愿服务、随手拍，先把积分攒起来。</Notice>
            ) : (
              <View role="list" aria-label="礼品">
                {m.rows.map((r) => (
                  <RewardRow key={r.id} reward={r} mall={m} busy={busy === r.id} problem={problemFor(r.id)} onRedeem={() => void redeem(r, m.expiryDays)} />
                ))}
              </View>
            )}
          </>
        )}
      </LoadState>
    </PageRoot>
  )
}

function RewardRow({ reward: r, mall, busy, problem, onRedeem }: { reward: RewardCard; mall: MallView; busy: boolean; problem?: string; onRedeem: () => void }) {
  const open = r.availability === 'open'
  const badge = r.availability === 'soldOut' || r.availability === 'ended' ? 'off' : open ? 'good' : 'wait'
  return (
    <View className={`mall-card${open ? '' : ' mall-card--muted'}`} role="listitem" aria-label={r.name}>
      <View className="mall-card__top" hoverClass="mall-card--pressed" onClick={() => void Taro.navigateTo({ url: `${routes.volunteerReward}?id=${encodeURIComponent(r.id)}` })}>
        {r.picture ? <Image className="mall-card__pic" src={r.picture} mode="aspectFill" /> : null}
        <View className="mall-card__main">
          <Text className="mall-card__title">{r.name}</Text>
          <Text className="mall-card__cost">{`${r.cost} 分`}</Text>
          <Text className="mall-card__line">{`领取：${r.pickupPlace}`}</Text>
        </View>
      </View>
      <View className="mall-card__head">
        <Text className={`mall-badge mall-badge--${badge}`}>{stockWords(r)}</Text>
        <Text className="mall-card__line mall-card__line--strong">{canWords(r, mall.balance)}</Text>
      </View>
      {problem ? <Notice kind="warn">{problem}</Notice> : null}
      {open ? (
        <View className="mall-actions">
          <ActionButton compact busy={busy} busyText="正在兑换…" onClick={onRedeem}>
            {`兑换（${r.cost} 分）`}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}
