import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { KINDS, type ApplicationView } from '~types/application.schema'
import { formatDateTime } from '~types/format'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { deadlineOf, statusWords } from '../../lib/words'
import { PageRoot } from '../../../../components/page-root'
import './index.scss'

/** 我的申请: every application I filed, of any kind, newest first, each with its status and deadline. */
export default function MinePage() {
  const session = useGuard()
  const ready = !!session.user?.ready
  const list = useRemote(() => api.application.listMine({}), ready)
  if (!ready) return <PageStatus session={session} />
  return (
    <PageRoot className="mine">
      <Text className="page__title">我的申请</Text>
      <LoadState
        data={list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        loadingText="正在加载您的申请…"
        empty={{ when: (rows) => rows.length === 0, title: '您还没有提交过申请', text: '提交后，办理进度、期限和结果都会在这里。' }}
      >
        {(rows) => (
          <View role="list" aria-label="我的申请">
            {rows.map((a) => (
              <Item key={a.id} app={a} />
            ))}
          </View>
        )}
      </LoadState>
      {list.data ? (
        // Every service files from its own page: the hub lists them all.
        <ActionButton variant={list.data.length ? 'secondary' : 'primary'} onClick={() => void Taro.switchTab({ url: routes.hub })}>
          {list.data.length ? '办理其他事项' : '去首页看看能办什么'}
        </ActionButton>
      ) : null}
    </PageRoot>
  )
}

function Item({ app }: { app: ApplicationView }) {
  const d = deadlineOf(app)
  return (
    <View
      className={`mine__item${d.paused ? ' mine__item--alert' : ''}`}
      role="listitem"
      hoverClass="mine__item--pressed"
      onClick={() => void Taro.navigateTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(app.id)}` })}
    >
      <View className="mine__top">
        <Text className="mine__kind">{KINDS[app.kind].label}</Text>
        <Text className={`status status--${app.status}`}>{statusWords(app.status)}</Text>
      </View>
      <Text className="mine__summary">{app.summary}</Text>
      <Text className={`mine__deadline${d.paused ? ' mine__deadline--alert' : ''}`}>{d.title}</Text>
      {d.paused && d.text ? <Text className="mine__deadline-text">{d.text}</Text> : null}
      <Text className="mine__meta">{`${app.caseNo} · ${formatDateTime(app.createdAt)} 提交`}</Text>
    </View>
  )
}
