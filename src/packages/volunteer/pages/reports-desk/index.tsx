import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { staffDistricts } from '~types/roles'
import type { ReportFiguresRow } from '~types/volunteer-report.schema'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import './index.scss'

/** `12 分钟`, `3 小时 5 分`, `2 天 4 小时`: a response time as staff say it. */
export function minutesWords(m: number): string {
  if (m < 60) return `${m} 分钟`
  if (m < 24 * 60) return `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分` : ''}`
  const h = Math.round(m / 60)
  return `${Math.floor(h / 24)} 天${h % 24 ? ` ${h % 24} 小时` : ''}`
}

/**
 * 随手拍受理情况: this month at the caller's volunteer desks — what came in, how fast it was accepted (the figure a
 * report is judged by), what was handled or rejected, the points credited. The reports themselves are in 工作台.
 */
export default function ReportsDeskPage() {
  const session = useGuard()
  const allowed = !!session.user?.ready && staffDistricts(session.user, 'volunteer').length > 0
  const figures = useRemote(() => api.volunteer.reportFigures({}), allowed)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="随手拍受理情况只对志愿服务工作人员开放">您没有志愿服务的工作权限。如果您负责区县的志愿服务工作，请联系管理员授权。</NoAccess>
  return (
    <DeskPage title="随手拍受理情况" lead="本月（北京时间）各区县收到和办理随手拍的情况。报告在工作台里受理、转交和处理。">
      <LoadState data={figures.data} error={figures.error} onRetry={() => void figures.reload()} loadingText="正在统计…">
        {(f) => (
          <>
            {f.rows.map((r) => (
              <DistrictFigures key={r.district} row={r} month={f.month} />
            ))}
          </>
        )}
      </LoadState>
      <ActionButton variant="secondary" onClick={() => void Taro.navigateTo({ url: routes.workbench })}>去工作台处理随手拍</ActionButton>
    </DeskPage>
  )
}

function DistrictFigures({ row: r, month }: { row: ReportFiguresRow; month: string }) {
  return (
    <View className="rd-district" role="region" aria-label={r.regionLabel}>
      <Text className="rd-district__title">{`${r.regionLabel} · ${Number(month.slice(5))} 月`}</Text>
      <View className="rd-figures" role="list">
        <Figure label="本月收到" value={`${r.received} 件`} />
        <Figure label="已受理" value={`${r.accepted} 件`} />
        <Figure label="等待受理" value={`${r.waiting} 件`} warn={r.waiting > 0} />
        <Figure label="受理用时（中位数）" value={r.responseMinutes ? minutesWords(r.responseMinutes.median) : '—'} />
        <Figure label="受理用时（九成以内）" value={r.responseMinutes ? minutesWords(r.responseMinutes.p90) : '—'} />
        <Figure label="本月已处理" value={`${r.handled} 件`} />
        <Figure label="处理用时（中位数）" value={r.handledMedianMinutes === null ? '—' : minutesWords(r.handledMedianMinutes)} />
        <Figure label="未采纳（含重复）" value={`${r.rejected} 件`} />
        <Figure label="本月记积分" value={`${r.pointsThisMonth} 分`} />
      </View>
    </View>
  )
}

function Figure({ label, value, warn }: { label: string; value: string; warn?: boolean }) {
  return (
    <View className={`rd-figure${warn ? ' rd-figure--warn' : ''}`} role="listitem">
      <Text className="rd-figure__label">{label}</Text>
      <Text className="rd-figure__value">{warn ? `⚠ ${value}` : value}</Text>
    </View>
  )
}
