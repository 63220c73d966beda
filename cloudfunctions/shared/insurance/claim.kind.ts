import { BENEFIT_LABELS, type ClaimDecision, type InjuryClaimPayload } from '~types/insurance.schema'
import { KINDS } from '~types/kinds'
import { formatDateTime } from '~types/format'
import { formatFen } from '~types/money'
import { invalidField } from '../core/app-error'
import type { Transaction } from '../core/context'
import { standardMessages, type KindDefinition } from '../workflow/kind'
import { INSURANCE_APPEAL } from './enrolment.kind'
import { POLICIES, type PolicyDoc } from './policy.doc'

/**
 * Takes `amountFen` off a policy's cover left, inside the caller's transaction: the one counter claims race on, so
 * approvals at once can never together pay more than the year's cap. A pilot claim has no policy (the fund's rules).
 */
export async function drawOnCover(tx: Transaction, p: Pick<InjuryClaimPayload, 'policyId'>, amountFen: number, field: string): Promise<number | null> {
  if (!p.policyId) return null
  const { data } = await tx.collection(POLICIES).doc(p.policyId).get()
  const policy = data as PolicyDoc
  if (amountFen > policy.capLeftFen) throw invalidField(field, `超过了保单本年度剩余的保额 ${formatFen(policy.capLeftFen)}`)
  await tx.collection(POLICIES).doc(policy._id).update({ capLeftFen: policy.capLeftFen - amountFen })
  return policy.capLeftFen - amountFen
}

/** 理赔: every step told in plain words with what comes next; approval draws on the cover left. */
export const injuryClaimKind: KindDefinition = {
  messages: {
    ...standardMessages(KINDS.injuryClaim, {
      appeal: INSURANCE_APPEAL,
      approved: (app, details) => {
        const d = details as ClaimDecision
        return {
          title: `理赔已核定：${formatFen(d.amountFen)}`,
          hint: `${BENEFIT_LABELS[d.benefit]} ${formatFen(d.amountFen)}`,
          body: `您的理赔（${app.caseNo}）已核定：${BENEFIT_LABELS[d.benefit]}${d.grade ? `（伤残 ${d.grade} 级）` : ''} ${formatFen(d.amountFen)}。打款后会再通知您，到账时间以银行为准。`,
        }
      },
    }),
    received: (app) => {
      const p = app.payload as unknown as InjuryClaimPayload
      return {
        title: '已为您报案',
        hint: '请补齐材料',
        body: `已报案（${app.caseNo}），报案时间已记下。接下来请在“我的申请”里补齐材料：现场照片、诊断证明、医疗费票据和接单截图。${p.deadlines.late ? '这次报案已超过期限，请附上逾期说明。' : `本人最晚在 ${formatDateTime(p.deadlines.selfBy)} 前申请。`}`,
      }
    },
  },
  async onTransition({ tx, app, step, details }) {
    if (step !== 'approve') return
    const p = app.payload as unknown as InjuryClaimPayload
    // The approved amount is the claim's whole benefit: an advance already agreed is part of it and was drawn on the
    // cover when agreed, so only the rest is drawn now (counting it twice would shrink the year's cap for nothing).
    const amount = (details as ClaimDecision).amountFen
    const advanced = p.advance.decision?.approved ? p.advance.decision.amountFen : 0
    if (amount < advanced) throw invalidField('details.amountFen', `核定金额是这次理赔的总额，不能少于已同意的预付 ${formatFen(advanced)}`)
    await drawOnCover(tx, p, amount - advanced, 'details.amountFen')
  },
}
