import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { MESSAGE_TARGETS, targetPage, type MessageView } from '~types/inbox.schema'
import { formatDateTime } from '~types/format'
import { api } from '../../api/client'
import { toApiError } from '../../api/api-error'
import { ActionButton } from '../../components/action-button'
import { LoadState } from '../../components/load-state'
import { PageStatus } from '../../components/page-status'
import { useGuard } from '../../hooks/use-guard'
import { useRemote } from '../../hooks/use-remote'
import { useRequestId } from '../../hooks/use-request-id'
import { showUnreadBadge } from '../../store/unread-badge'
import { PageRoot } from '../../components/page-root'
import './index.scss'

export default function InboxPage() {
  const session = useGuard()
  const inbox = useRemote(() => api.user.listMessages({}), !!session.user?.ready)
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const { idFor, settle } = useRequestId()
  const unread = inbox.data?.unread

  useEffect(() => {
    if (unread !== undefined) showUnreadBadge(unread)
  }, [unread])

  if (!session.user?.ready) return <PageStatus session={session} />

  /** One message (opened), or every one (全部标为已读, with no id). A promise chain: no async helper in the main package. */
  const markRead = (id?: string) =>
    (id ? api.user.markMessageRead({ id }, { requestId: idFor(id) }) : api.user.markAllRead({}, { requestId: idFor(0) })).then(
      (res) => {
        settle()
        inbox.setData((prev) => prev && { items: prev.items.map((m) => (!id || m.id === id ? { ...m, read: true } : m)), unread: res.unread })
      },
      // An opened body stays open; only the unread mark stays. Say why without blocking reading.
      (e) => void Taro.showToast({ title: toApiError(e).message, icon: 'none' }),
    )

  const toggle = (message: MessageView) => {
    const next = new Set(open)
    if (next.has(message.id)) next.delete(message.id)
    else next.add(message.id)
    setOpen(next)
    if (!message.read) void markRead(message.id)
  }

  return (
    <PageRoot className="inbox">
      <Text className="page__title">消息</Text>
      <Text className="page__lead">
        {unread === undefined ? '审核结果和办事提醒会出现在这里。' : unread > 0 ? `您有 ${unread} 条未读消息` : '消息都已读过'}
      </Text>
      {unread ? (
        <ActionButton compact variant="secondary" onClick={() => void markRead()}>
          全部标为已读
        </ActionButton>
      ) : null}
      <LoadState
        data={inbox.data}
        error={inbox.error}
        onRetry={() => void inbox.reload()}
        loadingText="正在加载消息…"
        empty={{ when: (d) => d.items.length === 0, title: '还没有消息', text: '办事的审核结果和提醒会发到这里，请留意。' }}
      >
        {(data) => (
          <View className="inbox__list">
            {data.items.map((m) => (
              <MessageRow key={m.id} message={m} open={open.has(m.id)} onToggle={() => toggle(m)} />
            ))}
          </View>
        )}
      </LoadState>
    </PageRoot>
  )
}

function MessageRow({ message, open, onToggle }: { message: MessageView; open: boolean; onToggle: () => void }) {
  return (
    <View
      className={`message${message.read ? '' : ' message--unread'}`}
      role="button"
      aria-expanded={open}
      hoverClass="message--pressed"
      onClick={onToggle}
    >
      <View className="message__head">
        {message.read ? null : (
          <View className="message__unread">
            <View className="message__dot" />
            <Text>未读</Text>
          </View>
        )}
        <Text className="message__title">{message.title}</Text>
        <Text className="message__chevron">{open ? '收起' : '展开'}</Text>
      </View>
      <Text className="message__time">{formatDateTime(message.createdAt)}</Text>
      {open ? <Text className="message__body">{message.body}</Text> : null}
      {open && message.target ? (
        <View
          className="message__link"
          role="link"
          onClick={(e) => {
            e.stopPropagation()
            void Taro.navigateTo({ url: `/${targetPage(message.target!)}` })
          }}
        >
          {`${MESSAGE_TARGETS[message.target.kind]?.link ?? '查看'} ›`}
        </View>
      ) : null}
    </View>
  )
}
