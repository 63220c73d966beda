import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { routes } from '../routes'
import { restoreSession, useSession } from '../store/session'

/**
 * Every page calls this: sign in (or restore) first, and until the profile is complete and the privacy guide
 * accepted, the only screen a worker gets is the profile form — or, when only the guide changed, the page that asks
 * again (both pass `allowIncomplete`).
 */
export function useGuard({ allowIncomplete = false }: { allowIncomplete?: boolean } = {}) {
  const session = useSession()
  useDidShow(() => {
    if (session.status === 'unknown') void restoreSession()
  })
  useEffect(() => {
    if (session.status === 'unknown' && !session.error) void restoreSession()
    if (session.status === 'signedOut') void Taro.reLaunch({ url: routes.signin })
    // A changed privacy guide is agreed to again on its own page (what changed, then the consents), not by retyping the profile.
    else if (!allowIncomplete && session.user && !session.user.ready) void Taro.reLaunch({ url: session.user.reconsent ? routes.privacyUpdate : routes.profile })
  }, [session.status, session.user, session.error, allowIncomplete])
  return session
}
