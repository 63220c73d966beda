import { View, Text } from '@tarojs/components'

export default function InboxPage() {
  return (
    <View className="page">
      <Text className="page__title">消息</Text>
      <Text className="page__lead">审核结果和办事提醒会出现在这里。</Text>
    </View>
  )
}
