import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useLargeText } from '../../store/text-size'

/**
 * The root of every page. It carries the page scaffolding (`.page`) and, when 大字模式 is on, `.text-large`, which
 * sets --text-scale for everything on the page (styles/_tokens.scss `text()`): one place, so no page can miss it.
 */
export function PageRoot({ className, children }: { className?: string; children: ReactNode }) {
  const large = useLargeText()
  return <View className={`page${className ? ` ${className}` : ''}${large ? ' text-large' : ''}`}>{children}</View>
}
