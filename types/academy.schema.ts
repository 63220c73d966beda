import * as z from 'zod/mini'
import { HONOUR_TIERS, type AcademyRules, type HonourTier, type SkillLevelNo } from '../config/academy'
import { DateText, Fen, Page } from './fields'

/**
 * 江海新才学院 (../shared/reference/DOMAIN.md §1): diploma programmes with a partner open university, free skill
 * courses leading to a 职业技能等级证书, and contests / pre-job courses that lead to one too. Credits in tenths
 * (a half credit is 5), money in fen, never floats.
 */
export const OFFER_TYPES = ['diploma', 'skill', 'contest'] as const
export const OfferType = z.enum(OFFER_TYPES, { error: '请选择类型：学历教育、技能培训或竞赛与岗前课' })
export type OfferType = z.infer<typeof OfferType>
export const OFFER_TYPE_LABELS: Record<OfferType, string> = { diploma: '学历教育', skill: '技能培训', contest: '竞赛与岗前课' }

/** The occupations the catalogue offers as a filter (offers name theirs freely; these are the groups' own). */
export const CATALOGUE_OCCUPATIONS = ['快递员', '网约配送员', '道路货运汽车驾驶员', '网约车驾驶员', '互联网营销师'] as const

export const SKILL_LEVELS = [5, 4, 3, 2, 1] as const satisfies readonly SkillLevelNo[]
export const SkillLevel = z.literal(SKILL_LEVELS, { error: '请选择证书等级' })
export const SKILL_LEVEL_LABELS: Record<SkillLevelNo, string> = { 5: '五级/初级工', 4: '四级/中级工', 3: '三级/高级工', 2: '二级/技师', 1: '一级/高级技师' }

/** What riders say stops them is time: offers are filtered by when they can be done. */
export const SCHEDULE_TAGS = ['online', 'evening', 'weekend'] as const
export const ScheduleTag = z.enum(SCHEDULE_TAGS, { error: '时间筛选不对' })
export type ScheduleTag = z.infer<typeof ScheduleTag>
export const SCHEDULE_TAG_LABELS: Record<ScheduleTag, string> = { online: '线上可学', evening: '晚上', weekend: '周末' }

export const DIPLOMA_LEVELS = ['associate', 'bachelor'] as const
export const DIPLOMA_LEVEL_LABELS: Record<(typeof DIPLOMA_LEVELS)[number], string> = { associate: '专科', bachelor: '本科' }

/** Highest education so far, as a diploma programme asks it. */
export const EDUCATION_LEVELS = ['primary', 'juniorHigh', 'seniorHigh', 'vocational', 'associate', 'bachelor'] as const
export const Education = z.enum(EDUCATION_LEVELS, { error: '请选择最高学历' })
export type Education = z.infer<typeof Education>
export const EDUCATION_LABELS: Record<Education, string> = {
  primary: '小学',
  juniorHigh: '初中',
  seniorHigh: '高中',
  vocational: '中专、技校或职高',
  associate: '大专',
  bachelor: '本科及以上',
}
/** 专科 takes a senior-secondary school leaver; 本科 (专升本) takes a 专科 graduate. */
export const EDUCATION_NEEDED: Record<(typeof DIPLOMA_LEVELS)[number], readonly Education[]> = {
  associate: ['seniorHigh', 'vocational', 'associate', 'bachelor'],
  bachelor: ['associate', 'bachelor'],
}

export const HonourTierSchema = z.enum(HONOUR_TIERS, { error: '请选择获得过的荣誉' })
export const HONOUR_TIER_LABELS: Record<HonourTier, string> = { none: '没有', county: '县（区）级荣誉', city: '市级荣誉', province: '省级及以上荣誉' }

const text = (label: string, min: number, max: number) =>
  z.string({ error: `请填写${label}` }).check(z.trim(), z.minLength(min, `请填写${label}${min > 1 ? `（至少 ${min} 个字）` : ''}`), z.maxLength(max, `${label}最多 ${max} 个字`))
const TimeText = z.string({ error: '请填写时间' }).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 19:00'))
export const OfferId = z.string({ error: '缺少课程编号' }).check(z.minLength(1, '缺少课程编号'), z.maxLength(64, '课程编号不对'))
export const EnrolmentId = z.string({ error: '缺少报名编号' }).check(z.minLength(1, '缺少报名编号'), z.maxLength(140, '报名编号不对'))
export const Credits = z.int({ error: '学分请填数字' }).check(z.gte(0, '学分不能是负数'), z.lte(2000, '学分太大了，请核对'))

/** One class meeting, in Asia/Shanghai: a place, or online. */
export const SessionInput = z
  .strictObject({
    id: z.optional(z.string().check(z.maxLength(40))),
    date: DateText,
    start: TimeText,
    end: TimeText,
    online: z.boolean({ error: '请选择线上还是线下' }),
    place: z.optional(z.string().check(z.trim(), z.maxLength(80, '地点最多 80 个字'))),
  })
  .check(
    z.refine((s) => s.end > s.start, { error: '结束时间要晚于开始时间', path: ['end'] }),
    z.refine((s) => s.online || (s.place ?? '').length >= 2, { error: '线下上课请填写地点', path: ['place'] }),
  )
export type SessionInput = z.infer<typeof SessionInput>

export const DiplomaInput = z.strictObject({
  level: z.enum(DIPLOMA_LEVELS, { error: '请选择专科或本科' }),
  major: text('专业', 2, 30),
  university: text('合作院校', 2, 40),
  /** About 2.5 years is 30 months. */
  lengthMonths: z.int({ error: '学制请填月数' }).check(z.gte(6, '学制至少 6 个月'), z.lte(72, '学制最多 72 个月')),
  /** In tenths of a credit (80 credits = 800). */
  creditsRequired: z.int({ error: '请填写毕业所需学分' }).check(z.gte(10, '毕业所需学分太少'), z.lte(3000, '学分太多了，请核对')),
  tuitionFenPerYear: Fen,
})
export type DiplomaInput = z.infer<typeof DiplomaInput>

/** An offer as staff create or edit it. Diploma programmes carry `diploma`; courses and contests their sessions. */
export const OfferInput = z
  .strictObject({
    id: z.optional(OfferId),
    type: OfferType,
    title: text('名称', 2, 40),
    provider: text('承办单位', 2, 40),
    /** The district whose academy staff run it; `cityWide` opens it to the whole city. */
    district: z.string({ error: '请选择所在区县' }).check(z.regex(/^32\d{4}$/, '请选择江苏省内的区县')),
    cityWide: z.boolean(),
    description: z.string({ error: '请填写简介' }).check(z.trim(), z.maxLength(500, '简介最多 500 个字')),
    /** The occupation the course or contest certifies (快递员, 网约配送员, 互联网营销师…). */
    occupation: z.optional(z.string().check(z.trim(), z.maxLength(30, '职业最多 30 个字'))),
    skillLevel: z.optional(SkillLevel),
    /** What it leads to, in a worker's words: “快递员四级证书”, “物流管理专科毕业证书”. */
    leadsTo: text('学完能拿到什么', 2, 40),
    enrolUntil: DateText,
    /** Skill courses: never more enrolled than this; beyond it, the waitlist. */
    seats: z.optional(z.int({ error: '名额请填数字' }).check(z.gte(1, '名额至少 1 个'), z.lte(2000, '名额最多 2000 个'))),
    sessions: z.array(SessionInput).check(z.maxLength(60, '最多 60 次课')),
    diploma: z.optional(DiplomaInput),
  })
  .check(
    z.refine((o) => o.type !== 'diploma' || !!o.diploma, { error: '学历教育请填写专业、院校、学制、学分和学费', path: ['diploma'] }),
    z.refine((o) => o.type === 'diploma' || o.sessions.length > 0, { error: '请至少安排一次课', path: ['sessions'] }),
    z.refine((o) => o.type !== 'skill' || o.seats !== undefined, { error: '技能培训请填写名额', path: ['seats'] }),
    z.refine((o) => o.type === 'diploma' || (o.occupation ?? '').length >= 2, { error: '请填写对应的职业', path: ['occupation'] }),
    z.refine((o) => o.type === 'diploma' || o.skillLevel !== undefined, { error: '请选择证书等级', path: ['skillLevel'] }),
  )
export type OfferInput = z.infer<typeof OfferInput>

export const OFFER_STATUSES = ['draft', 'published', 'closed'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]
export const SetOfferStatusInput = z.strictObject({ id: OfferId, status: z.enum(['published', 'closed'], { error: '只能发布或关闭' }) })

export const CatalogueInput = z.strictObject({
  type: z.optional(OfferType),
  occupation: z.optional(z.string().check(z.trim(), z.maxLength(30, '最多 30 个字'))),
  tags: z.optional(z.array(ScheduleTag).check(z.maxLength(3))),
  /** A city code (320600); left out, the worker's own city. */
  city: z.optional(z.string().check(z.regex(/^32\d{2}00$/, '请选择江苏省内的城市'))),
  page: Page,
})
export type CatalogueInput = z.infer<typeof CatalogueInput>

/** Whether a worker can enrol right now, in one word the card shows. */
export type OfferAvailability = 'open' | 'waitlist' | 'closed' | 'started'
export const AVAILABILITY_LABELS: Record<OfferAvailability, string> = { open: '可报名', waitlist: '已满，可候补', closed: '报名已截止', started: '已开课' }

export interface SessionView {
  id: string
  date: string
  start: string
  end: string
  online: boolean
  place: string | null
}

export interface OfferCard {
  id: string
  type: OfferType
  title: string
  provider: string
  /** “南通市 崇川区”, or “南通市（全市）”. */
  where: string
  occupation: string | null
  skillLevel: SkillLevelNo | null
  leadsTo: string
  tags: ScheduleTag[]
  /** First and last class day; null for a diploma programme without scheduled sessions. */
  firstDate: string | null
  lastDate: string | null
  enrolUntil: string
  seats: number | null
  seatsLeft: number | null
  waiting: number
  availability: OfferAvailability
  /** Tuition per year for a diploma; 0 for free courses. */
  tuitionFenPerYear: number
  /** The caller's own enrolment in it, if any. */
  mine: EnrolmentState | null
}

export interface OfferDetail extends OfferCard {
  description: string
  sessions: SessionView[]
  diploma: (DiplomaInput & { years: number; creditsPerYear: number }) | null
  status: OfferStatus
  district: string
  cityWide: boolean
  /** The caller's enrolment with its application, if any. */
  enrolment: EnrolmentView | null
}

export const ENROLMENT_STATES = ['seated', 'waitlisted', 'enrolled', 'completed', 'released'] as const
export type EnrolmentState = (typeof ENROLMENT_STATES)[number]
export const ENROLMENT_STATE_LABELS: Record<EnrolmentState, string> = {
  seated: '已占名额，待审核',
  waitlisted: '候补中',
  enrolled: '已录取',
  completed: '已结业',
  released: '已退出',
}
export const RELEASE_REASONS = ['withdrawn', 'rejected', 'noShow', 'expired'] as const
export type ReleaseReason = (typeof RELEASE_REASONS)[number]
export const RELEASE_LABELS: Record<ReleaseReason, string> = { withdrawn: '本人撤回', rejected: '未通过审核', noShow: '未到课，名额已让出', expired: '未按时补充材料' }

/** A diploma asks for the highest education and its proof; courses and contests only the worker's word. */
export const EnrolInput = z.strictObject({
  offerId: OfferId,
  education: z.optional(Education),
  note: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多 200 个字'))),
  attachments: z.array(z.string().check(z.minLength(1))).check(z.maxLength(9, '最多 9 个附件')),
})
export type EnrolInput = z.infer<typeof EnrolInput>

/** What an enrolment application stores (the application's payload). */
export interface EnrolmentPayload {
  offerId: string
  offerType: OfferType
  offerTitle: string
  enrolmentId: string
  education: Education | null
  note: string | null
  /** At submission: a seat, or a place on the waitlist. */
  seated: boolean
  waitlistNo: number | null
}

export interface CreditEntry {
  key: string
  module: string
  yearNo: number
  credits: number
  at: string
}

export interface EnrolmentView {
  id: string
  offerId: string
  offerType: OfferType
  offerTitle: string
  applicationId: string
  caseNo: string
  state: EnrolmentState
  releaseReason: ReleaseReason | null
  /** Place in the queue while waitlisted: 1 is next. */
  waitlistPlace: number | null
  nextSession: SessionView | null
  sessionsTotal: number
  sessionsAttended: number
  /** Diploma: credits so far and what the diploma needs (tenths). */
  creditsEarned: number
  creditsRequired: number | null
  certificateId: string | null
  createdAt: string
}

export interface LearningView {
  enrolments: EnrolmentView[]
  certificates: CertificateView[]
  /** The worker's district's figures, where they matter (subsidy rates, caps, window). */
  rules: AcademyRules
}

export const TranscriptInput = z.strictObject({ enrolmentId: EnrolmentId })
export interface TranscriptView {
  enrolment: EnrolmentView
  holderName: string
  entries: CreditEntry[]
  byYear: { yearNo: number; credits: number; required: number; complete: boolean }[]
}

// ---- certificates ----

/** 职业技能等级证书: Y (employer) or S (social organisation) + 21 digits: body 4, province 2, site 6, year 2, level 1, serial 6. */
export const CERT_NUMBER = /^[YS]\d{21}$/
export const CertNumber = z
  .string({ error: '请填写证书编号' })
  .check(z.overwrite((v) => v.replace(/[\s\u3000]/g, '').toUpperCase()), z.regex(CERT_NUMBER, '证书编号是 1 个字母（Y 或 S）加 21 位数字，请对照证书核对'))

export const AddCertificateInput = z
  .strictObject({
    number: CertNumber,
    level: SkillLevel,
    occupation: text('职业（工种）', 2, 30),
    issuedOn: DateText,
    photo: z.string({ error: '请拍一张证书照片' }).check(z.minLength(1, '请拍一张证书照片')),
  })
  .check(
    z.refine((c) => Number(c.number[15]) === c.level, { error: '证书编号里的等级和选择的等级不一致，请核对', path: ['level'] }),
    z.refine((c) => c.number.slice(13, 15) === c.issuedOn.slice(2, 4), { error: '证书编号里的年份和发证日期不一致，请核对', path: ['issuedOn'] }),
  )
export type AddCertificateInput = z.infer<typeof AddCertificateInput>

export interface CertificateView {
  id: string
  number: string
  occupation: string
  level: SkillLevelNo
  issuedOn: string
  issuer: string
  source: 'academy' | 'external'
  /** The skill-upgrade subsidy window: last day to claim, days left (negative once closed). */
  subsidyUntil: string
  daysLeft: number
  /** The claim already filed on it, if any. */
  claim: { applicationId: string; caseNo: string; state: ClaimState } | null
}

export const VerifyInput = z.strictObject({ number: CertNumber })
export interface VerifyView {
  found: boolean
  number: string
  holderMasked?: string
  occupation?: string
  level?: SkillLevelNo
  issuedOn?: string
  issuer?: string
  source?: 'academy' | 'external'
}

// ---- subsidies ----

export type ClaimState = 'pending' | 'approved'

export const SkillSubsidyInput = z.strictObject({ certificateId: z.string({ error: '请选择证书' }).check(z.minLength(1, '请选择证书'), z.maxLength(40)) })
export const TuitionSubsidyInput = z.strictObject({
  enrolmentId: EnrolmentId,
  yearNo: z.int({ error: '请选择第几学年' }).check(z.gte(1, '学年从第 1 年开始'), z.lte(6, '学年不对')),
  paidFen: Fen.check(z.gte(1, '请填写实际缴纳的学费')),
  tier: HonourTierSchema,
  /** The receipt; and, with an honour tier, its proof. */
  attachments: z.array(z.string().check(z.minLength(1))).check(z.minLength(1, '请拍一张学费发票或收据'), z.maxLength(9, '最多 9 个附件')),
})
export type TuitionSubsidyInput = z.infer<typeof TuitionSubsidyInput>

/** Why a claim cannot be made, each with its plain reason. */
export interface Refusal {
  code: string
  message: string
}

/** A subsidy worked out by rule, with its reasoning line by line, before anything is filed. */
export interface SubsidyQuote {
  eligible: boolean
  refusals: Refusal[]
  amountFen: number
  /** “学费 6,800 元 × 60%（没有荣誉） = 4,080 元”. */
  reasoning: string[]
}

export interface SkillSubsidyPayload {
  certificateId: string
  number: string
  occupation: string
  level: SkillLevelNo
  issuedOn: string
  source: 'academy' | 'external'
  computedFen: number
  reasoning: string[]
}

export interface TuitionSubsidyPayload {
  enrolmentId: string
  offerTitle: string
  yearNo: number
  paidFen: number
  tier: HonourTier
  ratePct: number
  computedFen: number
  reasoning: string[]
}

/** Approving a subsidy: the amount — the computed one, or lower with a reason; never above the rule. */
export const SubsidyDecision = z
  .strictObject({
    amountFen: Fen.check(z.gte(1, '批准的金额至少 0.01 元；不批准请用“不予批准”')),
    lowerReason: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多 200 个字'))),
  })
export type SubsidyDecision = z.infer<typeof SubsidyDecision>
export const EnrolmentDecision = z.strictObject({
  note: z.optional(z.string().check(z.trim(), z.maxLength(200, '最多 200 个字'))),
})

// ---- staff ----

export const StaffOffersInput = z.strictObject({ status: z.optional(z.enum(OFFER_STATUSES, { error: '筛选条件不对' })), page: Page })
export const RosterInput = z.strictObject({ offerId: OfferId })
export interface RosterRow {
  enrolmentId: string
  applicationId: string
  caseNo: string
  name: string
  state: EnrolmentState
  releaseReason: ReleaseReason | null
  waitlistNo: number | null
  attendance: Record<string, 'present' | 'absent'>
  creditsEarned: number
  certificateId: string | null
}
export interface RosterView {
  offer: OfferDetail
  rows: RosterRow[]
}

export const AttendanceInput = z.strictObject({
  offerId: OfferId,
  sessionId: z.string({ error: '请选择哪一次课' }).check(z.minLength(1, '请选择哪一次课'), z.maxLength(40)),
  present: z.array(EnrolmentId).check(z.maxLength(2000)),
  absent: z.array(EnrolmentId).check(z.maxLength(2000)),
})
export const CreditsInput = z.strictObject({
  offerId: OfferId,
  module: text('课程（模块）名称', 2, 40),
  yearNo: z.int({ error: '请选择第几学年' }).check(z.gte(1, '学年从第 1 年开始'), z.lte(6, '学年不对')),
  rows: z.array(z.strictObject({ enrolmentId: EnrolmentId, credits: Credits })).check(z.minLength(1, '请至少给一位学员记学分'), z.maxLength(2000)),
})
export const NoShowInput = z.strictObject({ enrolmentId: EnrolmentId })
export const CompleteInput = z.strictObject({ offerId: OfferId })
export const IssueInput = z.strictObject({
  offerId: OfferId,
  enrolmentIds: z.array(EnrolmentId).check(z.minLength(1, '请选择要发证的学员'), z.maxLength(2000)),
  issuedOn: DateText,
})

export interface AcademyFigures {
  enrolled: number
  waitlisted: number
  /** Completed of those whose course has ended, in percent; null before any has ended. */
  completionPct: number | null
  subsidiesApprovedThisMonthFen: number
  subsidiesApprovedThisMonth: number
}

export const RulesInput = z.strictObject({ district: z.optional(z.string().check(z.regex(/^32\d{4}$/, '请选择江苏省内的区县'))) })
const Pct = z.int({ error: '请填百分数' }).check(z.gte(0, '不能小于 0'), z.lte(100, '不能大于 100'))
export const SetRulesInput = z.strictObject({
  district: z.string({ error: '请选择区县' }).check(z.regex(/^32\d{4}$/, '请选择江苏省内的区县')),
  tuitionRatePct: z.strictObject({ none: Pct, county: Pct, city: Pct, province: Pct }),
  skillCapFen: z.strictObject({ 5: z.optional(Fen), 4: z.optional(Fen), 3: z.optional(Fen), 2: z.optional(Fen), 1: z.optional(Fen) }),
  shortageUpliftPct: z.record(z.string().check(z.minLength(2), z.maxLength(30)), Pct),
  skillWindowMonths: z.int().check(z.gte(1, '至少 1 个月'), z.lte(36, '最多 36 个月')),
  skillClaimsPerYear: z.int().check(z.gte(1, '至少 1 次'), z.lte(12, '最多 12 次')),
  completionAttendancePct: Pct,
})

/** Credits are kept in tenths: 240 → "24", 245 → "24.5". */
export function formatCredits(tenths: number): string {
  const whole = Math.floor(tenths / 10)
  const rest = tenths % 10
  return rest ? `${whole}.${rest}` : String(whole)
}

/** Sessions a trainee must attend to complete a course of `total`, by the district's share (rounded up). */
export function sessionsToComplete(total: number, attendancePct: number): number {
  return Math.ceil((total * attendancePct) / 100)
}
