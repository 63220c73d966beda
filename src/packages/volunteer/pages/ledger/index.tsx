import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { formatDateTime } from '~types/format'
import { LEDGER_SOURCE_LABELS, type LedgerCheck, type LedgerEntryView } from '~types/volunteer.schema'
import { toApiError, type ApiError } from '../../../../api/api-error'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState, loadErrorMessage } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { amountWords, sourceLink } from '../../lib/ledger-source'
import '../../lib/ledger.scss'

/**
 * 积分明细: every entry newest first — how many points, why, when, and the balance after it — each opening the record
 * it came from; older ones page in with 更多. 核对积分 re-adds them all on the server and says so in words.
 */
export default function LedgerPage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const account = useRemote(() => api.volunteer.account({}), ready)
  const first = useRemote(() => api.volunteer.ledger({}), ready)
  const [older, setOlder] = useState<{ entries: LedgerEntryView[]; next: number | null } | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ApiError | null>(null)
  // Coming back to the page reloads the first page: the older ones are read again from there.
  useEffect(() => {
    setOlder(null)
    setMoreError(null)
  }, [first.data])
  if (!ready) return <PageStatus session={session} />

  const entries = [...(first.data?.entries ?? []), ...(older?.entries ?? [])]
  const next = older ? older.next : (first.data?.next ?? null)
  const loadMore = async () => {
    if (loadingMore || next === null) return
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await api.volunteer.ledger({ before: next })
      setOlder((prev) => ({ entries: [...(prev?.entries ?? []), ...page.entries], next: page.next }))
    } catch (e) {
      setMoreError(toApiError(e))
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <PageRoot className="ledger">
      <Text className="page__title">积分明细</Text>
      <Text className="page__lead">每一笔积分都写明来由，点开能看到是哪条随手拍、哪次服务或兑换。</Text>
      {account.data ? (
        <View className="ledger-summary" aria-label={`现有 ${account.data.balance} 分`}>
          <Text className="ledger-summary__label">现有积分</Text>
          <Text className="ledger-summary__number">{account.data.balance}</Text>
          <Text className="ledger-summary__unit">分</Text>
        </View>
      ) : null}
      <CheckLedger onChecked={() => void account.reload()} />
      <LoadState
        data={first.data}
        error={first.error}
        onRetry={() => void first.reload()}
        loadingText="正在读取积分明细…"
        empty={{ when: (d) => d.entries.length === 0, title: '还没有积分记录', text: '随手拍被处理、参加志愿服务确认时长后，积分会记在这里。' }}
      >
        {() => (
          <View role="list" aria-label="积分明细">
            {entries.map((e) => (
              <Entry key={e.id} entry={e} userId={session.user!.id} />
            ))}
          </View>
        )}
      </LoadState>
      {first.data && entries.length > 0 ? (
        next !== null ? (
          <>
            {moreError ? <Notice kind="warn">{`⚠ ${loadErrorMessage(moreError)}`}</Notice> : null}
            <ActionButton variant="secondary" busy={loadingMore} busyText="正在读取…" onClick={() => void loadMore()}>
              {moreError ? '重试' : '更多'}
            </ActionButton>
          </>
        ) : (
          <Text className="ledger-end">{`以上是全部 ${entries.length} 笔记录`}</Text>
        )
      ) : null}
    </PageRoot>
  )
}

function Entry({ entry, userId }: { entry: LedgerEntryView; userId: string }) {
  const { sign, words, credit } = amountWords(entry)
  const link = sourceLink(entry, userId)
  const open = link ? () => void Taro.navigateTo({ url: link.url }) : undefined
  const date = formatDateTime(entry.at)
  return (
    <View
      className={`ledger-entry${link ? ' ledger-entry--link' : ''}`}
      role={link ? 'link' : 'listitem'}
      aria-label={`${words} ${Math.abs(entry.amount)} 分，${entry.reason}，${date}，之后余额 ${entry.balanceAfter} 分`}
      hoverClass={link ? 'ledger-entry--pressed' : 'none'}
      onClick={open}
    >
      <View className="ledger-entry__top">
        <Text className={`ledger-entry__amount ledger-entry__amount--${credit ? 'credit' : 'debit'}`}>{sign}</Text>
        <Text className={`ledger-entry__kind ledger-entry__kind--${credit ? 'credit' : 'debit'}`}>{words}</Text>
        <Text className="ledger-entry__after">{`余额 ${entry.balanceAfter} 分`}</Text>
      </View>
      <Text className="ledger-entry__reason">{entry.reason}</Text>
      <Text className="ledger-entry__meta">{`${date} · ${LEDGER_SOURCE_LABELS[entry.source.type]}`}</Text>
      {link ? <Text className="ledger-entry__open">{link.label}</Text> : null}
    </View>
  )
}

/** 核对积分: the server re-adds every entry; the answer is a sentence, right or wrong. */
function CheckLedger({ onChecked }: { onChecked: () => void }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<LedgerCheck | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      setResult(await api.volunteer.checkLedger({}))
      onChecked()
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="ledger-check">
      <ActionButton variant="secondary" busy={busy} busyText="正在核对…" onClick={() => void run()}>
        核对积分
      </ActionButton>
      {error ? <Notice kind="warn">{`⚠ ${loadErrorMessage(error)}`}</Notice> : null}
      {result ? (
        <View role="status">
          {result.ok ? (
            <Notice title="✓ 核对无误">{`全部 ${result.entries} 笔明细加起来是 ${result.sum} 分，和现有积分 ${result.balance} 分一致。`}</Notice>
          ) : (
            <Notice kind="warn" title="⚠ 核对不一致">{`${result.entries} 笔明细加起来是 ${result.sum} 分，现有积分记为 ${result.balance} 分。请截图后联系所在区县的志愿服务工作人员核查。`}</Notice>
          )}
        </View>
      ) : null}
    </View>
  )
}
