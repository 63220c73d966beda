import { View, Text } from '@tarojs/components'

export default function RolesPage() {
  return (
    <View className="page">
      <Text className="page__title">角色授权</Text>
      <Text className="page__lead">管理员在这里为工作人员分配区县和业务权限。</Text>
    </View>
  )
}
