import Taro from '@tarojs/taro'

const INBOX_TAB = 1

/** The 消息 tab's badge. Off a tab page (or before the tab bar exists) the call fails: the count is on the page anyway. */
export function showUnreadBadge(unread: number) {
  try {
    const call = unread > 0
      ? Taro.setTabBarBadge({ index: INBOX_TAB, text: unread > 99 ? '99+' : String(unread) })
      : Taro.removeTabBarBadge({ index: INBOX_TAB })
    void Promise.resolve(call).catch(() => undefined)
  } catch {
    // Same as above: some platforms throw synchronously instead of rejecting.
  }
}
