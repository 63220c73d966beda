import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { routes } from '../../routes'
import { ActionButton } from '../action-button'
import { PageRoot } from '../page-root'
import './index.scss'

/**
 * A page someone reached without the role it needs: say so plainly and offer a way out. The server refuses the
 * calls anyway; this only spares a person an error they cannot act on.
 */
export function NoAccess({ title, children }: { title: string; children: string }) {
  return (
    <PageRoot>
      <View className="no-access">
        <View className="no-access__card" role="alert">
          <Text className="no-access__title">{title}</Text>
          <Text className="no-access__text">{children}</Text>
        </View>
        {/* switchTab, not navigateBack: opened from a link or a refreshed browser tab, there is nothing to go back to. */}
        <ActionButton variant="secondary" onClick={() => void Taro.switchTab({ url: routes.me })}>
          回到“我的”
        </ActionButton>
      </View>
    </PageRoot>
  )
}
