import { View, Text } from '@tarojs/components'

export default function ConsentPage() {
  return (
    <View className="page">
      <Text className="page__title">授权记录</Text>
      <Text className="page__lead">这里列出您同意过的协议和版本。</Text>
    </View>
  )
}
