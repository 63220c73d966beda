import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'

/**
 * Form state that outlives a failed submit and an app restart: every change is written to local storage at once
 * (synchronously — a rider's phone may be killed any moment), and only a successful submit clears it.
 */
export function useDraft<T extends object>(key: string, initial: () => T) {
  const [value, setValue] = useState<T>(() => {
    const saved = Taro.getStorageSync(key) as T | ''
    return saved ? { ...initial(), ...saved } : initial()
  })
  const update = useCallback(
    (patch: Partial<T>) =>
      setValue((prev) => {
        const next = { ...prev, ...patch }
        Taro.setStorageSync(key, next)
        return next
      }),
    [key],
  )
  const clear = useCallback(() => Taro.removeStorageSync(key), [key])
  return [value, update, clear] as const
}
