import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'

/** Every draft key starts with this, so sign-out can find and clear them all. */
export const DRAFT_PREFIX = 'nx.draft.'

/** A draft untouched for a week is dropped: a shared or lost phone should not keep a half-typed ID number. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000

interface Stored<T> {
  savedAt: number
  value: T
}

/**
 * Form state that outlives a failed submit and an app restart: every change is written to local storage at once
 * (synchronously — a rider's phone may be killed any moment), and only a successful submit or sign-out clears it.
 * `key` must start with DRAFT_PREFIX.
 */
export function useDraft<T extends object>(key: string, initial: () => T) {
  const [value, setValue] = useState<T>(() => {
    const saved = Taro.getStorageSync(key) as Stored<T> | ''
    if (saved && Date.now() - saved.savedAt < MAX_AGE_MS) return { ...initial(), ...saved.value }
    if (saved) Taro.removeStorageSync(key)
    return initial()
  })
  const update = useCallback(
    (patch: Partial<T>) =>
      setValue((prev) => {
        const next = { ...prev, ...patch }
        Taro.setStorageSync(key, { savedAt: Date.now(), value: next } satisfies Stored<T>)
        return next
      }),
    [key],
  )
  const clear = useCallback(() => Taro.removeStorageSync(key), [key])
  return [value, update, clear] as const
}

/** Drops every draft whose key starts with `prefix` (e.g. all step forms of an application once it is decided). */
export function clearDraftsWithPrefix(prefix: string) {
  for (const key of Taro.getStorageInfoSync().keys) if (key.startsWith(prefix)) Taro.removeStorageSync(key)
}

/** Sign-out: no draft of the previous person stays on the phone. */
export function clearAllDrafts() {
  clearDraftsWithPrefix(DRAFT_PREFIX)
}
