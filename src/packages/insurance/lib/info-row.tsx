import { Text, View } from '@tarojs/components'

/** A label–value line of an insurance card (a policy's number, period, cover left). */
export function InfoRow({ label, children }: { label: string; children: string }) {
  return (
    <View className="ins-row">
      <Text className="ins-row__label">{label}</Text>
      <Text className="ins-row__value">{children}</Text>
    </View>
  )
}
