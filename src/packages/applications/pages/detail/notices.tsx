import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { NoticeState, NoticeView } from '~types/notice.schema'
import { formatDateTime } from '~types/format'
import { api } from '../../../../api/client'
import { Card } from '../../lib/card'

const STATE_WORDS: Record<NoticeState, string> = {
  pending: '正在发送',
  sandbox: '本地演示：没有真正发送',
  sent: '已发到微信',
  refused: '您没有开启通知，只发到了“消息”',
  skipped: '未开通微信通知，只发到了“消息”',
  failed: '没有发出去，请看“消息”',
}

/**
 * The WeChat notices about this application and what became of them. On the local server nothing reaches WeChat:
 * the card shows what would have been sent, and says so — a sandbox, never mistaken for a real notice.
 */
export function NoticesCard({ id, version }: { id: string; version: number }) {
  const [notices, setNotices] = useState<NoticeView[]>()
  useEffect(() => {
    let live = true
    api.application.notices({ id }).then((n) => live && setNotices(n), () => live && setNotices([]))
    return () => {
      live = false
    }
  }, [id, version])
  if (!notices?.length) return null
  const sandbox = notices.some((n) => n.state === 'sandbox')
  return (
    <Card title={sandbox ? '微信通知（沙箱演示）' : '微信通知'}>
      {sandbox ? <Text className="clock__note">⚠ 这是本地演示：下面是在微信里会收到的订阅消息，实际没有发送。</Text> : null}
      <View role="list" aria-label="微信通知">
        {notices.map((n) => (
          <View key={n.id} className="notice-row" role="listitem">
            <Text className="row__text">{`${n.fields.phrase2} · ${n.fields.thing1}`}</Text>
            <Text className="row__sub">{`${n.fields.thing4} · ${formatDateTime(n.createdAt)} · ${STATE_WORDS[n.state]}`}</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}
