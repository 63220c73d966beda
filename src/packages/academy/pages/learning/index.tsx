import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SKILL_LEVEL_LABELS, type CertificateView, type EnrolmentView } from '~types/academy.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { creditWords, enrolmentWords, sessionWords } from '../../lib/words'
import '../../lib/academy.scss'

/** 我的学习: my courses and programmes (next class, attendance, credits), my certificates and their subsidies. */
export default function LearningPage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const learning = useRemote(() => api.academy.learning({}), ready)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="learning">
      <Text className="page__title">我的学习</Text>
      <LoadState data={learning.data} error={learning.error} onRetry={() => void learning.reload()} loadingText="正在加载…">
        {(d) => (
          <>
            <Text className="section-title">课程</Text>
            {d.enrolments.length ? d.enrolments.map((e) => <Enrolment key={e.id} e={e} />) : <Text className="page__lead">还没有报名。去学院首页挑一门有空就能上的课。</Text>}
            <ActionButton variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.academy })}>
              去找课程
            </ActionButton>
            <Text className="section-title">证书</Text>
            {d.certificates.length ? d.certificates.map((c) => <Certificate key={c.id} c={c} />) : <Text className="page__lead">学院发的证书会自动出现在这里。</Text>}
            <ActionButton variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.academyCertificate })}>
              添加在别处考的证书
            </ActionButton>
          </>
        )}
      </LoadState>
    </PageRoot>
  )
}

function Enrolment({ e }: { e: EnrolmentView }) {
  const credits = creditWords(e)
  const open = () => void Taro.navigateTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(e.applicationId)}` })
  return (
    <View className="academy-card" role="group" aria-label={e.offerTitle}>
      <View className="offer__top">
        <Text className="offer__title">{e.offerTitle}</Text>
        <Text className={`offer__state offer__state--${e.state}`}>{enrolmentWords(e)}</Text>
      </View>
      {e.nextSession ? <Text className="offer__line">{`下次课：${sessionWords(e.nextSession)}`}</Text> : null}
      {e.sessionsTotal ? <Text className="offer__line">{`出勤 ${e.sessionsAttended} / ${e.sessionsTotal} 次`}</Text> : null}
      {credits ? <Text className="offer__line offer__line--strong">{credits}</Text> : null}
      {e.certificateId ? <Text className="offer__line">{`已发证书 ${e.certificateId}`}</Text> : null}
      <View className="academy-card__links">
        <View className="link" role="link" onClick={open}>{`报名进度（${e.caseNo}）›`}</View>
        {e.creditsRequired !== null ? (
          <View className="link" role="link" onClick={() => void Taro.navigateTo({ url: `${routes.academyTranscript}?id=${encodeURIComponent(e.id)}` })}>
            成绩单 ›
          </View>
        ) : null}
        {e.creditsRequired !== null && (e.state === 'enrolled' || e.state === 'completed') ? (
          <View className="link" role="link" onClick={() => void Taro.navigateTo({ url: `${routes.academySubsidy}?enrolment=${encodeURIComponent(e.id)}` })}>
            申请学费补贴 ›
          </View>
        ) : null}
      </View>
    </View>
  )
}

function Certificate({ c }: { c: CertificateView }) {
  const window = c.daysLeft >= 0 ? `还有 ${c.daysLeft} 天可申请技能提升补贴（${c.subsidyUntil} 截止）` : `技能提升补贴已在 ${c.subsidyUntil} 截止`
  return (
    <View className="academy-card" role="group" aria-label={`${c.occupation}证书`}>
      <Text className="offer__title">{`${c.occupation} ${SKILL_LEVEL_LABELS[c.level]}`}</Text>
      <Text className="offer__line">{`编号 ${c.number} · ${c.issuedOn} · ${c.issuer}`}</Text>
      {c.claim ? (
        <Text className="offer__line offer__line--strong">{`已申请补贴（${c.claim.caseNo}，${c.claim.state === 'approved' ? '已批准' : '审核中'}）`}</Text>
      ) : (
        <Text className={`offer__line offer__line--strong${c.daysLeft >= 0 && c.daysLeft <= 30 ? ' offer__line--alert' : ''}`}>{window}</Text>
      )}
      <View className="academy-card__links">
        {!c.claim && c.daysLeft >= 0 ? (
          <View className="link" role="link" onClick={() => void Taro.navigateTo({ url: `${routes.academySubsidy}?certificate=${encodeURIComponent(c.id)}` })}>
            看看能补多少 ›
          </View>
        ) : null}
        <View className="link" role="link" onClick={() => void Taro.navigateTo({ url: `${routes.academyVerify}?number=${encodeURIComponent(c.number)}` })}>
          出示核验页 ›
        </View>
      </View>
    </View>
  )
}
