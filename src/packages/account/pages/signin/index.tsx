import { View, Text } from '@tarojs/components'

// Local H5 only: stands in for WeChat login; the local server refuses it in production.
export default function SigninPage() {
  return (
    <View className="page">
      <Text className="page__title">演示登录</Text>
      <Text className="page__lead">本地演示环境：选择一个演示身份即可登录，正式小程序使用微信登录。</Text>
    </View>
  )
}
