import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { APPLICATION_KINDS, KINDS, QUEUE_ANY_STATUS, STATUSES, STATUS_LABELS, type ApplicationKind, type QueueFigures, type QueuePage, type QueueRow, type Status } from '~types/application.schema'
import { api } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { Pager } from '../../../../components/pager'
import { ChipGroup } from '../../../../components/chip-group'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { TextField } from '../../../../components/text-field'
import { DRAFT_PREFIX, useDraft } from '../../../../hooks/use-draft'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { csvFileName, queueCsv } from '../../lib/csv'
import { EXPORT_MAX_PAGES, downloadText, fetchAllRows, type QueueFilter } from '../../lib/export'
import { deadlineWords, dueSoonLabel } from '../../lib/words'
import { Weekly } from './weekly'

const isH5 = process.env.TARO_ENV === 'h5'

interface Filters {
  kind: '' | ApplicationKind
  /** '': every open one (the default); `any`: decided and closed ones too. */
  status: '' | Status | typeof QUEUE_ANY_STATUS
  due: '' | 'soon' | 'overdue'
  /** The search that was run (not what is being typed). */
  q: string
}
const NO_FILTERS: Filters = { kind: '', status: '', due: '', q: '' }

const kindOptions = [{ value: '', label: '全部类型' }, ...APPLICATION_KINDS.map((k) => ({ value: k, label: KINDS[k].label }))]
// The default is what 待处理 counts: not yet decided. 已批准 waits for 办结 but is decided, so it is one tap away.
const statusOptions = [
  { value: '', label: '全部待处理' },
  ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
  { value: QUEUE_ANY_STATUS, label: '全部状态（含已决定）' },
]
const dueOptions = [
  { value: '', label: '期限不限' },
  { value: 'soon', label: dueSoonLabel() },
  { value: 'overdue', label: '已逾期' },
]
const labelOf = (options: { value: string; label: string }[], value: string) => options.find((o) => o.value === value)?.label ?? options[0].label

/** The filters stay across a reload (a draft: cleared at sign-out, dropped after a week); anything stale is dropped. */
const FILTERS_KEY = `${DRAFT_PREFIX}workbench.queue`
function saneFilters(f: Partial<Filters>): Filters {
  const known = (options: { value: string }[], v: unknown) => (options.some((o) => o.value === v) ? (v as string) : '')
  return {
    kind: known(kindOptions, f.kind) as Filters['kind'],
    status: known(statusOptions, f.status) as Filters['status'],
    due: known(dueOptions, f.due) as Filters['due'],
    q: typeof f.q === 'string' ? f.q.slice(0, 30) : '',
  }
}

/** The filters as the queue action takes them: unset ones left out. */
function toInput(f: Filters): QueueFilter {
  return {
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.due ? { due: f.due } : {}),
    ...(f.q ? { q: f.q } : {}),
  }
}

/** Brings the results into view (a phone shows them below the search box), once they have rendered. */
function scrollToResults() {
  setTimeout(() => void Promise.resolve(Taro.pageScrollTo({ selector: '.queue__results', offsetTop: -12, duration: 200 })).catch(() => undefined), 60)
}

/**
 * The queue's state. Called at the top of the page, before it knows the caller is staff: Taro's show hook only
 * reaches hooks that were there when the page first showed.
 */
export function useQueue(enabled: boolean) {
  const [stored, store] = useDraft<Filters>(FILTERS_KEY, () => NO_FILTERS)
  const filters = saneFilters(stored)
  const [page, setPage] = useState(1)
  const [typed, setTyped] = useState(filters.q)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [exportProblem, setExportProblem] = useState<string>()
  const input = toInput(filters)
  const figures = useRemote(() => api.application.figures({}), enabled)
  const weekly = useRemote(() => api.application.weekly({}), enabled)
  const queue = useRemote(() => api.application.queue({ ...input, page }), enabled)

  // A changed filter or page loads again; the first load is useRemote's own (on show).
  const key = JSON.stringify([input, page])
  const firstKey = useRef(key)
  useEffect(() => {
    if (key !== firstKey.current) {
      firstKey.current = ''
      void queue.reload()
    }
  }, [key]) // eslint-disable-line react-hooks/exhaustive-deps

  // A search just run: once its answer is on screen, show it.
  const searched = useRef(false)
  useEffect(() => {
    if (searched.current && queue.data && !queue.loading) {
      searched.current = false
      scrollToResults()
    }
  }, [queue.data, queue.loading])

  const change = (patch: Partial<Filters>) => {
    store(saneFilters({ ...filters, ...patch }))
    setPage(1)
  }
  const search = () => {
    searched.current = true
    const q = typed.trim()
    // The same search again: nothing reloads by itself, so reload (and scroll) here.
    if (q === filters.q) void queue.reload()
    else change({ q })
  }

  const exportCsv = async () => {
    if (!isH5) {
      void Taro.showToast({ title: '导出请在电脑浏览器中打开工作台', icon: 'none' })
      return
    }
    setExportProblem(undefined)
    setExporting(true)
    try {
      const { rows, total, truncated } = await fetchAllRows(input)
      downloadText(csvFileName(new Date()), queueCsv(rows))
      if (truncated) setExportProblem(`共 ${total} 条，只导出了前 ${rows.length} 条（最多 ${EXPORT_MAX_PAGES} 页）。请加筛选条件后分批导出。`)
      void Taro.showToast({ title: `已导出 ${rows.length} 条`, icon: 'none' })
    } catch (e) {
      setExportProblem(`没有导出成功：${toApiError(e).message}`)
    } finally {
      setExporting(false)
    }
  }

  return {
    filters,
    change,
    setPage,
    typed,
    setTyped,
    filtersOpen,
    toggleFilters: () => setFiltersOpen((o) => !o),
    search,
    clearSearch: () => {
      setTyped('')
      change({ q: '' })
    },
    clearAll: () => {
      setTyped('')
      change(NO_FILTERS)
    },
    /** A name search some filters hide matches of: the same search over everything. */
    showAllMatches: () => change({ kind: '', status: QUEUE_ANY_STATUS, due: '' }),
    figures,
    weekly,
    queue,
    exporting,
    exportProblem,
    exportCsv: () => void exportCsv(),
  }
}
export type QueueState = ReturnType<typeof useQueue>

/**
 * Figures, filters, the paged queue (soonest deadline first, sorted by the server) and the CSV export. At a desk
 * the figures take one row and the filters one line (opened on demand), so the first applications show without
 * scrolling.
 */
export function Queue({ state }: { state: QueueState }) {
  const { filters, change, setPage, typed, setTyped, filtersOpen, toggleFilters, search, clearSearch, clearAll, showAllMatches, figures, weekly, queue, exporting, exportProblem, exportCsv } = state
  const narrowed = !!(filters.kind || filters.status || filters.due)
  const filtered = narrowed || !!filters.q
  const summary = [labelOf(kindOptions, filters.kind), labelOf(statusOptions, filters.status), labelOf(dueOptions, filters.due)].join(' · ')
  return (
    <>
      <View className="desk-page__section queue__figures" role="region" aria-label="概况">
        <LoadState data={figures.data} error={figures.error} onRetry={() => void figures.reload()} loadingText="正在统计…">
          {(f) => <Figures figures={f} onDue={(due) => change({ due, status: '' })} />}
        </LoadState>
      </View>

      <View className="desk-page__section">
        <View className="queue__head">
          <Text className="desk-page__heading">审核队列</Text>
          <ActionButton compact variant="secondary" busy={exporting} busyText="正在导出…" onClick={exportCsv}>
            导出 CSV
          </ActionButton>
        </View>
        {exportProblem ? <Notice kind="warn">{exportProblem}</Notice> : null}

        <View className="queue__filters">
          <View className="queue__toolbar">
            <View className="queue__search">
              <View className="queue__search-field">
                <TextField label="搜索" placeholder="申请人姓名或案件编号" value={typed} onChange={setTyped} onConfirm={search} maxlength={30} />
              </View>
              <ActionButton compact variant="secondary" onClick={search}>
                搜索
              </ActionButton>
            </View>
            <View
              className={`queue__filter-line${narrowed ? ' queue__filter-line--on' : ''}`}
              role="button"
              aria-expanded={filtersOpen}
              aria-label={`筛选：${summary}，${filtersOpen ? '点按收起' : '点按更改'}`}
              onClick={toggleFilters}
            >
              <Text className="queue__filter-summary">{`筛选：${summary}`}</Text>
              <Text className="queue__filter-toggle">{filtersOpen ? '收起 ▲' : '更改 ▼'}</Text>
            </View>
          </View>
          {filtersOpen ? (
            <View className="queue__chips">
              <ChipGroup label="类型" options={kindOptions} value={filters.kind} onChange={(v) => change({ kind: v as Filters['kind'] })} />
              <ChipGroup label="期限" options={dueOptions} value={filters.due} onChange={(v) => change({ due: v as Filters['due'] })} />
              <ChipGroup label="状态" options={statusOptions} value={filters.status} onChange={(v) => change({ status: v as Filters['status'] })} />
            </View>
          ) : null}
        </View>

        <View className="queue__results">
          {filters.q ? (
            <View className="queue__searching">
              <Text className="queue__searching-text">搜索“{filters.q}”的结果</Text>
              <ActionButton compact variant="secondary" onClick={clearSearch}>
                清除搜索
              </ActionButton>
            </View>
          ) : null}
          {filters.q && queue.data ? <SearchNote page={queue.data} q={filters.q} narrowed={narrowed} onShowAll={showAllMatches} /> : null}

          <LoadState
            data={queue.data}
            error={queue.error}
            onRetry={() => void queue.reload()}
            loadingText="正在加载队列…"
            empty={{
              when: (q) => q.total === 0,
              title: queue.data?.search?.byCaseNo ? '没有这个案件编号的申请' : filtered ? '没有符合条件的申请' : '暂时没有待审核的申请',
              text: queue.data?.search?.byCaseNo
                ? '请核对编号。这里只能查到您负责的区县和服务的申请。'
                : filtered
                  ? '换个筛选条件或搜索词试试。'
                  : '您负责区县的新申请会排在这里：紧急的在最前，其余按截止时间。',
            }}
          >
            {(q) => (
              <View aria-busy={queue.loading}>
                <Text className="queue__count">{`共 ${q.total} 条${queue.loading ? ' · 正在刷新…' : ''}`}</Text>
                <QueueList rows={q.rows} />
                <Pager page={q.page} total={q.total} pageSize={q.pageSize} onPage={setPage} />
              </View>
            )}
          </LoadState>
          {filtered && queue.data?.total === 0 && !queue.data.search?.hidden ? (
            <ActionButton variant="secondary" onClick={clearAll}>
              清除全部筛选和搜索
            </ActionButton>
          ) : null}
        </View>
      </View>

      <Weekly weekly={weekly} />
    </>
  )
}

/** What a search did with the filters: a case number ignores them; a name search says what they leave out. */
function SearchNote({ page, q, narrowed, onShowAll }: { page: QueuePage; q: string; narrowed: boolean; onShowAll: () => void }) {
  const s = page.search
  if (!s) return null
  if (s.byCaseNo) {
    return narrowed ? <Text className="queue__search-note">按案件编号查找：在全部状态和类型里找，不受筛选条件限制。</Text> : null
  }
  if (!s.hidden) return null
  return (
    <View className="queue__hidden" role="status">
      <Notice kind="warn">{`另有 ${s.hidden} 条“${q}”的申请被筛选条件隐藏了（如已决定、已办结的，或其他类型、期限的）。`}</Notice>
      <ActionButton compact variant="secondary" onClick={onShowAll}>
        {`显示全部 ${page.total + s.hidden} 条`}
      </ActionButton>
    </View>
  )
}

function Figures({ figures, onDue }: { figures: QueueFigures; onDue: (due: 'soon' | 'overdue') => void }) {
  const median = figures.medianWorkingDaysToDecide
  return (
    <View className="figures">
      <Figure label="待处理" value={String(figures.open)} />
      <Figure label={dueSoonLabel()} value={String(figures.dueSoon)} onClick={() => onDue('soon')} />
      <Figure label="已逾期" value={String(figures.overdue)} alert={figures.overdue > 0} onClick={() => onDue('overdue')} />
      <Figure label="本月已决定" value={String(figures.decidedThisMonth)} />
      <Figure label="决定用时中位数" value={median === null ? '—' : median < 1 ? '不到 1 个工作日' : `${Number.isInteger(median) ? median : median.toFixed(1)} 个工作日`} />
    </View>
  )
}

function Figure({ label, value, alert, onClick }: { label: string; value: string; alert?: boolean; onClick?: () => void }) {
  return (
    <View
      className={`figure${alert ? ' figure--alert' : ''}${onClick ? ' figure--link' : ''}`}
      role={onClick ? 'button' : undefined}
      aria-label={`${label} ${value}${onClick ? '，点按筛选' : ''}`}
      onClick={onClick}
    >
      <Text className="figure__value">
        {alert ? '⚠ ' : ''}
        {value}
      </Text>
      <Text className="figure__label">{label}</Text>
    </View>
  )
}

function QueueList({ rows }: { rows: QueueRow[] }) {
  return (
    <View className="queue" role="list" aria-label="审核队列">
      <View className="queue__row queue__row--head" aria-hidden>
        <Text>案件编号 · 类型</Text>
        <Text>申请人 · 地区</Text>
        <Text>状态</Text>
        <Text>截止时间</Text>
      </View>
      {rows.map((r) => (
        <View
          key={r.id}
          className={`queue__row${r.overdue ? ' queue__row--overdue' : ''}`}
          role="listitem"
          hoverClass="queue__row--pressed"
          onClick={() => void Taro.navigateTo({ url: `${routes.workbenchDetail}?id=${encodeURIComponent(r.id)}&from=queue` })}
        >
          <View className="queue__cell">
            <Text className="queue__case">{r.caseNo}</Text>
            <Text className="queue__meta">{KINDS[r.kind].label}</Text>
            {r.urgent ? <Text className="tag tag--urgent">⚠ 紧急</Text> : null}
          </View>
          <View className="queue__cell">
            <Text className="queue__name">{r.applicantName}</Text>
            <Text className="queue__meta">{r.regionLabel}</Text>
          </View>
          <View className="queue__cell">
            <Text className={`status status--${r.status}`}>{STATUS_LABELS[r.status]}</Text>
          </View>
          <View className="queue__cell">
            <Text className={`queue__due${r.overdue ? ' queue__due--overdue' : ''}`}>{deadlineWords(r)}</Text>
          </View>
          <Text className="queue__summary">{r.summary}</Text>
        </View>
      ))}
    </View>
  )
}
