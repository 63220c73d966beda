import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

/**
 * 大字模式: a device preference, not account data — it stays on the phone across sign-out (someone who needs large
 * text needs it on the sign-in page too) and is never sent to the server.
 */
const KEY = 'nx.pref.largeText'

/** What 大字模式 multiplies text by — `$text-scale-large` in styles/_tokens.scss, for what is drawn, not styled (a chart). */
export const TEXT_SCALE_LARGE = 1.3

let large = readStored()
const listeners = new Set<() => void>()

function readStored(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true
  } catch {
    return false
  }
}

export function isLargeText(): boolean {
  return large
}

/** Turns large text on or off for every page at once, the ones under the current page in the stack included. */
export function setLargeText(on: boolean) {
  large = on
  Taro.setStorageSync(KEY, on)
  listeners.forEach((l) => l())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function useLargeText(): boolean {
  return useSyncExternalStore(subscribe, isLargeText, isLargeText)
}
