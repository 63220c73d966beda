import { Text, View } from '@tarojs/components'
import './index.scss'

/** A banner: `sandbox` marks anything that only stands in for a WeChat service on the local server. */
export function Notice({ kind = 'info', title, children }: { kind?: 'info' | 'warn' | 'sandbox'; title?: string; children: string }) {
  return (
    <View className={`notice notice--${kind}`}>
      {title ? <Text className="notice__title">{title}</Text> : null}
      <Text className="notice__body">{children}</Text>
    </View>
  )
}
