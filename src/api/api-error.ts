import { DEFAULT_MESSAGES, type ErrorCode, type FieldErrors } from '~types/errors'

/** A failed call as a page sees it: the server's code and Chinese message, or NETWORK when nothing came back. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const NETWORK_MESSAGE = '网络不太好，没有提交成功。内容已保存，稍后再试一次。'

/** For reads and sign-in, where nothing was being submitted. */
export const OFFLINE_MESSAGE = '网络不太好，暂时连不上暖新。请检查网络后点“重试”。'

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError('INTERNAL', DEFAULT_MESSAGES.INTERNAL)
}
