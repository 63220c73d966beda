import { View, Text } from '@tarojs/components'

export default function HubPage() {
  return (
    <View className="page">
      <Text className="page__title">首页</Text>
      <Text className="page__lead">暖新为快递员、骑手、网约车司机提供学习、保障、维权和歇脚的地方。</Text>
    </View>
  )
}
