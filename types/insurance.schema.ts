import * as z from 'zod/mini'
import { DateText, Fen, Latitude, Longitude, PlaceText } from './fields'
import { Occupation, type Occupation as OccupationT } from './user.schema'

/**
 * 职业伤害保障 (../shared/reference/DOMAIN.md §2). Two kinds of scheme, both configuration an admin edits with a date
 * from which a version applies (audited):
 * - `commercial`: a city's scheme run by an insurer; the worker buys a yearly policy (Changshu's default: 360 CNY a
 *   year, up to 400,000 CNY paid per person per year); people covered by ordinary 工伤保险 may not join;
 * - `pilot`: the national occupational-injury pilot — the platform pays per order, the worker pays nothing, covering
 *   order-takers of listed platforms in the city where they take orders; it cannot be bought.
 * Claim deadlines differ by province and by source: they are the scheme's, never a literal in code.
 */
export const SCHEME_KINDS = ['commercial', 'pilot'] as const
export const SchemeKind = z.enum(SCHEME_KINDS, { error: '请选择保障类型' })
export type SchemeKind = z.infer<typeof SchemeKind>
export const SCHEME_KIND_LABELS: Record<SchemeKind, string> = { commercial: '商业职业伤害保险（自己投保）', pilot: '新就业形态职业伤害保障（平台缴费）' }

const Region = z.string().check(z.regex(/^32\d{4}$/, '请选择江苏省内的城市或区县'))
const Days = (label: string) => z.int({ error: `请填写${label}` }).check(z.gte(1, `${label}至少 1 天`), z.lte(730, `${label}太长了，请核对`))

/** Who must file a claim within how long, and what a late one needs — per province, from the scheme's own rules. */
export const ClaimRules = z.strictObject({
  /** The platform (or employer) files within this many working days of the injury. */
  platformFilesWithinWorkingDays: Days('平台报案期限'),
  /** If it does not, the worker or family may file within this many days. */
  selfFilesWithinDays: Days('本人申请期限'),
  /** A claim filed after the self-filing deadline needs a written explanation (逾期说明). */
  lateNeedsExplanation: z.boolean(),
  /** Where the rule comes from, for the reviewer (a document or a phone call); sources disagree. */
  source: z.string().check(z.trim(), z.minLength(2, '请写明依据'), z.maxLength(120, '最多 120 个字')),
})
export type ClaimRules = z.infer<typeof ClaimRules>

export const SchemeInput = z
  .strictObject({
    /** A stable key: versions of one scheme share it. */
    key: z.string({ error: '请填写方案代码' }).check(z.regex(/^[a-z0-9-]{3,40}$/, '方案代码用小写字母、数字和短横线，3–40 个')),
    kind: SchemeKind,
    name: z.string({ error: '请填写方案名称' }).check(z.trim(), z.minLength(2, '请填写方案名称'), z.maxLength(40, '最多 40 个字')),
    insurer: z.string({ error: '请填写承保或经办机构' }).check(z.trim(), z.minLength(2, '请填写承保或经办机构'), z.maxLength(40, '最多 40 个字')),
    /** Cities or districts where it applies (a city code covers all its districts). */
    regions: z.array(Region).check(z.minLength(1, '请至少选择一个城市或区县'), z.maxLength(120)),
    /** What it pays, in plain words for the worker. */
    benefits: z.string({ error: '请写明保障内容' }).check(z.trim(), z.minLength(4, '请写明保障内容'), z.maxLength(200, '最多 200 个字')),
    /** Commercial: the yearly premium and the most paid per person per year. */
    premiumFen: z.optional(Fen),
    annualCapFen: z.optional(Fen),
    /** Pilot: the platforms and occupations it covers. */
    platforms: z.optional(z.array(z.string().check(z.trim(), z.minLength(2), z.maxLength(20))).check(z.maxLength(50))),
    occupations: z.optional(z.array(Occupation).check(z.maxLength(6))),
    claimRules: ClaimRules,
    effectiveFrom: DateText,
  })
  .check(
    z.refine((s) => s.kind !== 'commercial' || (s.premiumFen !== undefined && s.premiumFen > 0), { error: '商业保险请填写每年保费', path: ['premiumFen'] }),
    z.refine((s) => s.kind !== 'commercial' || (s.annualCapFen !== undefined && s.annualCapFen > 0), { error: '商业保险请填写每年最高赔付', path: ['annualCapFen'] }),
    z.refine((s) => s.kind !== 'pilot' || (s.platforms?.length ?? 0) > 0, { error: '试点保障请列出覆盖的平台', path: ['platforms'] }),
    z.refine((s) => s.kind !== 'pilot' || (s.occupations?.length ?? 0) > 0, { error: '试点保障请选择覆盖的职业', path: ['occupations'] }),
  )
export type SchemeInput = z.infer<typeof SchemeInput>

/** A scheme version as both sides read it. */
export interface SchemeView extends SchemeInput {
  id: string
  /** The version in force today (others are past or scheduled). */
  inForce: boolean
}

/** How one scheme applies to the caller, in words. */
export type CoverageState = 'canEnrol' | 'coveredByPlatform' | 'platformNotListed' | 'notForOccupation' | 'notInRegion'

export interface CoverageItem {
  /** The version in force (`<key>@<effectiveFrom>`). */
  schemeId: string
  /** The scheme itself, across its versions: what enrol and report take. */
  schemeKey: string
  kind: SchemeKind
  name: string
  insurer: string
  state: CoverageState
  /** One line on what it means for the caller: “平台按单为您缴费，您不用交钱”. */
  headline: string
  benefits: string
  /** “每年 360 元”, or “不用您交钱”. */
  cost: string
  /** “每人每年最高赔付 400,000 元”, or null for the pilot (by its rules). */
  cap: string | null
  claimRules: ClaimRules
}

export interface CoverageView {
  /** The profile facts the answer was worked out from, for the caller to check. */
  basis: { occupation: OccupationT; platform: string; regionLabel: string }
  items: CoverageItem[]
}

export const SchemesInput = z.strictObject({ all: z.optional(z.boolean()) })

// ---- enrolment, payment, policy ----

export const RELATIONS = ['spouse', 'child', 'parent', 'other'] as const
export const RELATION_LABELS: Record<(typeof RELATIONS)[number], string> = { spouse: '配偶', child: '子女', parent: '父母', other: '其他' }

/** Enrolling in a commercial scheme: the eligibility declaration and who receives a death benefit. */
export const InsuranceEnrolInput = z.strictObject({
  schemeKey: z.string({ error: '请选择方案' }).check(z.regex(/^[a-z0-9-]{3,40}$/, '方案不对')),
  declaration: z.strictObject({
    /** Not covered by ordinary 工伤保险 (an employee's) — the scheme excludes them. */
    noWorkInjuryInsurance: z.literal(true, { error: '已参加工伤保险的不能参加，请确认' }),
    /** Registered as a flexible worker in the scheme's city. */
    registeredHere: z.literal(true, { error: '请确认您在本市登记为灵活就业人员' }),
  }),
  beneficiary: z.strictObject({
    name: z.string({ error: '请填写受益人姓名' }).check(z.trim(), z.minLength(2, '请填写受益人姓名'), z.maxLength(20, '最多 20 个字')),
    relation: z.enum(RELATIONS, { error: '请选择和您的关系' }),
    mobile: z.string({ error: '请填写受益人手机号' }).check(z.overwrite((v) => v.replace(/[\s-]/g, '')), z.regex(/^1\d{10}$/, '手机号是 11 位数字')),
  }),
})
export type InsuranceEnrolInput = z.infer<typeof InsuranceEnrolInput>

export interface InsuranceEnrolmentPayload {
  schemeId: string
  schemeKey: string
  schemeName: string
  insurer: string
  premiumFen: number
  annualCapFen: number
  beneficiary: InsuranceEnrolInput['beneficiary']
}

export const PayInput = z.strictObject({ applicationId: z.string({ error: '缺少申请编号' }).check(z.minLength(1, '缺少申请编号'), z.maxLength(64)) })

export type OrderState = 'unpaid' | 'paid'

/** WeChat Pay's parameters for `wx.requestPayment` / `Taro.requestPayment` (API v3, JSAPI): paySign is RSA. */
export const WechatPayParams = z.strictObject({
  timeStamp: z.string().check(z.regex(/^\d{10}$/)),
  nonceStr: z.string().check(z.minLength(1), z.maxLength(32)),
  package: z.string().check(z.regex(/^prepay_id=[\w-]{1,64}$/)),
  signType: z.literal('RSA'),
  paySign: z.string().check(z.minLength(1)),
})
export type WechatPayParams = z.infer<typeof WechatPayParams>

/** What the app needs to pay: in WeChat the payment parameters; locally a labelled sandbox. */
export interface PaymentView {
  orderId: string
  amountFen: number
  state: OrderState
  /** Local runs without a WeChat Pay merchant only: no money moves; the app shows “沙箱支付”. */
  sandbox: boolean
  /** For `Taro.requestPayment` while unpaid with a merchant configured (a prepay valid 2 h, reused); else null. */
  wechatPay: WechatPayParams | null
  policyId: string | null
}

export const SandboxPaidInput = z.strictObject({ orderId: z.string({ error: '缺少订单号' }).check(z.minLength(1, '缺少订单号'), z.maxLength(80)) })

export type PolicyState = 'upcoming' | 'active' | 'expired'
export const POLICY_STATE_LABELS: Record<PolicyState, string> = { upcoming: '明天零点起生效', active: '保障中', expired: '已过期' }

export interface PolicyView {
  id: string
  number: string
  /** The scheme it was bought under (enrol and report take it). */
  schemeKey: string
  schemeName: string
  insurer: string
  /** From the day after payment, 00:00 Asia/Shanghai, for a year. */
  startsAt: string
  endsAt: string
  premiumFen: number
  annualCapFen: number
  capLeftFen: number
  state: PolicyState
  /** Days to expiry while active (the renewal reminder comes at 30). */
  daysLeft: number | null
}

/** Approving an enrolment opens the premium to pay; nothing else to decide (a note the applicant reads, at most). */
export const InsuranceEnrolmentDecision = z.strictObject({
  note: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多 200 个字'))),
})

// ---- claims (一键报案) ----

export const BODY_PARTS = ['head', 'neck', 'arm', 'hand', 'trunk', 'back', 'leg', 'foot', 'several'] as const
export const BODY_PART_LABELS: Record<(typeof BODY_PARTS)[number], string> = {
  head: '头部', neck: '颈部', arm: '胳膊', hand: '手', trunk: '胸腹', back: '腰背', leg: '腿', foot: '脚', several: '多处',
}

/** What a claim needs (DOMAIN §2): each marked received as it comes. `lateNote` only when filed late. */
export const EVIDENCE_ITEMS = ['scene', 'diagnosis', 'receipts', 'order', 'lateNote'] as const
export type EvidenceItem = (typeof EVIDENCE_ITEMS)[number]
export const EVIDENCE_LABELS: Record<EvidenceItem, string> = {
  scene: '现场照片或视频',
  diagnosis: '诊断证明',
  receipts: '医疗费票据',
  order: '接单截图（能看到时间和地点）',
  lateNote: '逾期说明（为什么晚了）',
}

/** One tap on the spot: when, where, what, which body part, which hospital — the rest can follow. */
export const ReportInput = z.strictObject({
  schemeKey: z.string({ error: '请选择保障' }).check(z.regex(/^[a-z0-9-]{3,40}$/, '保障不对')),
  occurredAt: z.iso.datetime({ offset: true, error: '请选择受伤的时间' }),
  place: z.strictObject({ text: PlaceText, longitude: z.optional(Longitude), latitude: z.optional(Latitude) }),
  what: z.string({ error: '请说一下发生了什么' }).check(z.trim(), z.minLength(2, '请说一下发生了什么'), z.maxLength(500, '最多 500 个字')),
  bodyPart: z.enum(BODY_PARTS, { error: '请选择受伤的部位' }),
  hospital: z.optional(z.string().check(z.trim(), z.maxLength(60, '最多 60 个字'))),
  /** Ask for the hospital deposit to be paid in advance (预付): decided first. */
  advanceFen: z.optional(Fen.check(z.gte(1, '预付金额请填大于 0 的数'))),
})
export type ReportInput = z.infer<typeof ReportInput>

export const EvidenceInput = z.strictObject({
  applicationId: z.string({ error: '缺少申请编号' }).check(z.minLength(1, '缺少申请编号'), z.maxLength(64)),
  item: z.enum(EVIDENCE_ITEMS, { error: '请选择是哪一项材料' }),
  attachments: z.array(z.string().check(z.minLength(1))).check(z.minLength(1, '请拍照或选一个文件'), z.maxLength(9, '最多 9 个附件')),
})

export interface ClaimDeadlines {
  /** The platform (or the policy holder's side) files by the end of this day. */
  platformBy: string
  /** The worker or family may file by the end of this day; later needs the explanation. */
  selfBy: string
  /** Filed after `selfBy`. */
  late: boolean
}

export interface InjuryClaimPayload {
  schemeKey: string
  schemeKind: SchemeKind
  schemeName: string
  policyId: string | null
  policyNumber: string | null
  occurredAt: string
  place: ReportInput['place']
  what: string
  bodyPart: (typeof BODY_PARTS)[number]
  hospital: string | null
  deadlines: ClaimDeadlines
  evidence: Record<EvidenceItem, { needed: boolean; received: boolean; files: string[] }>
  advance: { requestedFen: number; decision: null | { approved: boolean; amountFen: number; reason: string | null; at: string } }
  payouts: { amountFen: number; paidOn: string; reference: string; at: string }[]
}

export const BENEFITS = ['medical', 'disability', 'death'] as const
export const BENEFIT_LABELS: Record<(typeof BENEFITS)[number], string> = { medical: '医疗费用', disability: '伤残', death: '身故' }

/** Approving a claim: the benefit, a disability grade (1–10) where it applies, and the amount — within the cover left. */
export const ClaimDecision = z
  .strictObject({
    benefit: z.enum(BENEFITS, { error: '请选择赔付类型' }),
    grade: z.optional(z.int({ error: '伤残等级请填 1 到 10' }).check(z.gte(1, '伤残等级 1 到 10 级'), z.lte(10, '伤残等级 1 到 10 级'))),
    amountFen: Fen.check(z.gte(1, '赔付金额要大于 0；不赔请用“不予批准”')),
  })
  .check(z.refine((d) => d.benefit !== 'disability' || d.grade !== undefined, { error: '伤残赔付请填写伤残等级（劳动能力鉴定）', path: ['grade'] }))
export type ClaimDecision = z.infer<typeof ClaimDecision>

export const AdvanceDecisionInput = z.strictObject({
  applicationId: z.string({ error: '缺少申请编号' }).check(z.minLength(1, '缺少申请编号'), z.maxLength(64)),
  approve: z.boolean({ error: '请选择同意还是不同意预付' }),
  amountFen: z.optional(Fen.check(z.gte(1, '预付金额要大于 0'))),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多 200 个字'))),
})

export const PayoutInput = z.strictObject({
  applicationId: z.string({ error: '缺少申请编号' }).check(z.minLength(1, '缺少申请编号'), z.maxLength(64)),
  amountFen: Fen.check(z.gte(1, '请填写实际打款金额')),
  paidOn: DateText,
  reference: z.string({ error: '请填写打款流水号' }).check(z.trim(), z.minLength(4, '请填写打款流水号'), z.maxLength(40, '最多 40 个字')),
})

export interface InsuranceFigures {
  policiesInForce: number
  claimsOpen: number
  claimsOverdue: number
  paidThisMonthFen: number
  paidThisMonth: number
  /** Median days from the report to the first payout, over claims paid in the last 90 days; null before any. */
  medianDaysReportToPayment: number | null
}
