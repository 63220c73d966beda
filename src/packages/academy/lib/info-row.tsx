import { Text, View } from '@tarojs/components'

/** A label–value line of an academy card (offer facts, a verified certificate). */
export function InfoRow({ label, children }: { label: string; children: string }) {
  return (
    <View className="academy-card__row">
      <Text className="academy-card__label">{label}</Text>
      <Text className="academy-card__value">{children}</Text>
    </View>
  )
}
