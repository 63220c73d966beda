import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { KINDS, STATUS_LABELS, type ReviewView } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import { api } from '../../../../api/client'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { ActionButton } from '../../../../components/action-button'
import { ReviewActions } from './actions'
import { REVIEW_KINDS } from '../../kinds'
import { ApplicantSection, AttachmentsSection, ClockSection, RequestSection, TimelineSection } from './sections'
import './index.scss'

/** One application as a reviewer sees it: the request, the applicant, attachments, the clock, the trail, the steps. */
export default function DetailPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const isStaff = !!session.user?.ready && session.user.roles.staff.length > 0
  const detail = useRemote(() => api.application.detail({ id }), isStaff && !!id)
  const [conflict, setConflict] = useState<string>()

  if (!session.user?.ready) return <PageStatus session={session} />
  if (!isStaff) {
    return (
      <NoAccess title="工作台只对工作人员开放">
        您还不是工作人员。如果您在区县负责新就业群体服务，请联系管理员为您授权。
      </NoAccess>
    )
  }

  const done = (view: ReviewView, toast: string) => {
    setConflict(undefined)
    detail.setData(() => view)
    void Taro.showToast({ title: toast, icon: 'success' })
  }
  const clash = (message: string) => {
    setConflict(message)
    void detail.reload()
  }
  // Opened from a link or a refreshed tab there is no queue page behind this one to go back to.
  const back = () => {
    if (params.from === 'queue') void Taro.navigateBack()
    else void Taro.redirectTo({ url: routes.workbench })
  }

  return (
    <DeskPage title="申请详情">
      <View className="detail__back">
        <ActionButton compact variant="secondary" onClick={back}>
          ‹ 返回队列
        </ActionButton>
      </View>
      {!id ? <Notice kind="warn">缺少申请编号，请从工作台的队列打开。</Notice> : null}
      <LoadState data={detail.data} error={detail.error} onRetry={() => void detail.reload()} loadingText="正在加载申请…">
        {(view) => {
          const Extra = REVIEW_KINDS[view.kind].ExtraActions
          return (
          <>
            <View className="detail-head">
              <View className="detail-head__line">
                <Text className="detail-head__case">{view.caseNo}</Text>
                <Text className={`status status--${view.status}`}>{STATUS_LABELS[view.status]}</Text>
                {view.urgent ? <Text className="tag tag--urgent">⚠ 紧急</Text> : null}
              </View>
              <Text className="detail-head__summary">{view.summary}</Text>
              <Text className="detail-head__meta">{`${KINDS[view.kind].label} · ${view.applicant.regionLabel} · 提交于 ${formatDateTime(view.createdAt)}`}</Text>
            </View>
            {conflict ? (
              <View role="alert">
                <Notice kind="warn" title={`没有办理成功：${conflict}`}>页面已更新为最新内容，请核对后再操作。</Notice>
              </View>
            ) : null}
            <View className="detail">
              <View className="detail__main">
                <RequestSection view={view} />
                <ApplicantSection view={view} onRevealed={() => void detail.reload()} />
                <AttachmentsSection files={view.files} />
                <TimelineSection entries={view.timeline} />
              </View>
              <View className="detail__side">
                <ClockSection view={view} now={new Date()} />
                <ReviewActions key={view.id} view={view} onDone={done} onConflict={clash} />
                {Extra ? <Extra key={`extra-${view.id}`} view={view} onDone={(toast) => { void Taro.showToast({ title: toast, icon: 'success' }); void detail.reload() }} /> : null}
              </View>
            </View>
          </>
          )
        }}
      </LoadState>
    </DeskPage>
  )
}
