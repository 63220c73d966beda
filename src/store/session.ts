import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import type { UserView } from '~types/user.schema'
import { api } from '../api/client'
import { ApiError, OFFLINE_MESSAGE } from '../api/api-error'
import { clearAllDrafts } from '../hooks/use-draft'
import { getToken, setToken } from '../api/token'

export type SessionStatus = 'unknown' | 'signedOut' | 'signedIn'

export interface SessionState {
  status: SessionStatus
  user: UserView | null
  /** Why the last restore failed (e.g. offline), shown instead of a blank screen. */
  error: ApiError | null
}

let state: SessionState = { status: 'unknown', user: null, error: null }
const listeners = new Set<() => void>()

function set(next: Partial<SessionState>) {
  state = { ...state, ...next }
  listeners.forEach((l) => l())
}

export function getSession(): SessionState {
  return state
}

export function useSession(): SessionState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => state,
  )
}

export function setUser(user: UserView) {
  set({ status: 'signedIn', user, error: null })
}

let restoring: Promise<void> | null = null

/**
 * One login flow: in WeChat `user.login` runs with the platform identity; in H5 the stored demo token stands in.
 * Concurrent callers (several pages showing at once) share one request.
 */
export function restoreSession(): Promise<void> {
  restoring ??= (async () => {
    try {
      if (process.env.TARO_ENV !== 'weapp' && !getToken()) return set({ status: 'signedOut', user: null, error: null })
      setUser(await api.user.login({}))
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '登录失败，请重试')
      if (err.code === 'NETWORK') return set({ error: new ApiError('NETWORK', OFFLINE_MESSAGE) })
      // In WeChat there is no sign-in page to go to: the platform identity failed, so offer a retry instead.
      if (err.code === 'UNAUTHENTICATED' && process.env.TARO_ENV !== 'weapp') {
        setToken(null)
        return set({ status: 'signedOut', user: null, error: null })
      }
      set({ error: err })
    } finally {
      restoring = null
    }
  })()
  return restoring
}

/** H5 demo sign-in on the local server (the sandbox for WeChat login). */
export async function signInDemo(openid: string): Promise<UserView> {
  const res = await fetch(`${NUANXIN_API_BASE}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  }).catch(() => null)
  const body = res ? ((await res.json().catch(() => null)) as
    | { ok: true; data: { token: string; user: UserView } }
    | { ok: false; error: { code: 'INVALID_INPUT'; message: string; fields?: Record<string, string> } }
    | null) : null
  if (!body) throw new ApiError('NETWORK', '连不上本地服务，请确认 npm start 正在运行')
  if (!body.ok) throw new ApiError(body.error.code, body.error.message, body.error.fields)
  setToken(body.data.token)
  setUser(body.data.user)
  return body.data.user
}

export function signOut() {
  setToken(null)
  clearAllDrafts()
  set({ status: 'signedOut', user: null, error: null })
  void Taro.reLaunch({ url: '/packages/account/pages/signin/index' })
}
