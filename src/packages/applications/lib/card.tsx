import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A titled card of 我的申请's pages. */
export function Card({ title, children, tone }: { title: string; children: ReactNode; tone?: 'alert' | 'good' | 'bad' }) {
  return (
    <View className={`card${tone ? ` card--${tone}` : ''}`} role="region" aria-label={title}>
      <Text className="card__title">{title}</Text>
      {children}
    </View>
  )
}

/** One label–value line of a card. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="row">
      <Text className="row__label">{label}</Text>
      <View className="row__value">{children}</View>
    </View>
  )
}
