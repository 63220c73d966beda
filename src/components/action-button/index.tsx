import { View } from '@tarojs/components'
import './index.scss'

export interface ActionButtonProps {
  children: string
  onClick: () => void
  busy?: boolean
  busyText?: string
  /** `danger` opens a destructive step (outline); `dangerSolid` confirms it (filled), so the two never look alike. */
  variant?: 'primary' | 'secondary' | 'danger' | 'dangerSolid'
  disabled?: boolean
  /** A smaller, inline button for a row in a list (still a full 48px tap target). */
  compact?: boolean
}

/**
 * The app's button. A plain onClick, never `formType="submit"`: Taro H5 submits forms only on touchend,
 * so a desk mouse would do nothing. While busy it ignores taps — the first guard against double submits.
 */
export function ActionButton({ children, onClick, busy, busyText = '提交中…', variant = 'primary', disabled, compact }: ActionButtonProps) {
  const inactive = busy || disabled
  return (
    <View
      className={`action-button action-button--${variant}${compact ? ' action-button--compact' : ''}${inactive ? ' action-button--inactive' : ''}`}
      role="button"
      aria-disabled={inactive}
      hoverClass="action-button--pressed"
      onClick={() => {
        if (!inactive) onClick()
      }}
    >
      {busy ? busyText : children}
    </View>
  )
}
