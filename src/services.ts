import type { Service } from '~types/roles'
import { routes } from './routes'

/**
 * The services a worker can open from the hub. Each later issue adds its entry here when its pages exist;
 * the hub shows only these — never a button that leads nowhere.
 */
export interface ServiceEntry {
  service: Service
  title: string
  blurb: string
  url: string
}

export const SERVICE_ENTRIES: ServiceEntry[] = [
  { service: 'academy', title: '江海新才学院', blurb: '免费学技能拿证书，读大专本科补学费，证书还能领补贴', url: routes.academy },
  { service: 'insurance', title: '职业伤害保障', blurb: '受了伤马上报案，看看自己有没有保障', url: routes.insurance },
  { service: 'volunteer', title: '志愿服务积分', blurb: '随手拍反映问题、参加志愿服务攒积分，积分换礼品', url: routes.volunteer },
  { service: 'station', title: '附近暖心驿站', blurb: '找个地方歇脚、喝热水、热饭、充电，看看哪家现在开着', url: routes.stationNearby },
  { service: 'legalAid', title: '法律援助', blurb: '被拖欠工资、受了工伤、出了交通事故，免费请律师帮您', url: routes.legalAidApply },
]

/** Named on the hub as "coming", so a worker knows what to expect — as text, not as dead buttons. */
export const UPCOMING: string[] = []
