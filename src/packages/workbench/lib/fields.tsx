import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A titled card of the detail page. */
export function Section({ title, className = '', children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <View className={`detail-card ${className}`} role="region" aria-label={title}>
      <Text className="detail-card__title">{title}</Text>
      {children}
    </View>
  )
}

/** One label–value line; long text wraps under its label on a phone. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <View className="field__value">{children}</View>
    </View>
  )
}
