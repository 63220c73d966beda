import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatCredits } from '~types/academy.schema'
import { api } from '../../../../api/client'
import { LoadState } from '../../../../components/load-state'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { creditWords } from '../../lib/words'
import '../../lib/academy.scss'

/** 成绩单: every module's credits by programme year, and whether each year is complete (its tuition subsidy). */
export default function TranscriptPage() {
  const session = useGuard()
  const { params } = useRouter()
  const ready = !!session.user?.ready
  const t = useRemote(() => api.academy.transcript({ enrolmentId: params.id ?? '' }), ready)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="transcript">
      <LoadState data={t.data} error={t.error} onRetry={() => void t.reload()} loadingText="正在加载成绩单…">
        {(d) => (
          <>
            <Text className="page__title">{d.enrolment.offerTitle}</Text>
            <Text className="page__lead">{`${d.holderName} · ${creditWords(d.enrolment) ?? ''}`}</Text>
            {d.byYear.map((y) => (
              <View key={y.yearNo} className="academy-card" role="region" aria-label={`第 ${y.yearNo} 学年`}>
                <View className="offer__top">
                  <Text className="offer__title">{`第 ${y.yearNo} 学年`}</Text>
                  <Text className={`offer__state offer__state--${y.complete ? 'completed' : 'seated'}`}>{y.complete ? '已修满' : '未修满'}</Text>
                </View>
                <Text className="offer__line">{`${formatCredits(y.credits)} / ${formatCredits(y.required)} 学分${y.complete ? '，可以申请这一学年的学费补贴' : ''}`}</Text>
                {d.entries.filter((e) => e.yearNo === y.yearNo).map((e) => (
                  <View key={e.key} className="academy-card__row">
                    <Text className="academy-card__value">{e.module}</Text>
                    <Text className="academy-card__label">{`${formatCredits(e.credits)} 学分`}</Text>
                  </View>
                ))}
              </View>
            ))}
          </>
        )}
      </LoadState>
    </PageRoot>
  )
}
