import { PRIVACY_GUIDE } from '~types/privacy'
import type { Service } from '~types/roles'
import type { Occupation } from '~types/user.schema'
import type { Runtime } from '../cloudfunctions/shared/core/context'
import { grantStaff } from '../cloudfunctions/shared/user/staff.service'
import { bootstrapAdmin, login, saveProfile } from '../cloudfunctions/shared/user/user.service'
import { USERS } from '../cloudfunctions/shared/user/user.doc'
import { findUserByOpenid } from '../cloudfunctions/shared/user/user.repository'
import { demoIdNumber } from './demo-id'
import { seedAcademy } from './seed-academy'
import { seedInsurance } from './seed-insurance'
import { seedStations } from './seed-station'
import { seedVolunteer } from './seed-volunteer'

interface DemoPerson {
  openid: string
  label: string
  realName: string
  occupation: Occupation
  platform: string
  districtCode: string
  birth: string
  staff?: { districtCode: string; services: Service[] }
  admin?: true
}

/** Who a newcomer can sign in as on the local server. Names and numbers are invented. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { openid: 'demo-rider', label: '周小勇 · 外卖配送员 · 南通崇川', realName: '周小勇', occupation: '外卖配送员', platform: '美团外卖', districtCode: '320613', birth: '1994-03-12' },
  { openid: 'demo-courier', label: '李娟 · 快递员 · 南京玄武', realName: '李娟', occupation: '快递员', platform: '中通快递', districtCode: '320102', birth: '1990-07-08' },
  { openid: 'demo-trucker', label: '王建国 · 货车司机 · 徐州云龙', realName: '王建国', occupation: '货车司机', platform: '满帮', districtCode: '320303', birth: '1982-11-23' },
  { openid: 'demo-ridehail', label: '陈浩 · 网约车司机 · 南京江宁', realName: '陈浩', occupation: '网约车司机', platform: 'T3出行', districtCode: '320115', birth: '1988-05-30' },
  { openid: 'demo-streamer', label: '孙悦 · 网络主播 · 宿迁宿城', realName: '孙悦', occupation: '网络主播', platform: '宿迁电商产业园', districtCode: '321302', birth: '1999-01-17' },
  { openid: 'demo-other', label: '赵平 · 其他 · 无锡梁溪', realName: '赵平', occupation: '其他', platform: '家政服务平台', districtCode: '320213', birth: '1985-09-02' },
  { openid: 'demo-staff-nantong', label: '顾敏 · 工作人员 · 南通崇川（全部服务）', realName: '顾敏', occupation: '其他', platform: '崇川区委组织部', districtCode: '320613', birth: '1987-04-15', staff: { districtCode: '320613', services: ['academy', 'insurance', 'legalAid', 'volunteer', 'station'] } },
  { openid: 'demo-staff-wuxi', label: '钱伟 · 工作人员 · 无锡梁溪（法律援助、志愿、驿站）', realName: '钱伟', occupation: '其他', platform: '梁溪区司法局', districtCode: '320213', birth: '1983-12-01', staff: { districtCode: '320213', services: ['legalAid', 'volunteer', 'station'] } },
  { openid: 'demo-admin', label: '吴强 · 管理员', realName: '吴强', occupation: '其他', platform: '江苏省委两新工委', districtCode: '320102', birth: '1979-06-20', admin: true },
  // Appended (the ID numbers above are numbered by position): the academy's staff in 无锡梁溪.
  { openid: 'demo-staff-wuxi-academy', label: '林芳 · 工作人员 · 无锡梁溪（江海新才学院）', realName: '林芳', occupation: '其他', platform: '梁溪区人社局', districtCode: '320213', birth: '1986-02-14', staff: { districtCode: '320213', services: ['academy'] } },
  // 常熟: where the commercial injury scheme runs — a driver with a policy, and the scheme's staff.
  { openid: 'demo-changshu', label: '陆建华 · 网约车司机 · 苏州常熟（有保单）', realName: '陆建华', occupation: '网约车司机', platform: '曹操出行', districtCode: '320581', birth: '1991-04-18' },
  { openid: 'demo-staff-changshu', label: '沈丽 · 工作人员 · 苏州常熟（职业伤害保障）', realName: '沈丽', occupation: '其他', platform: '常熟市人社局', districtCode: '320581', birth: '1984-09-09', staff: { districtCode: '320581', services: ['insurance'] } },
]

const MOBILE_BASE = 13900000000

/**
 * First-start demo data, written through the same services the app uses (so it obeys every rule). Runs once:
 * an existing users collection means the data folder is in use and is left alone.
 */
export async function seedDemoData(rt: Runtime): Promise<boolean> {
  const { total } = await rt.db.collection(USERS).count()
  if (total > 0) return false
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    await login(rt, p.openid, null)
    const user = (await findUserByOpenid(rt.db, p.openid))!
    await saveProfile(rt, user, {
      realName: p.realName,
      idNumber: demoIdNumber(p.districtCode, p.birth, 101 + i * 2),
      mobile: String(MOBILE_BASE + 1000 + i * 1111),
      occupation: p.occupation,
      platform: p.platform,
      districtCode: p.districtCode,
      consents: { privacyVersion: PRIVACY_GUIDE.version, sensitive: true },
    })
  }
  // The first admin cannot be granted by an admin: bootstrapped, as in production, and audited.
  const admin = DEMO_PEOPLE.find((p) => p.admin)!
  const granter = await bootstrapAdmin(rt, (await findUserByOpenid(rt.db, admin.openid))!, '本地演示数据')
  for (const p of DEMO_PEOPLE.filter((d) => d.staff)) {
    const user = (await findUserByOpenid(rt.db, p.openid))!
    await grantStaff(rt, granter, { userId: user._id, districtCode: p.staff!.districtCode, services: p.staff!.services })
  }
  await seedAcademy(rt)
  await seedInsurance(rt)
  await seedVolunteer(rt)
  await seedStations(rt)
  return true
}
