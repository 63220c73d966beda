import { routes } from '../../../routes'

/**
 * What the volunteer home offers, in the order a rider needs it: report first (seconds at a red light), then
 * tasks, the mall, the ledger — only pages that exist, never a button to nowhere.
 */
export interface Section {
  key: string
  title: string
  blurb: string
  url: string
  /** Only staff of the volunteer service see it. */
  staff?: boolean
}

export const SECTIONS: Section[] = [
  { key: 'report', title: '随手拍', blurb: '看到安全隐患、路面设施坏了、环境脏乱，拍一张发给区县处理，有效的记积分', url: routes.volunteerReport },
  { key: 'reportsDesk', title: '随手拍受理情况', blurb: '本月收到、受理用时、已处理和积分（工作人员）', url: routes.volunteerReportsDesk, staff: true },
  { key: 'tasks', title: '志愿服务', blurb: '报名区县组织的志愿服务，到现场签到签退，确认后记时长和积分', url: routes.volunteerTasks },
  { key: 'hours', title: '补录时长', blurb: '没用暖新签到的服务（纸质签到表），补录后由工作人员核实，标为“补录”', url: routes.volunteerHours },
  { key: 'teams', title: '志愿队伍', blurb: '加入本区县的一支队伍，看各队的服务时长和积分', url: routes.volunteerTeams },
  { key: 'taskManage', title: '志愿任务管理', blurb: '发布志愿服务，出示签到码，确认时长（工作人员）', url: routes.volunteerTaskManage, staff: true },
  { key: 'mall', title: '积分商城', blurb: '用积分兑换换电、雨衣、头盔等，凭领取码到驿站领取', url: routes.volunteerMall },
  { key: 'redemptions', title: '我的兑换', blurb: '领取码和二维码、领取期限、是否已领取', url: routes.volunteerRedemptions },
  { key: 'mallManage', title: '礼品管理', blurb: '上架、编辑、下架礼品，看还剩多少、待领取多少（工作人员）', url: routes.volunteerMallManage, staff: true },
  { key: 'pickup', title: '兑换核销', blurb: '扫领取码或输入 8 位数字，核对后交付礼品（工作人员）', url: routes.volunteerPickup, staff: true },
  { key: 'ledger', title: '积分明细', blurb: '每一笔积分的来由和余额，点开看来源；可以核对积分', url: routes.volunteerLedger },
  { key: 'leaderboard', title: '积分排行榜', blurb: '本区县每月获得积分前 20 名，看看您排第几', url: routes.volunteerLeaderboard },
  { key: 'record', title: '志愿服务记录证明', blurb: '确认的服务时长、星级，免费出具带编号的证明，可下载 PDF、打印', url: routes.volunteerRecord },
  { key: 'recordVerify', title: '记录证明核验', blurb: '输入证明编号，核对时长、星级和出具单位', url: routes.volunteerRecordVerify },
]
