import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { routes } from '../../../routes'

/**
 * 列表 / 地图: the same stations two ways. The list is never more than this one tap away from the map — the list is
 * what a screen reader, large text and a cracked screen in the rain read best.
 */
export function ViewSwitch({ current }: { current: 'list' | 'map' }) {
  const go = (to: 'list' | 'map') => {
    if (to === current) return
    if (to === 'map') return void Taro.navigateTo({ url: routes.stationMap })
    // Back to the list it came from (filters and scroll kept); opened on its own, the list replaces it.
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 })
    else void Taro.redirectTo({ url: routes.stationNearby })
  }
  const tab = (to: 'list' | 'map', word: string) => (
    <View className={`st-switch__tab${current === to ? ' st-switch__tab--on' : ''}`} role="tab" aria-selected={current === to} onClick={() => go(to)}>
      {current === to ? `✓ ${word}` : word}
    </View>
  )
  return (
    <View className="st-switch" role="tablist" aria-label="列表或地图">
      {tab('list', '列表')}
      {tab('map', '地图')}
    </View>
  )
}
