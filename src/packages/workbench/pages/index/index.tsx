import { View, Text } from '@tarojs/components'

export default function WorkbenchPage() {
  return (
    <View className="page">
      <Text className="page__title">工作台</Text>
      <Text className="page__lead">工作人员在这里审核申请、回复诉求。</Text>
    </View>
  )
}
