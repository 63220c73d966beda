import { Text, View } from '@tarojs/components'
import type { StarProgress } from '~types/volunteer.schema'
import { starText } from '~types/volunteer-record.schema'
import './stars.scss'

/** Hours still to serve, rounded up to the half hour: 45 minutes left are 1 hour to go, never “0.5”. */
const hoursLeft = (minutes: number) => Math.ceil(minutes / 30) / 2

const STAR_NAMES = ['', '一', '二', '三', '四', '五']

/** The star level in words (the ★ only repeat it), and the next one: how many hours to go. */
export function starProgressText(p: StarProgress): { level: string; next: string } {
  return {
    level: starText(p.stars),
    next: p.next ? `再服务 ${hoursLeft(p.next.minutesLeft)} 小时升到${STAR_NAMES[p.stars + 1]}星（累计满 ${p.next.hours} 小时）` : '已是最高的五星志愿者',
  }
}

export function StarLine({ stars }: { stars: StarProgress }) {
  const { level, next } = starProgressText(stars)
  return (
    <View className="vol-stars" aria-label={`${level}，${next}`}>
      <View className="vol-stars__level">
        {stars.stars ? (
          <Text className="vol-stars__marks" aria-hidden>
            {'★'.repeat(stars.stars)}
          </Text>
        ) : null}
        <Text className="vol-stars__words">{level}</Text>
      </View>
      <Text className="vol-stars__next">{next}</Text>
      {stars.next ? (
        <View className="vol-stars__bar" aria-hidden>
          <View className="vol-stars__fill" style={{ width: `${Math.max(2, Math.min(100, 100 - (stars.next.minutesLeft / (stars.next.hours * 60)) * 100))}%` }} />
        </View>
      ) : null}
    </View>
  )
}
