import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { RewardDetail } from '~types/volunteer-mall.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { canWords, confirmWords, stockWords } from '../../lib/mall'
import { useRedeem } from '../../lib/use-redeem'
import '../../lib/mall.scss'

/** One reward: what it is, where and when to collect it, what it costs me — and redeem. */
export default function RewardPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const ready = !!session.user?.ready
  const reward = useRemote(() => api.volunteer.reward({ id }), ready && !!id)
  const { redeem, busy, problemFor } = useRedeem(() => void reward.reload())
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="mall">
      <LoadState data={reward.data} error={reward.error} onRetry={() => void reward.reload()} loadingText="正在读取礼品…">
        {(r) => <Reward reward={r} busy={busy === r.id} problem={problemFor(r.id)} onRedeem={() => void redeem(r, r.expiryDays)} />}
      </LoadState>
    </PageRoot>
  )
}

function Reward({ reward: r, busy, problem, onRedeem }: { reward: RewardDetail; busy: boolean; problem?: string; onRedeem: () => void }) {
  const open = r.availability === 'open'
  return (
    <>
      {r.picture ? <Image className="mall-card__pic mall-card__pic--large" src={r.picture} mode="aspectFit" /> : null}
      <Text className="page__title">{r.name}</Text>
      {r.description ? <Text className="page__lead">{r.description}</Text> : null}
      <View className="mall-card">
        <Text className="mall-card__cost">{`${r.cost} 分 · ${stockWords(r)}`}</Text>
        <Text className="mall-card__line mall-card__line--strong">{canWords(r, r.balance)}</Text>
        <Text className="mall-card__line">{`领取地点：${r.pickupPlace}`}</Text>
        {r.pickupHours ? <Text className="mall-card__line">{`领取时间：${r.pickupHours}`}</Text> : null}
        <Text className="mall-card__line">{`兑换后 ${r.expiryDays} 天内领取，过期没领积分退回`}</Text>
        <Text className="mall-card__line">{`兑换截止：${r.validUntil}`}</Text>
        <Text className="mall-card__line">{`我的积分：${r.balance} 分`}</Text>
      </View>
      {problem ? <Notice kind="warn">{problem}</Notice> : null}
      {open ? (
        <>
          <Text className="mall-card__line">{confirmWords(r, r.expiryDays)}</Text>
          <ActionButton busy={busy} busyText="正在兑换…" onClick={onRedeem}>
            {`兑换（${r.cost} 分）`}
          </ActionButton>
        </>
      ) : null}
    </>
  )
}
