import { Text } from '@tarojs/components'
import { restoreSession, type SessionState } from '../../store/session'
import { ActionButton } from '../action-button'
import { PageRoot } from '../page-root'
import './index.scss'

/**
 * What a guarded page shows before it can show itself: loading, or why the session could not be restored
 * (offline, server down) with a way to try again — never a blank screen.
 */
export function PageStatus({ session }: { session: SessionState }) {
  return (
    <PageRoot className="page-status">
      {session.error ? (
        <>
          <Text className="page-status__text">{session.error.message}</Text>
          <ActionButton variant="secondary" onClick={() => void restoreSession()}>
            重试
          </ActionButton>
        </>
      ) : (
        <Text className="page-status__text">正在加载…</Text>
      )}
    </PageRoot>
  )
}
