import { View, Text } from '@tarojs/components'

export default function ProfilePage() {
  return (
    <View className="page">
      <Text className="page__title">个人资料</Text>
      <Text className="page__lead">填写姓名、职业和所在区县，办事时不用重复填写。</Text>
    </View>
  )
}
