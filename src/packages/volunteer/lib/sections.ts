import { routes } from '../../../routes'

/**
 * What the volunteer home offers, in the order a rider needs it: report first (seconds at a red light), then
 * tasks, the mall, the ledger. Each part adds its entry here when its page exists — never a button to nowhere.
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
]
// routes is imported for the entries each part adds.
void routes
