import type { Runtime } from '../cloudfunctions/shared/core/context'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { saveReward } from '../cloudfunctions/shared/volunteer/mall.rewards'
import { inZone } from '../types/time'
import type { RewardInput } from '../types/volunteer-mall.schema'

type Listing = Omit<RewardInput, 'district' | 'pickupPlace' | 'pickupHours' | 'validUntil'>

/** Kunshan's mall costs 800–3800 points (1 hour of service = 10 points); a battery swap is the small everyday one. */
const REWARDS: Listing[] = [
  { name: '免费换电一次', description: '合作换电柜扫码换电一次，领取时发券码', cost: 300, stock: 50, limitPerPerson: 2 },
  { name: '分体式雨衣', description: '带反光条，上衣和裤子分开，骑车不兜风', cost: 800, stock: 30, limitPerPerson: 1 },
  { name: '骑行头盔（3C 认证）', description: '四季款，可拆洗内衬，均码可调', cost: 1500, stock: 20, limitPerPerson: 1 },
  { name: '外卖保温箱', description: '42 升，加厚保温层，可装后座', cost: 2500, stock: 10, limitPerPerson: 1 },
]

/** Where each district hands rewards out: a 暖心驿站 riders pass anyway. */
const DISTRICTS = [
  { staff: 'demo-staff-nantong', district: '320613', pickupPlace: '崇川区和平桥暖心驿站（工农路 18 号）', pickupHours: '每天 9:00–21:00' },
  { staff: 'demo-staff-wuxi', district: '320213', pickupPlace: '梁溪区崇安寺暖心驿站（中山路 318 号）', pickupHours: '每天 8:30–20:30' },
]

/**
 * 积分商城's demo: four rewards in each of 崇川 and 梁溪, listed by their own staff through the same service the desk
 * uses (audited). Nobody has redeemed anything: the demo rider redeems with the points the earlier parts earned him.
 */
export async function seedVolunteerMall(rt: Runtime): Promise<void> {
  const validUntil = inZone(rt.now()).add(6, 'month').endOf('month').format('YYYY-MM-DD')
  for (const d of DISTRICTS) {
    const staff = await findUserByOpenid(rt.db, d.staff)
    if (!staff) continue
    for (const r of REWARDS) {
      await saveReward(rt, staff, { ...r, district: d.district, pickupPlace: d.pickupPlace, pickupHours: d.pickupHours, validUntil })
    }
  }
}
