import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useGuard } from '../../hooks/use-guard'
import { routes } from '../../routes'
import { SERVICE_ENTRIES, UPCOMING } from '../../services'
import { PageStatus } from '../../components/page-status'
import { api } from '../../api/client'
import { useRemote } from '../../hooks/use-remote'
import { showUnreadBadge } from '../../store/unread-badge'
import { useEffect } from 'react'
import { formatDateTime } from '~types/format'
import { PageRoot } from '../../components/page-root'
import './index.scss'

/** 首页: who I am, what I can do now, and — for staff — the way to the workbench. */
export default function HubPage() {
  const session = useGuard()
  const user = session.user
  // The hub is the first tab a worker sees: it sets the 消息 badge so news shows without opening the inbox.
  const inbox = useRemote(() => api.user.listMessages({}), !!user?.ready)
  const unread = inbox.data?.unread ?? 0
  const waiting = useRemote(() => api.application.todo({}), !!user?.ready)
  useEffect(() => {
    if (inbox.data) showUnreadBadge(inbox.data.unread)
  }, [inbox.data])
  if (!user?.ready) return <PageStatus session={session} />
  const p = user.profile!
  return (
    <PageRoot className="hub">
      <Text className="page__title">{p.realName}，您好</Text>
      {/* Staff (registered as 其他): their role says who they are here. */}
      <Text className="page__lead">
        {user.roles.staff.length ? '工作人员' : p.occupation} · {p.regionLabel}
      </Text>

      {(waiting.data ?? []).map((t) => (
        <View
          key={t.id}
          className="hub__card hub__card--todo"
          role="link"
          aria-label={`${t.what}：${t.kindLabel} ${t.caseNo}`}
          hoverClass="hub__card--pressed"
          onClick={() => void Taro.navigateTo({ url: `${routes.applicationDetail}?id=${encodeURIComponent(t.id)}` })}
        >
          <Text className="hub__card-title">{`⚠ ${t.what}`}</Text>
          <Text className="hub__card-text">{`${t.kindLabel} · ${t.caseNo}${t.dueAt ? ` · 请在 ${formatDateTime(t.dueAt)} 前` : ''}`}</Text>
        </View>
      ))}
      {unread > 0 ? (
        <View className="hub__card" hoverClass="hub__card--pressed" onClick={() => void Taro.switchTab({ url: routes.inbox })}>
          <Text className="hub__card-title">您有 {unread} 条未读消息</Text>
          <Text className="hub__card-text">审核结果和办事提醒都在“消息”里</Text>
        </View>
      ) : null}
      {user.roles.staff.length > 0 ? (
        <View className="hub__card hub__card--staff" hoverClass="hub__card--pressed" onClick={() => void Taro.navigateTo({ url: routes.workbench })}>
          <Text className="hub__card-title">工作台</Text>
          <Text className="hub__card-text">审核本区县的申请</Text>
        </View>
      ) : null}
      {user.roles.admin ? (
        <View className="hub__card hub__card--staff" hoverClass="hub__card--pressed" onClick={() => void Taro.navigateTo({ url: routes.roles })}>
          <Text className="hub__card-title">人员授权</Text>
          <Text className="hub__card-text">为区县工作人员开通或撤销权限</Text>
        </View>
      ) : null}
      {user.roles.admin ? (
        <View className="hub__card hub__card--staff" hoverClass="hub__card--pressed" onClick={() => void Taro.navigateTo({ url: routes.calendar })}>
          <Text className="hub__card-title">节假日安排</Text>
          <Text className="hub__card-text">录入国务院公布的放假和调休，期限按它计算</Text>
        </View>
      ) : null}

      <Text className="section-title">服务</Text>
      {SERVICE_ENTRIES.map((s) => (
        <View key={s.service} className="hub__card" hoverClass="hub__card--pressed" onClick={() => void Taro.navigateTo({ url: s.url })}>
          <Text className="hub__card-title">{s.title}</Text>
          <Text className="hub__card-text">{s.blurb}</Text>
        </View>
      ))}
      {/* Every service is open once the last one lands: then nothing is announced as coming. */}
      {UPCOMING.length ? (
        <View className="hub__upcoming">
          <Text className="hub__upcoming-title">即将开放</Text>
          <Text className="hub__upcoming-text">{UPCOMING.join('、')}将陆续在这里开放，开放时会在“消息”里通知您。</Text>
        </View>
      ) : null}
    </PageRoot>
  )
}
