import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { routes } from '../routes'
import { restoreSession, useSession } from '../store/session'

/**
 * Every page calls this: sign in (or restore) first, and until the profile is complete and the privacy guide
 * accepted, the only screen a worker gets is the profile form (which itself passes `allowIncomplete`).
 */
export function useGuard({ allowIncomplete = false }: { allowIncomplete?: boolean } = {}) {
  const session = useSession()
  useDidShow(() => {
    if (session.status === 'unknown') void restoreSession()
  })
  useEffect(() => {
    if (session.status === 'unknown' && !session.error) void restoreSession()
    if (session.status === 'signedOut') void Taro.reLaunch({ url: routes.signin })
    else if (!allowIncomplete && session.user && !session.user.ready) void Taro.reLaunch({ url: routes.profile })
  }, [session.status, session.user, session.error, allowIncomplete])
  return session
}
