import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { PageRoot } from '../page-root'
import './index.scss'

/**
 * A page staff and admins also use at a desk: a phone-width column on a phone, a centred column of readable
 * width in a desktop browser instead of lines stretched across the screen.
 */
export function DeskPage({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  return (
    <PageRoot>
      <View className="desk-page">
        <Text className="page__title">{title}</Text>
        {lead ? <Text className="page__lead">{lead}</Text> : null}
        {children}
      </View>
    </PageRoot>
  )
}
