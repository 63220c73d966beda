import Taro from '@tarojs/taro'

/** The local demo session token (H5 only). In WeChat there is no token: the platform knows the caller. */
const KEY = 'nx.token'

export function getToken(): string | null {
  return (Taro.getStorageSync(KEY) as string) || null
}

export function setToken(token: string | null) {
  if (token) Taro.setStorageSync(KEY, token)
  else Taro.removeStorageSync(KEY)
}
