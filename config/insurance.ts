import type { SchemeInput } from '../types/insurance.schema'
import { CITIES } from '../types/regions'

/**
 * The schemes a fresh deployment starts with (../shared/reference/DOMAIN.md §2). An admin edits them in the app
 * (a new version from a date, audited); these only apply while no version has been entered.
 * - Changshu's commercial scheme is the seed article's (360 CNY a year, up to 400,000 CNY per person per year) —
 *   not confirmed by a second source, so the insurer is named as the city publishes it.
 * - The national pilot's Jiangsu part since July 2022: the seven platforms of its first round, order-takers of
 *   ride-hailing, instant delivery and same-city freight.
 * The claim deadlines are placeholders from the closest confirmed rules (Shanghai's pilot: the platform within 3
 * working days; 工伤保险条例 Art. 17: the worker within a year) until the province's own are entered.
 */
const PLACEHOLDER_RULES: SchemeInput['claimRules'] = {
  platformFilesWithinWorkingDays: 3,
  selfFilesWithinDays: 365,
  lateNeedsExplanation: true,
  source: '暂参照上海试点（平台 3 个工作日内报案）和《工伤保险条例》第十七条（本人 1 年内），以本省文件为准',
}

export const DEFAULT_SCHEMES: SchemeInput[] = [
  {
    key: 'changshu-commercial',
    kind: 'commercial',
    name: '常熟市灵活就业人员职业伤害保险',
    insurer: '常熟市人社局公布的承保保险公司',
    regions: ['320581'],
    benefits: '工作中受伤的医疗费、伤残和身故赔付，每人每年最高 40 万元；已参加工伤保险的不能参加',
    premiumFen: 36_000,
    annualCapFen: 40_000_000,
    claimRules: PLACEHOLDER_RULES,
    effectiveFrom: '2022-07-01',
  },
  {
    key: 'jiangsu-pilot',
    kind: 'pilot',
    name: '新就业形态就业人员职业伤害保障（江苏）',
    insurer: '江苏省人社部门委托的经办保险机构',
    regions: CITIES.map((c) => c.code),
    benefits: '在平台接单时受伤的医疗、伤残、身故待遇，由平台按单缴费，每一单、每个人都保',
    platforms: ['曹操出行', '美团', '饿了么', '达达', '闪送', '货拉拉', '快狗打车'],
    occupations: ['网约车司机', '外卖配送员', '货车司机'],
    claimRules: PLACEHOLDER_RULES,
    effectiveFrom: '2022-07-01',
  },
]
