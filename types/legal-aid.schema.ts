import * as z from 'zod/mini'
import { MONEY_MAX_FEN } from './money'

/** Case types in the words a worker uses (法律援助法 Art. 31). */
export const CASE_TYPES = ['wages', 'workInjury', 'trafficAccident', 'laborRelation', 'socialInsurance', 'other'] as const
export const CaseType = z.enum(CASE_TYPES, { error: '请选择遇到的问题' })
export type CaseType = z.infer<typeof CaseType>

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  wages: '被拖欠工资',
  workInjury: '工伤赔偿',
  trafficAccident: '交通事故赔偿',
  laborRelation: '确认劳动关系',
  socialInsurance: '社会保险待遇',
  other: '其他',
}

/** Art. 42: no economic-hardship test for workers claiming wages or work-injury damages. */
export const HARDSHIP_EXEMPT: readonly CaseType[] = ['wages', 'workInjury']

export const PARTY_KINDS = ['platform', 'employer', 'person'] as const
export const PARTY_LABELS: Record<(typeof PARTY_KINDS)[number], string> = { platform: '平台', employer: '用人单位', person: '个人' }

/** The facts: enough for a lawyer to start, short enough to type on a phone. */
export const FACTS_MAX = 2000
export const AMOUNT_MAX_FEN = MONEY_MAX_FEN

export const LegalAidInput = z.strictObject({
  caseType: CaseType,
  otherParty: z.strictObject({
    kind: z.enum(PARTY_KINDS, { error: '请选择对方是平台、用人单位还是个人' }),
    name: z.string({ error: '请填写对方名称' }).check(z.trim(), z.minLength(1, '请填写对方名称'), z.maxLength(60, '对方名称最多 60 个字')),
    contact: z.optional(z.string().check(z.trim(), z.maxLength(60, '联系方式最多 60 个字'))),
  }),
  /** Integer fen; 0 when no money is claimed. */
  amountFen: z.int({ error: '金额请填数字' }).check(z.gte(0, '金额不能是负数'), z.lte(AMOUNT_MAX_FEN, '金额太大了，请核对')),
  facts: z.string({ error: '请说说发生了什么' }).check(z.trim(), z.minLength(10, '请再多写几句经过（至少 10 个字）'), z.maxLength(FACTS_MAX, `经过最多 ${FACTS_MAX} 个字`)),
  urgent: z.strictObject({
    /** Art. 44: a limitation period ends within 7 days. */
    limitationEndsSoon: z.boolean(),
    /** Art. 44: assets must be preserved urgently. */
    preservationNeeded: z.boolean(),
  }),
  /** Required unless the case type is hardship-exempt: the applicant's own words on their economic situation. */
  hardship: z.optional(z.string().check(z.trim(), z.maxLength(500, '最多 500 个字'))),
  /** File ids from the storage upload, in the order shown. */
  attachments: z.array(z.string().check(z.minLength(1))).check(z.maxLength(9, '最多 9 个附件')),
})
export type LegalAidInput = z.infer<typeof LegalAidInput>

export function hardshipExempt(caseType: CaseType): boolean {
  return HARDSHIP_EXEMPT.includes(caseType)
}

/** What is stored and read back of a request: the input without its files (they are the application's), plus Art. 42. */
export type LegalAidPayload = Omit<LegalAidInput, 'attachments'> & { hardshipExempt: boolean }

/** Approving legal aid names who takes the case and a number the applicant can call (Art. 45). */
export const LegalAidDecision = z.strictObject({
  agency: z.string({ error: '请填写承办的法律援助机构或律师' }).check(z.trim(), z.minLength(2, '请填写承办的法律援助机构或律师'), z.maxLength(60, '最多 60 个字')),
  // Spaces as people type them (“0513 8500 0000”) are dropped, not refused.
  contact: z
    .string({ error: '请填写申请人可以拨打的联系电话' })
    .check(z.overwrite((v) => v.replace(/[\s\u3000]/g, '')), z.regex(/^[\d-]{7,20}$/, '电话号码只能填数字和短横线，如 0513-85000000')),
})
export type LegalAidDecision = z.infer<typeof LegalAidDecision>
