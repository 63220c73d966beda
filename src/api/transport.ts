import Taro from '@tarojs/taro'
import type { CallBody } from '~types/api'
import type { Envelope } from '~types/errors'
import { ApiError, NETWORK_MESSAGE } from './api-error'
import { getToken } from './token'

const TIMEOUT_MS = 15_000

export type Transport = (fn: string, body: CallBody) => Promise<Envelope<unknown>>

/** In WeChat: the platform call; CloudBase sets the caller's OPENID, we never send one. */
const weapp: Transport = async (fn, body) => {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: body as unknown as TaroGeneral.IAnyObject })
    return res.result as Envelope<unknown>
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE)
  }
}

/** In the browser (H5): the same call over HTTP, with the local session token. */
const http: Transport = async (fn, body) => {
  const token = getToken()
  // A stalled request must not leave "正在保存…" up forever: give up after 15 s and let the user retry.
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS)
  let res: Response
  try {
    res = await fetch(`${NUANXIN_API_BASE}/api/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: abort.signal,
    })
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE)
  } finally {
    clearTimeout(timer)
  }
  try {
    return (await res.json()) as Envelope<unknown>
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE)
  }
}

export const transport: Transport = process.env.TARO_ENV === 'weapp' ? weapp : http
