import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { PaymentView, PolicyView } from '~types/insurance.schema'
import { formatFen } from '~types/money'
import { api } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { InfoRow } from '../../lib/info-row'
import { periodWords, policyStateWords } from '../../lib/words'
import '../../lib/insurance.scss'

/** What the page shows: the order, and once paid the policy it issued. */
interface State {
  payment: PaymentView
  policy: PolicyView | null
}

async function load(id: string): Promise<State> {
  const payment = await api.insurance.pay({ applicationId: id })
  return { payment, policy: payment.policyId ? await policyOf(payment.policyId) : null }
}

async function policyOf(id: string): Promise<PolicyView | null> {
  return (await api.insurance.policies({})).find((p) => p.id === id) ?? null
}

/** 缴费: an approved enrolment's premium — WeChat Pay in the app; locally a sandbox that says so. */
export default function PayPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const ready = !!session.user?.ready
  const state = useRemote(() => load(id), ready && !!id)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="insurance-pay">
      <Text className="page__title">缴纳保费</Text>
      <LoadState data={state.data} error={state.error} onRetry={() => void state.reload()} loadingText="正在查询缴费信息…">
        {(s) => <Pay state={s} onPaid={(next) => state.setData(() => next)} />}
      </LoadState>
    </PageRoot>
  )
}

/** After WeChat says paid, the policy waits for WeChat's callback to the server: asked again at these delays (ms). */
const CONFIRM_DELAYS_MS = [0, 1000, 1500, 2000, 3000, 4000]
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function Pay({ state: { payment, policy }, onPaid }: { state: State; onPaid: (s: State) => void }) {
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string>()
  // Two taps before the first answer: one call (the server would issue one policy anyway).
  const inflight = useRef(false)
  const done = async (p: PaymentView) => onPaid({ payment: p, policy: p.policyId ? await policyOf(p.policyId) : null })

  const run = async (what: () => Promise<void>) => {
    if (inflight.current) return
    inflight.current = true
    setBusy(true)
    setProblem(undefined)
    try {
      await what()
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      inflight.current = false
      setBusy(false)
      setConfirming(false)
    }
  }

  const sandboxPay = () =>
    run(async () => {
      // The order id as the request id: a retry after a lost answer replays, never pays twice.
      await done(await api.insurance.sandboxPaid({ orderId: payment.orderId }, { requestId: `sandbox-pay-${payment.orderId}` }))
      void Taro.showToast({ title: '已缴费', icon: 'success' })
    })

  const wechatPay = () =>
    run(async () => {
      // Asked afresh at the tap: the server reuses the order's prepay (valid 2 h) or renews it, never a second order.
      const fresh = await api.insurance.pay({ applicationId: payment.orderId })
      if (fresh.state === 'paid') return done(fresh)
      if (!fresh.wechatPay) return setProblem('微信支付暂时不能用，钱没有扣，请稍后再试。')
      try {
        await Taro.requestPayment({ ...fresh.wechatPay })
      } catch (e) {
        const msg = (e as { errMsg?: string }).errMsg ?? ''
        if (/cancel/i.test(msg)) return setProblem('您取消了支付，保费还没有交，钱没有扣。需要时再点“微信支付”。')
        return setProblem('支付没有成功，钱没有扣。请稍后再试。')
      }
      // WeChat took the money; the policy is issued when its callback reaches the server, which can lag a little.
      setConfirming(true)
      for (const wait of CONFIRM_DELAYS_MS) {
        await sleep(wait)
        const now = await api.insurance.pay({ applicationId: payment.orderId })
        if (now.state === 'paid') {
          await done(now)
          void Taro.showToast({ title: '已缴费', icon: 'success' })
          return
        }
      }
      setProblem('微信已经付款成功的话，不用再付：保单几分钟内就会出来，稍后在“我的保障”里查看。')
    })

  if (payment.state === 'paid') {
    return (
      <>
        <Notice title="保费已缴，保单已出">{`已缴 ${formatFen(payment.amountFen)}。出险时凭保单号报案，保单随时可以在“我的保障”里看。`}</Notice>
        {policy ? (
          <View className="ins-card policy" role="group" aria-label={`保单 ${policy.number}`}>
            <View className="ins-card__top">
              <Text className="ins-card__title">{policy.schemeName}</Text>
              <Text className="ins-badge ins-badge--wait">{policyStateWords(policy)}</Text>
            </View>
            <InfoRow label="保单号">{policy.number}</InfoRow>
            <InfoRow label="保险公司">{policy.insurer}</InfoRow>
            <InfoRow label="保障期间">{periodWords(policy)}</InfoRow>
            <InfoRow label="最高赔付">{`每年 ${formatFen(policy.annualCapFen)}`}</InfoRow>
          </View>
        ) : (
          <Text className="page__lead">保单正在出，稍后在“我的保障”里就能看到。</Text>
        )}
        <ActionButton variant="secondary" onClick={() => void Taro.redirectTo({ url: routes.insurance })}>回到我的保障</ActionButton>
      </>
    )
  }
  return (
    <>
      <View className="ins-card">
        <InfoRow label="应缴">{`${formatFen(payment.amountFen)}（一年）`}</InfoRow>
        <InfoRow label="生效">缴费后第二天零点起，保障一年</InfoRow>
      </View>
      {problem ? (
        <View role="alert">
          <Notice kind="warn">{problem}</Notice>
        </View>
      ) : null}
      {payment.sandbox ? (
        <>
          <Notice kind="sandbox" title="沙箱支付（本地演示）：不会真的扣款">这里代替微信支付，用来演示缴费后出保单。正式版本会打开微信支付。</Notice>
          <ActionButton busy={busy} busyText="正在出保单…" onClick={() => void sandboxPay()}>模拟支付成功</ActionButton>
        </>
      ) : (
        <>
          {confirming ? (
            <View role="status">
              <Text className="page__lead">正在确认支付结果…</Text>
            </View>
          ) : null}
          <ActionButton busy={busy} busyText={confirming ? '请稍候…' : '正在打开微信支付…'} onClick={() => void wechatPay()}>{`微信支付 ${formatFen(payment.amountFen)}`}</ActionButton>
        </>
      )}
    </>
  )
}
