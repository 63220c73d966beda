import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '~types/format'
import { spacedCode, type RedemptionView } from '~types/volunteer-mall.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { redemptionWords, STATE_WORDS } from '../../lib/mall'
import { PickupQr } from '../../lib/pickup-qr'
import '../../lib/mall.scss'

const BADGE: Record<RedemptionView['state'], string> = { waiting: 'wait', picked: 'good', expired: 'off' }

/** 我的兑换: each code large enough to read out and as a QR code to scan, while it waits; then what became of it. */
export default function RedemptionsPage() {
  const session = useGuard()
  const { params } = useRouter()
  const ready = !!session.user?.ready
  const list = useRemote(() => api.volunteer.redemptions({}), ready)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="mall">
      <Text className="page__title">我的兑换</Text>
      <LoadState
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在读取兑换记录…"
        empty={{ when: (d) => d.rows.length === 0, title: '还没有兑换过礼品', text: '在积分商城用积分兑换，领取码会显示在这里。' }}
      >
        {(d) => {
          // The one just redeemed first, then those still to collect, then the rest by date.
          const rows = [...d.rows].sort((a, b) => Number(b.id === params.id) - Number(a.id === params.id) || Number(b.state === 'waiting') - Number(a.state === 'waiting'))
          return (
            <View role="list" aria-label="兑换记录">
              {rows.map((r) => (
                <Redemption key={r.id} r={r} />
              ))}
            </View>
          )
        }}
      </LoadState>
      <ActionButton variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.volunteerMall })}>
        去积分商城
      </ActionButton>
    </PageRoot>
  )
}

function Redemption({ r }: { r: RedemptionView }) {
  const waiting = r.state === 'waiting'
  return (
    <View className={`mall-card${waiting ? '' : ' mall-card--muted'}`} role="listitem" aria-label={`${r.rewardName} ${STATE_WORDS[r.state]}`}>
      <View className="mall-card__head">
        <Text className="mall-card__title">{r.rewardName}</Text>
        <Text className={`mall-badge mall-badge--${BADGE[r.state]}`}>{`${r.state === 'picked' ? '✓ ' : ''}${STATE_WORDS[r.state]}`}</Text>
      </View>
      <Text className="mall-card__line">{`${r.cost} 分 · ${formatDateTime(r.createdAt)} 兑换`}</Text>
      {waiting ? (
        <>
          <Text className="mall-card__line">领取码</Text>
          <Text className="mall-code" aria-label={`领取码 ${r.code.split('').join(' ')}`}>{spacedCode(r.code)}</Text>
          <PickupQr code={r.code} />
        </>
      ) : (
        <Text className="mall-code mall-code--faded">{spacedCode(r.code)}</Text>
      )}
      <Text className="mall-card__line mall-card__line--strong">{redemptionWords(r)}</Text>
    </View>
  )
}
