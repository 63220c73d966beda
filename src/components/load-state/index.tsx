import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ApiError } from '../../api/api-error'
import { ActionButton } from '../action-button'
import './index.scss'

/** A load that found no network: "没有提交成功" (the write wording) would mislead here. */
export const LOAD_NETWORK_MESSAGE = '网络不太好，没有加载出来。请检查网络后重试。'

/** What to tell a person whose read (a list, a search) failed. */
export function loadErrorMessage(error: ApiError): string {
  return error.code === 'NETWORK' ? LOAD_NETWORK_MESSAGE : error.message
}

export interface LoadStateProps<T> {
  data: T | null
  error: ApiError | null
  onRetry: () => void
  /** When the loaded data counts as empty, and what to say then: never a blank area. */
  empty?: { when: (data: T) => boolean; title: string; text?: string }
  loadingText?: string
  children: (data: T) => ReactNode
}

/**
 * Loaded data, or what stands in for it: loading, the failure in words with a retry, or a friendly empty state.
 * A failed refresh keeps the data already on screen below the retry.
 */
export function LoadState<T>({ data, error, onRetry, empty, loadingText = '正在加载…', children }: LoadStateProps<T>) {
  return (
    <>
      {error ? (
        <View className="load-state load-state--error" role="alert">
          <Text className="load-state__text">⚠ {loadErrorMessage(error)}</Text>
          <ActionButton variant="secondary" onClick={onRetry}>
            重试
          </ActionButton>
        </View>
      ) : null}
      {data === null ? (
        error ? null : (
          <View className="load-state" aria-busy>
            <Text className="load-state__text">{loadingText}</Text>
          </View>
        )
      ) : empty?.when(data) ? (
        <View className="load-state load-state--empty">
          <Text className="load-state__title">{empty.title}</Text>
          {empty.text ? <Text className="load-state__text">{empty.text}</Text> : null}
        </View>
      ) : (
        children(data)
      )}
    </>
  )
}
