import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { routes } from '../../routes'

// Staff/admin entries will be shown by role once the session knows the caller's roles.
const entries: { label: string; url: string }[] = [
  // The demo sign-in exists only on the local H5 server (see app.config.ts).
  ...(process.env.TARO_ENV === 'h5' ? [{ label: '演示登录', url: routes.signin }] : []),
  { label: '个人资料', url: routes.profile },
  { label: '授权记录', url: routes.consent },
  { label: '工作台', url: routes.workbench },
  { label: '角色授权', url: routes.roles },
]

export default function MePage() {
  return (
    <View className="page">
      <Text className="page__title">我的</Text>
      <Text className="page__lead">管理个人资料和授权，工作人员从这里进入工作台。</Text>
      <View className="entry-list">
        {entries.map(({ label, url }) => (
          <View key={url} className="entry" hoverClass="entry--pressed" onClick={() => Taro.navigateTo({ url })}>
            {label}
          </View>
        ))}
      </View>
    </View>
  )
}
