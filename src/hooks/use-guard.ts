import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { routes } from '../routes'
import { restoreSession, useSession } from '../store/session'

/**
 * Every tab page calls this: sign in (or restore) first, and until the profile is complete and the privacy guide
 * accepted, the only screen a worker gets is the profile form.
 */
export function useGuard() {
  const session = useSession()
  useDidShow(() => {
    if (session.status === 'unknown') void restoreSession()
  })
  useEffect(() => {
    if (session.status === 'unknown' && !session.error) void restoreSession()
    if (session.status === 'signedOut') void Taro.reLaunch({ url: routes.signin })
    else if (session.user && !session.user.ready) void Taro.reLaunch({ url: routes.profile })
  }, [session.status, session.user, session.error])
  return session
}
