import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { OFFER_STATUSES, type AcademyFigures, type OfferStatus } from '~types/academy.schema'
import type { StaffOffersPage } from '~types/academy.contract'
import { formatFen } from '~types/money'
import { regionLabel } from '~types/regions'
import { api } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { Pager } from '../../../../components/pager'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote, type Remote } from '../../../../hooks/use-remote'
import { newRequestId } from '../../../../api/client'
import { routes } from '../../../../routes'
import { academyDistricts } from '../../lib/staff'
import { OFFER_STATUS_SHORT, OFFER_STATUS_WORDS, levelWord, staffSeatWords, typeWord } from '../../lib/words'
import '../../lib/academy.scss'
import '../../lib/staff.scss'

type Row = StaffOffersPage['rows'][number]

const statusOptions = [{ value: '', label: '全部' }, ...OFFER_STATUSES.map((s) => ({ value: s, label: OFFER_STATUS_SHORT[s] }))]

/** 课程管理: the academy's figures, then the offers of the caller's districts — publish, close, open a class, edit. */
export default function ManagePage() {
  const session = useGuard()
  const districts = academyDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const [status, setStatus] = useState<OfferStatus | ''>('')
  const [page, setPage] = useState(1)
  const figures = useRemote(() => api.academy.figures({}), allowed)
  const offers = useRemote(() => api.academy.staffOffers({ ...(status ? { status } : {}), ...(page > 1 ? { page } : {}) }), allowed)
  const mounted = useRef(false)
  useEffect(() => {
    if (mounted.current && allowed) void offers.reload()
    mounted.current = true
  }, [status, page])

  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="课程管理只对学院工作人员开放">您没有江海新才学院的工作权限。如果您负责区县的学院工作，请联系管理员授权。</NoAccess>

  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <DeskPage title="课程管理" lead={`江海新才学院 · ${districts.map(regionLabel).join('、')}。新建的课程先存为草稿，发布后学员才能看到和报名。`}>
      <Figures figures={figures} />
      <View className="staff-toolbar">
        <ActionButton compact onClick={() => go(routes.academyEdit)}>
          新建课程
        </ActionButton>
        <ActionButton compact variant="secondary" onClick={() => go(routes.academyRules)}>
          补贴标准
        </ActionButton>
      </View>
      <View className="desk-page__section">
        <ChipGroup
          label="状态"
          options={statusOptions}
          value={status}
          onChange={(v) => {
            setStatus(v as OfferStatus | '')
            setPage(1)
          }}
        />
        <LoadState
          data={offers.data}
          error={offers.error}
          onRetry={() => void offers.reload()}
          loadingText="正在读取课程…"
          empty={{ when: (d) => d.rows.length === 0, title: status ? `没有${OFFER_STATUS_SHORT[status]}的课程` : '还没有课程', text: '点“新建课程”开一门。' }}
        >
          {(d) => (
            <>
              <Text className="academy__count">{`共 ${d.total} 门${d.total > d.pageSize ? `，第 ${d.page} / ${Math.ceil(d.total / d.pageSize)} 页` : ''}`}</Text>
              <View role="list" aria-label="课程">
                {d.rows.map((o) => (
                  <OfferRow key={o.id} offer={o} onChanged={() => void Promise.all([offers.reload(), figures.reload()])} />
                ))}
              </View>
              <Pager page={page} total={d.total} pageSize={d.pageSize} onPage={setPage} />
            </>
          )}
        </LoadState>
      </View>
    </DeskPage>
  )
}

function Figures({ figures }: { figures: Remote<AcademyFigures> }) {
  const f = figures.data
  return (
    <View className="desk-page__section">
      <LoadState data={f} error={figures.error} onRetry={() => void figures.reload()} loadingText="正在统计…">
        {(f) => (
          <View className="staff-figures" role="list" aria-label="学院数字">
            <Figure label="在读或已占名额" value={`${f.enrolled} 人`} />
            <Figure label="候补" value={`${f.waitlisted} 人`} />
            <Figure label="结业率" value={f.completionPct === null ? '还没有结束的课' : `${f.completionPct}%`} />
            <Figure label="本月批准补贴" value={`${f.subsidiesApprovedThisMonth} 笔，共 ${formatFen(f.subsidiesApprovedThisMonthFen)}`} />
          </View>
        )}
      </LoadState>
    </View>
  )
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className="staff-figure" role="listitem">
      <Text className="staff-figure__label">{label}</Text>
      <Text className="staff-figure__value">{value}</Text>
    </View>
  )
}

function OfferRow({ offer: o, onChanged }: { offer: Row; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const change = async (status: 'published' | 'closed') => {
    if (status === 'closed') {
      const { confirm } = await Taro.showModal({
        title: '关闭这门课程？',
        content: `关闭后“${o.title}”不再接受报名，也不再出现在学员的课程列表里；已经报名的学员不受影响。以后可以重新发布。`,
        confirmText: '关闭课程',
        cancelText: '不关闭',
      })
      if (!confirm) return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      await api.academy.setOfferStatus({ id: o.id, status }, { requestId: newRequestId() })
      void Taro.showToast({ title: status === 'published' ? '已发布' : '已关闭', icon: 'success' })
      onChanged()
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className={`offer staff-offer staff-offer--${o.status}`} role="listitem" aria-label={o.title}>
      <View className="offer__top">
        <View>
          <Text className="offer__type">{`${typeWord(o)}${o.skillLevel ? ` · ${levelWord(o.skillLevel)}` : ''}`}</Text>
          <Text className="offer__title">{o.title}</Text>
        </View>
        <Text className={`offer__state staff-status staff-status--${o.status}`}>{OFFER_STATUS_SHORT[o.status]}</Text>
      </View>
      <Text className="offer__line offer__line--strong">{OFFER_STATUS_WORDS[o.status]}</Text>
      <Text className="offer__line">{`${o.provider} · ${o.where}`}</Text>
      <Text className="offer__line">{`${staffSeatWords(o)} · 报名截止 ${o.enrolUntil}${o.firstDate ? ` · ${o.firstDate} 开课` : ''}`}</Text>
      {problem ? <Notice kind="warn">{problem}</Notice> : null}
      <View className="staff-actions">
        {o.status !== 'published' ? (
          <ActionButton compact busy={busy} busyText="正在发布…" onClick={() => void change('published')}>
            {o.status === 'closed' ? '重新发布' : '发布'}
          </ActionButton>
        ) : null}
        <ActionButton compact variant="secondary" onClick={() => void Taro.navigateTo({ url: `${routes.academyClass}?id=${o.id}` })}>
          班级和出勤
        </ActionButton>
        <ActionButton compact variant="secondary" onClick={() => void Taro.navigateTo({ url: `${routes.academyEdit}?id=${o.id}` })}>
          编辑
        </ActionButton>
        {o.status === 'published' ? (
          <ActionButton compact variant="danger" busy={busy} busyText="正在关闭…" onClick={() => void change('closed')}>
            关闭报名
          </ActionButton>
        ) : null}
      </View>
    </View>
  )
}
