import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ApplicationView } from '~types/application.schema'
import type { CoverageItem, CoverageView, InsuranceEnrolmentPayload, PolicyView } from '~types/insurance.schema'
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
import { canRenew, COVERAGE_STATE_WORDS, coversNow, periodWords, policyStateWords, ruleWords } from '../../lib/words'
import { schemeKeyOf } from '../../lib/scheme'
import '../../lib/insurance.scss'

const OPEN = ['submitted', 'inReview', 'needsMore', 'resubmitted']

interface Mine {
  coverage: CoverageView
  policies: PolicyView[]
  /** Approved enrolments whose premium is still unpaid. */
  toPay: ApplicationView[]
  /** Enrolments still being reviewed, by scheme key. */
  pending: Map<string, ApplicationView>
}

async function load(): Promise<Mine> {
  const [coverage, policies, apps] = await Promise.all([api.insurance.coverage({}), api.insurance.policies({}), api.application.listMine({})])
  const enrolments = apps.filter((a) => a.kind === 'insuranceEnrolment')
  const approved = enrolments.filter((a) => a.status === 'approved')
  const states = await Promise.all(
    approved.map((a) =>
      api.insurance.pay({ applicationId: a.id }).then(
        (p) => p.state,
        // In production without a merchant the server refuses to pay — the premium is still owed: the pay page says why.
        (e) => (toApiError(e).code === 'NOT_AVAILABLE' ? ('unpaid' as const) : null),
      ),
    ),
  )
  const pending = new Map<string, ApplicationView>()
  for (const a of enrolments) if (OPEN.includes(a.status)) pending.set((a.payload as Partial<InsuranceEnrolmentPayload>).schemeKey ?? '', a)
  return { coverage, policies, toPay: approved.filter((_, i) => states[i] === 'unpaid'), pending }
}

/** A policy names its scheme, not its key: the scheme in force of that name. */
const keyOfName = (c: CoverageView, name: string) => {
  const item = c.items.find((i) => i.name === name)
  return item ? schemeKeyOf(item) : null
}

const go = (url: string) => void Taro.navigateTo({ url })

/** 我的保障: am I covered, by what, what it pays and costs — and 一键报案 first, for the day it is needed. */
export default function InsurancePage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const mine = useRemote(load, ready)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="insurance">
      <Text className="page__title">我的保障</Text>
      <Text className="page__lead">我有没有保障？下面按您的个人信息一项一项说清楚。</Text>
      <LoadState data={mine.data} error={mine.error} onRetry={() => void mine.reload()} loadingText="正在查您的保障…">
        {(d) => <Body mine={d} />}
      </LoadState>
    </PageRoot>
  )
}

function Body({ mine: { coverage, policies, toPay, pending } }: { mine: Mine }) {
  const covering = coverage.items.filter((i) => coversNow(i, policies))
  const b = coverage.basis
  // An approved enrolment waiting for its premium is as good as pending for its scheme: no second 参保 button.
  const toPayByKey = new Map(toPay.map((a) => [(a.payload as Partial<InsuranceEnrolmentPayload>).schemeKey ?? '', a]))
  return (
    <>
      {covering.length ? (
        <View className="ins-report">
          <View className="ins-report__button" role="button" hoverClass="ins-report__button--pressed" onClick={() => go(routes.insuranceReport)}>
            一键报案
          </View>
          <Text className="ins-report__sub">干活时受了伤？先报案，照片、票据可以之后再补。</Text>
        </View>
      ) : (
        <NotCovered stage={policies.some((p) => p.state === 'upcoming') ? 'upcoming' : toPay.length ? 'toPay' : pending.size ? 'pending' : 'none'} />
      )}

      {toPay.map((a) => {
        const p = a.payload as Partial<InsuranceEnrolmentPayload>
        return (
          <View key={a.id} className="ins-card" role="group" aria-label="待缴费">
            <View className="ins-card__top">
              <Text className="ins-card__title">{p.schemeName ?? '参保申请'}</Text>
              <Text className="ins-badge ins-badge--wait">待缴费</Text>
            </View>
            <Text className="ins-card__line ins-card__line--strong">{`参保申请已通过，缴 ${typeof p.premiumFen === 'number' ? formatFen(p.premiumFen) : '保费'} 后，第二天零点起保障一年。`}</Text>
            <ActionButton onClick={() => go(`${routes.insurancePay}?id=${encodeURIComponent(a.id)}`)}>去缴费</ActionButton>
          </View>
        )
      })}

      {policies.length ? (
        <>
          <Text className="section-title">我的保单</Text>
          {policies.map((p) => {
            const key = keyOfName(coverage, p.schemeName) ?? ''
            return <Policy key={p.id} p={p} schemeKey={key || null} renewing={pending.get(key) ?? toPayByKey.get(key)} />
          })}
        </>
      ) : null}

      {/* Not “能参加的”: the list also holds what covers them already and what they cannot join, each badge says which. */}
      <Text className="section-title">有哪些保障</Text>
      {coverage.items.length ? (
        coverage.items.map((i) => <Scheme key={i.schemeId} item={i} policies={policies} pending={pending.get(schemeKeyOf(i))} toPay={toPayByKey.get(schemeKeyOf(i))} />)
      ) : (
        <Text className="page__lead">您所在的地区暂时没有可以参加的职业伤害保障。</Text>
      )}

      <View className="ins-card" role="group" aria-label="判断依据">
        <Text className="ins-card__line ins-card__line--strong">以上是按您填的个人信息判断的：</Text>
        <InfoRow label="职业">{b.occupation}</InfoRow>
        <InfoRow label="平台">{b.platform || '没有填'}</InfoRow>
        <InfoRow label="地区">{b.regionLabel}</InfoRow>
        <View className="ins-links">
          <View className="ins-link" role="link" onClick={() => go(routes.profile)}>信息不对？修改个人信息 ›</View>
        </View>
      </View>
    </>
  )
}

/**
 * Where 一键报案 stands when nothing covers the worker yet: why it is missing and what to do if hurt today — a rider
 * looking for the report button should not have to guess that the page has none for them.
 */
function NotCovered({ stage }: { stage: 'upcoming' | 'toPay' | 'pending' | 'none' }) {
  const later = '在那之前受了伤，请打 12333 咨询。'
  if (stage === 'upcoming') return <Notice title="保单还没生效">{`保单生效那天零点起，这里会出现“一键报案”。${later}`}</Notice>
  if (stage === 'toPay') return <Notice title="参保还差缴费">{`缴费后第二天零点起，就能在这里一键报案。${later}`}</Notice>
  if (stage === 'pending') return <Notice title="参保还在审核">{`审核通过并缴费后，第二天零点起就能在这里一键报案。${later}`}</Notice>
  return <Notice title="您现在还没有能报案的保障">在下面看看能参加哪个保障。在平台接单时受了伤，平台会为您报案；不清楚的可以打 12333 咨询。</Notice>
}

/** A policy the worker holds: what a claim draws on, and when it ends. */
function Policy({ p, schemeKey, renewing }: { p: PolicyView; schemeKey: string | null; renewing?: ApplicationView }) {
  const renew = canRenew(p)
  return (
    <View className={`ins-card policy${p.state === 'expired' ? ' ins-card--muted' : ''}`} role="group" aria-label={`保单 ${p.number}`}>
      <View className="ins-card__top">
        <Text className="ins-card__title">{p.schemeName}</Text>
        <Text className={`ins-badge ${p.state === 'active' ? 'ins-badge--good' : p.state === 'upcoming' ? 'ins-badge--wait' : ''}`}>{policyStateWords(p)}</Text>
      </View>
      <InfoRow label="保单号">{p.number}</InfoRow>
      <InfoRow label="保险公司">{p.insurer}</InfoRow>
      <InfoRow label="保障期间">{periodWords(p)}</InfoRow>
      <InfoRow label="保费">{`${formatFen(p.premiumFen)}/年`}</InfoRow>
      <InfoRow label="最高赔付">{`每年 ${formatFen(p.annualCapFen)}，还剩 ${formatFen(p.capLeftFen)}`}</InfoRow>
      {p.state === 'active' && p.daysLeft !== null ? (
        <Text className={`ins-card__line${renew ? ' ins-card__line--strong' : ''}`}>{renew ? `还有 ${p.daysLeft} 天到期，现在续保不断保` : `还有 ${p.daysLeft} 天到期`}</Text>
      ) : null}
      {renew && renewing ? (
        <Text className="ins-card__line">{renewing.status === 'approved' ? `续保已通过（${renewing.caseNo}），请在上面缴费` : `已申请续保（${renewing.caseNo}），审核通过后缴费`}</Text>
      ) : null}
      {renew && schemeKey && !renewing ? <ActionButton onClick={() => go(`${routes.insuranceEnrol}?scheme=${encodeURIComponent(schemeKey)}`)}>续保</ActionButton> : null}
    </View>
  )
}

function Scheme({ item: i, policies, pending, toPay }: { item: CoverageItem; policies: PolicyView[]; pending?: ApplicationView; toPay?: ApplicationView }) {
  const mine = i.kind === 'pilot' ? i.state === 'coveredByPlatform' : i.state === 'canEnrol'
  const held = policies.find((p) => p.schemeName === i.name && p.state !== 'expired')
  // Renewal is the policy card's button; here only joining.
  const enrol = i.state === 'canEnrol' && !pending && !toPay && !held
  return (
    <View className={`ins-card scheme${mine ? '' : ' ins-card--muted'}`} role="group" aria-label={i.name}>
      <View className="ins-card__top">
        <Text className="ins-card__title">{i.name}</Text>
        {/* Where the worker's own application stands outranks “可以参加”, which they have done already. */}
        <Text className={`ins-badge${i.state === 'coveredByPlatform' || held ? ' ins-badge--good' : i.state === 'canEnrol' ? ' ins-badge--wait' : ''}`}>
          {held ? '✓ 已参保' : toPay ? '待缴费' : pending ? '审核中' : COVERAGE_STATE_WORDS[i.state]}
        </Text>
      </View>
      <Text className="ins-card__headline">{held ? `您已参保（保单 ${held.number}），${policyStateWords(held)}。` : i.headline}</Text>
      <InfoRow label="费用">{i.cost}</InfoRow>
      {i.cap ? <InfoRow label="最高赔付">{i.cap}</InfoRow> : null}
      <InfoRow label="保什么">{i.benefits}</InfoRow>
      <InfoRow label="经办">{i.insurer}</InfoRow>
      {mine ? (
        <View className="ins-card__list">
          <Text className="ins-card__line ins-card__line--strong">受伤后怎么报：</Text>
          {ruleWords(i.claimRules).map((r) => (
            <Text key={r} className="ins-card__bullet">{`· ${r}`}</Text>
          ))}
        </View>
      ) : null}
      {pending ? (
        <View className="ins-links">
          <View className="ins-link" role="link" onClick={() => go(`${routes.applicationDetail}?id=${encodeURIComponent(pending.id)}`)}>{`已申请参保（${pending.caseNo}），看进度 ›`}</View>
        </View>
      ) : null}
      {toPay && !held ? <Text className="ins-card__line ins-card__line--strong">{`参保申请已通过（${toPay.caseNo}），缴费后生效：请点上面的“去缴费”。`}</Text> : null}
      {enrol ? <ActionButton onClick={() => go(`${routes.insuranceEnrol}?scheme=${encodeURIComponent(schemeKeyOf(i))}`)}>参保</ActionButton> : null}
    </View>
  )
}
